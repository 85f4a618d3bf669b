package dev.crossover.cost;

import java.math.BigDecimal;
import java.util.List;
import java.util.Objects;

/**
 * Bedrock Custom Model Import: copies x CMUs per copy x rate per CMU-minute, billed in 5-minute
 * windows; copies are added with traffic and evicted after about an hour without traffic (AWS user
 * guide import-model-calculate-cost).
 *
 * <p>The traffic profile is kept simple on purpose: the month has {@code busyPeriodsPerMonth}
 * separate periods of traffic, each {@code busyMinutesPerPeriod} long, and no traffic in between.
 * Each period keeps a copy loaded for its busy minutes plus the idle hour before eviction, rounded up
 * to whole 5-minute windows; if that adds up to more than the month, the model never unloads.
 * Traffic T is spread evenly over the busy time, and copies = ceil(busy-time rate / capacity per
 * copy), each billed for the whole active time (an upper bound: AWS may unload extra copies sooner).
 *
 * <pre>
 * billedMinutes = min(periods x ceil5(busyMinutes + 60), hours x 60)
 * copies(T)     = max(1, ceil(T / (capacityTokensPerSecondPerCopy x periods x busyMinutes x 60)))  for T > 0
 * cost(T)       = copies(T) x cmusPerCopy x perCmuMinute x billedMinutes;  cost(0) = 0 (never loaded)
 * </pre>
 */
public record CustomModelImportCost(String name, PriceQuote perCmuMinute, int cmusPerCopy,
    double capacityTokensPerSecondPerCopy, int busyPeriodsPerMonth, int busyMinutesPerPeriod, int hoursPerMonth)
    implements CostCurve {

  /** Bedrock bills imported models in 5-minute windows. */
  public static final int BILLING_WINDOW_MINUTES = 5;
  /** Idle copies are evicted after about an hour without traffic (then a cold start, ModelNotReadyException). */
  public static final int IDLE_MINUTES_BEFORE_EVICTION = 60;

  public CustomModelImportCost {
    Objects.requireNonNull(name);
    if (perCmuMinute.unit() != PriceUnit.USD_PER_CMU_MINUTE) {
      throw new IllegalArgumentException("Custom Model Import price must be USD per CMU-minute: " + perCmuMinute);
    }
    if (cmusPerCopy < 1 || busyPeriodsPerMonth < 1 || busyMinutesPerPeriod < 1) {
      throw new IllegalArgumentException("CMUs per copy, busy periods and busy minutes must be at least 1");
    }
    if (!(capacityTokensPerSecondPerCopy > 0) || Double.isInfinite(capacityTokensPerSecondPerCopy)) {
      throw new IllegalArgumentException("Capacity per copy must be positive");
    }
    if ((long) busyPeriodsPerMonth * busyMinutesPerPeriod > hoursPerMonth * 60L) {
      throw new IllegalArgumentException("More busy minutes than the month has");
    }
  }

  /** Minutes each copy is billed for in a month: busy time plus the idle hour, in whole windows. */
  public long billedMinutesPerCopy() {
    long perPeriod = busyMinutesPerPeriod + IDLE_MINUTES_BEFORE_EVICTION;
    long windows = (perPeriod + BILLING_WINDOW_MINUTES - 1) / BILLING_WINDOW_MINUTES;
    return Math.min(busyPeriodsPerMonth * windows * BILLING_WINDOW_MINUTES, hoursPerMonth * 60L);
  }

  /** Tokens one copy serves in a month when traffic is spread over the busy minutes. */
  public BigDecimal tokensPerMonthPerCopy() {
    return BigDecimal.valueOf(capacityTokensPerSecondPerCopy)
        .multiply(BigDecimal.valueOf((long) busyPeriodsPerMonth * busyMinutesPerPeriod * 60));
  }

  public BigDecimal monthlyUsdPerCopy() {
    return perCmuMinute.usd().multiply(BigDecimal.valueOf(cmusPerCopy)).multiply(BigDecimal.valueOf(billedMinutesPerCopy()));
  }

  public long copies(BigDecimal tokensPerMonth) {
    return tokensPerMonth.signum() == 0 ? 0 : Steps.units(tokensPerMonth, tokensPerMonthPerCopy(), 1);
  }

  @Override
  public BigDecimal idleMonthlyUsd() {
    return BigDecimal.ZERO;
  }

  @Override
  public List<AffinePiece> pieces(BigDecimal upToTokens) {
    return Steps.pieces(BigDecimal.ZERO, monthlyUsdPerCopy(), tokensPerMonthPerCopy(), 1, upToTokens);
  }
}
