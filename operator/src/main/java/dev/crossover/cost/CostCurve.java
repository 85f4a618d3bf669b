package dev.crossover.cost;

import java.math.BigDecimal;
import java.util.List;

/**
 * Monthly USD as a function of traffic in tokens per month (input + output). Every model Crossover
 * prices is piecewise affine in traffic (linear token prices, flat commitments, and step functions
 * of replica or copy counts), so a curve describes itself exactly as pieces and the break-even
 * solver never has to sample it.
 */
public interface CostCurve {

  /** The target's name, as used in status and recommendations. */
  String name();

  /** Monthly USD with no traffic at all (idle GPUs still cost money; token prices do not). */
  BigDecimal idleMonthlyUsd();

  /**
   * Pieces covering (0, upToTokens] in order, adjacent ((i).toTokens == (i+1).fromTokens), the first
   * starting at 0 and the last ending at upToTokens.
   */
  List<AffinePiece> pieces(BigDecimal upToTokens);

  /** Monthly USD at this traffic. */
  default BigDecimal monthlyUsd(BigDecimal tokensPerMonth) {
    if (tokensPerMonth.signum() < 0) {
      throw new IllegalArgumentException("Negative traffic: " + tokensPerMonth);
    }
    if (tokensPerMonth.signum() == 0) {
      return idleMonthlyUsd();
    }
    return pieces(tokensPerMonth).getLast().valueAt(tokensPerMonth);
  }
}
