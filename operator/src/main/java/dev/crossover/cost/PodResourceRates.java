package dev.crossover.cost;

import java.math.BigDecimal;

/**
 * What a vCPU-hour and a GiB-hour of pod requests cost on the cluster's CPU nodes. FACTS.md has no
 * figure, so there is no default: the caller derives it from its CPU node type and says how.
 */
public record PodResourceRates(BigDecimal usdPerVcpuHour, BigDecimal usdPerGiBHour, String source) {
  public PodResourceRates {
    if (usdPerVcpuHour.signum() < 0 || usdPerGiBHour.signum() < 0) {
      throw new IllegalArgumentException("Negative pod resource rate");
    }
  }
}
