package dev.crossover.cost;

import java.math.BigDecimal;
import java.util.List;
import java.util.Objects;

/**
 * Bedrock Provisioned Throughput: model units x hourly price per unit x hours, whatever the traffic
 * (AWS user guide prov-throughput: billed per model unit per hour, 1- or 6-month commitment for base
 * models). Traffic beyond what the units serve is out of this model's scope: size modelUnits for the
 * peak (GetProvisionedModelThroughput reports them).
 */
public record ProvisionedThroughputCost(String name, PriceQuote perModelUnitHour, int modelUnits, int hoursPerMonth)
    implements CostCurve {

  public ProvisionedThroughputCost {
    Objects.requireNonNull(name);
    if (perModelUnitHour.unit() != PriceUnit.USD_PER_MODEL_UNIT_HOUR) {
      throw new IllegalArgumentException("Provisioned Throughput price must be USD per model-unit-hour: " + perModelUnitHour);
    }
    if (modelUnits < 1) {
      throw new IllegalArgumentException("modelUnits must be at least 1");
    }
  }

  @Override
  public BigDecimal idleMonthlyUsd() {
    return perModelUnitHour.usd().multiply(BigDecimal.valueOf(modelUnits)).multiply(BigDecimal.valueOf(hoursPerMonth));
  }

  @Override
  public List<AffinePiece> pieces(BigDecimal upToTokens) {
    return List.of(new AffinePiece(BigDecimal.ZERO, upToTokens, idleMonthlyUsd(), BigDecimal.ZERO));
  }
}
