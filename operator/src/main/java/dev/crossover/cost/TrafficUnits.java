package dev.crossover.cost;

import java.math.BigDecimal;
import java.math.MathContext;

/**
 * Converts between tokens per month (the x axis of every cost curve) and average requests per
 * second. Both depend on the length of a month and the mean tokens (input + output) per request of
 * the workload that was measured.
 *
 * @param hoursPerMonth CostSpec.hoursPerMonth, 730 by default (8,760 h / 12)
 * @param meanTokensPerRequest mean input + output tokens of one request in the measured workload
 */
public record TrafficUnits(int hoursPerMonth, double meanTokensPerRequest) {

  public static final int DEFAULT_HOURS_PER_MONTH = 730;

  public TrafficUnits {
    if (hoursPerMonth < 1 || hoursPerMonth > 744) {
      throw new IllegalArgumentException("hoursPerMonth must be 1..744: " + hoursPerMonth);
    }
    if (!(meanTokensPerRequest > 0) || Double.isInfinite(meanTokensPerRequest)) {
      throw new IllegalArgumentException("meanTokensPerRequest must be positive: " + meanTokensPerRequest);
    }
  }

  public BigDecimal secondsPerMonth() {
    return BigDecimal.valueOf(hoursPerMonth).multiply(BigDecimal.valueOf(3600));
  }

  /** A sustained rate in tokens per second, as tokens per month. */
  public BigDecimal tokensPerMonthAt(double tokensPerSecond) {
    return BigDecimal.valueOf(tokensPerSecond).multiply(secondsPerMonth());
  }

  /** Average requests per second as tokens per month. */
  public BigDecimal tokensPerMonthAtRequestsPerSecond(double requestsPerSecond) {
    return tokensPerMonthAt(requestsPerSecond * meanTokensPerRequest);
  }

  /** Tokens per month as average requests per second. */
  public double requestsPerSecond(BigDecimal tokensPerMonth) {
    return tokensPerMonth.divide(secondsPerMonth(), MathContext.DECIMAL64).doubleValue() / meanTokensPerRequest;
  }
}
