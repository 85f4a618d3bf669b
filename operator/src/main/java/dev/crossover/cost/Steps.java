package dev.crossover.cost;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;

/**
 * Cost that grows in whole units (replicas, copies): units(T) = max(minUnits, ceil(T / tokensPerUnit))
 * and cost(T) = fixedUsd + units(T) x usdPerUnit.
 */
final class Steps {

  /** A guard against a capacity so small that the range would need millions of pieces. */
  static final int MAX_PIECES = 200_000;

  private Steps() {}

  static long units(BigDecimal tokensPerMonth, BigDecimal tokensPerUnit, int minUnits) {
    long needed = tokensPerMonth.divide(tokensPerUnit, 0, RoundingMode.CEILING).longValueExact();
    return Math.max(minUnits, needed);
  }

  static List<AffinePiece> pieces(BigDecimal fixedUsd, BigDecimal usdPerUnit, BigDecimal tokensPerUnit,
      int minUnits, BigDecimal upToTokens) {
    if (upToTokens.signum() <= 0) {
      throw new IllegalArgumentException("Range must be positive: " + upToTokens);
    }
    long lastUnits = units(upToTokens, tokensPerUnit, minUnits);
    if (lastUnits - minUnits + 1 > MAX_PIECES) {
      throw new IllegalArgumentException("Capacity " + tokensPerUnit.round(MathContext.DECIMAL64)
          + " tokens/month per unit needs " + lastUnits + " units for " + upToTokens + " tokens/month: too many steps");
    }
    List<AffinePiece> pieces = new ArrayList<>();
    BigDecimal from = BigDecimal.ZERO;
    for (long k = minUnits; k <= lastUnits; k++) {
      BigDecimal to = tokensPerUnit.multiply(BigDecimal.valueOf(k)).min(upToTokens);
      if (to.compareTo(from) > 0) {
        pieces.add(new AffinePiece(from, to, fixedUsd.add(usdPerUnit.multiply(BigDecimal.valueOf(k))), BigDecimal.ZERO));
        from = to;
      }
    }
    return List.copyOf(pieces);
  }
}
