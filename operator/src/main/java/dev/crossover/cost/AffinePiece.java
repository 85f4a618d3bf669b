package dev.crossover.cost;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * One piece of a monthly cost curve: on traffic T in (fromTokens, toTokens] (tokens per month) the
 * cost is {@code fixedUsd + usdPerToken * T}. Left-open, right-closed, so a step function's value at
 * a capacity boundary is the cheaper step (k replicas serve exactly k x capacity).
 */
public record AffinePiece(BigDecimal fromTokens, BigDecimal toTokens, BigDecimal fixedUsd, BigDecimal usdPerToken) {

  public AffinePiece {
    Objects.requireNonNull(fromTokens);
    Objects.requireNonNull(toTokens);
    Objects.requireNonNull(fixedUsd);
    Objects.requireNonNull(usdPerToken);
    if (fromTokens.compareTo(toTokens) >= 0) {
      throw new IllegalArgumentException("Empty piece (" + fromTokens + ", " + toTokens + "]");
    }
  }

  public BigDecimal valueAt(BigDecimal tokensPerMonth) {
    return fixedUsd.add(usdPerToken.multiply(tokensPerMonth));
  }

  public boolean contains(BigDecimal tokensPerMonth) {
    return tokensPerMonth.compareTo(fromTokens) > 0 && tokensPerMonth.compareTo(toTokens) <= 0;
  }
}
