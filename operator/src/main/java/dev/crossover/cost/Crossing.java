package dev.crossover.cost;

import dev.crossover.api.v1alpha1.BreakEvenPoint;
import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * A traffic level where the cheaper of two options changes.
 *
 * @param kind CONTINUOUS where the curves meet; STEP where one jumps over the other at a capacity
 *     boundary (a replica or copy added) without ever being equal
 * @param monthlyUsd both curves' cost where they meet; at a STEP crossing the cost of the curve that
 *     does not jump there (if both jump: the higher of the two costs at the point, i.e. before the jump)
 */
public record Crossing(BigDecimal tokensPerMonth, double requestsPerSecond, BigDecimal monthlyUsd,
    String cheaperBelow, String cheaperAbove, Kind kind) {

  public enum Kind { CONTINUOUS, STEP }

  /** The status form, with self-managed and managed named as the API expects. */
  public BreakEvenPoint toStatus(String selfManaged, String managed) {
    BreakEvenPoint point = new BreakEvenPoint();
    point.setSelfManaged(selfManaged);
    point.setManaged(managed);
    point.setTokensPerMonth(tokensPerMonth.setScale(0, RoundingMode.HALF_UP).toPlainString());
    point.setRequestsPerSecond(requestsPerSecond);
    point.setMonthlyUSD(monthlyUsd.setScale(2, RoundingMode.HALF_UP).toPlainString());
    point.setCheaperAbove(cheaperAbove);
    return point;
  }
}
