package dev.crossover.cost;

import dev.crossover.api.v1alpha1.CostSpec;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * A BenchmarkRun's CostSpec with its defaults applied and its strings parsed, so cost code never
 * handles nulls or decimal strings.
 *
 * @param hoursPerMonth default 730 (8,760 h / 12)
 * @param instancePricing default OnDemand
 * @param operationsMonthlyUsd operations FTE share added to self-managed cost, default 0
 * @param trafficLevels tokens per month at which monthly cost is reported, ascending; default a
 *     1-2-5 log sweep from 1e6 to 1e11
 */
public record CostSettings(int hoursPerMonth, CostSpec.InstancePricing instancePricing, BigDecimal operationsMonthlyUsd,
    List<BigDecimal> trafficLevels) {

  public CostSettings {
    trafficLevels = List.copyOf(trafficLevels);
  }

  /** @throws IllegalArgumentException for a traffic level or amount that is not a non-negative number */
  public static CostSettings from(CostSpec spec) {
    CostSpec cost = spec == null ? new CostSpec() : spec;
    int hours = cost.getHoursPerMonth() == null ? TrafficUnits.DEFAULT_HOURS_PER_MONTH : cost.getHoursPerMonth();
    CostSpec.InstancePricing pricing = cost.getInstancePricing() == null
        ? CostSpec.InstancePricing.OnDemand : cost.getInstancePricing();
    BigDecimal operations = cost.getOperationsMonthlyUSD() == null
        ? BigDecimal.ZERO : nonNegative("operationsMonthlyUSD", cost.getOperationsMonthlyUSD());
    List<BigDecimal> levels = cost.getTrafficLevels() == null || cost.getTrafficLevels().isEmpty()
        ? defaultSweep()
        : cost.getTrafficLevels().stream().map(l -> nonNegative("trafficLevels", l).stripTrailingZeros()).sorted().distinct().toList();
    return new CostSettings(hours, pricing, operations, levels);
  }

  /** 1, 2, 5 x 10^k tokens/month for k = 6..10, then 1e11: 16 levels. */
  static List<BigDecimal> defaultSweep() {
    List<BigDecimal> levels = new ArrayList<>();
    for (int exponent = 6; exponent <= 10; exponent++) {
      for (int mantissa : new int[] {1, 2, 5}) {
        levels.add(BigDecimal.valueOf(mantissa).scaleByPowerOfTen(exponent));
      }
    }
    levels.add(BigDecimal.ONE.scaleByPowerOfTen(11));
    return levels;
  }

  /** The top of the range the break-even solver searches: the highest reported level. */
  public BigDecimal maxTrafficLevel() {
    return trafficLevels.getLast();
  }

  private static BigDecimal nonNegative(String field, String value) {
    try {
      BigDecimal parsed = new BigDecimal(value.trim());
      if (parsed.signum() < 0) {
        throw new IllegalArgumentException("spec.cost." + field + " must not be negative: " + value);
      }
      return parsed;
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("spec.cost." + field + " is not a number: \"" + value + "\"", e);
    }
  }
}
