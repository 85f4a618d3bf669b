package dev.crossover.cost;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/**
 * Points of a monthly cost curve for drawing it on a logarithmic traffic axis: log-spaced points
 * across the range, plus both sides of every step inside it so a replica added shows as a
 * vertical jump rather than a slope. Pure.
 */
public final class CostSampler {

  /** Traffic and monthly USD of one point. */
  public record Point(double tokensPerMonth, double monthlyUsd) {}

  /** Steps drawn exactly up to this many; past it the log-spaced points alone draw the curve. */
  static final int MAX_STEPS = 200;

  private CostSampler() {}

  public static List<Point> sample(CostCurve curve, BigDecimal fromTokens, BigDecimal upToTokens, int pointsPerDecade) {
    double from = fromTokens.doubleValue();
    double to = upToTokens.doubleValue();
    TreeSet<Double> xs = new TreeSet<>();
    double decades = Math.log10(to / from);
    int n = Math.max(2, (int) Math.ceil(decades * pointsPerDecade) + 1);
    for (int i = 0; i < n; i++) {
      xs.add(from * Math.pow(10, decades * i / (n - 1)));
    }
    List<AffinePiece> pieces = curve.pieces(upToTokens);
    List<Point> points = new ArrayList<>();
    if (pieces.size() <= MAX_STEPS) {
      for (AffinePiece p : pieces) {
        double end = p.toTokens().doubleValue();
        if (end > from && end < to) {
          xs.add(end);
        }
      }
    }
    for (double x : xs) {
      BigDecimal at = BigDecimal.valueOf(x);
      points.add(new Point(x, curve.monthlyUsd(at).doubleValue()));
      // Just past a step boundary: the next piece's value, so the jump is drawn.
      if (pieces.size() <= MAX_STEPS) {
        for (int k = 0; k + 1 < pieces.size(); k++) {
          if (pieces.get(k).toTokens().compareTo(at) == 0) {
            points.add(new Point(x, pieces.get(k + 1).valueAt(at).doubleValue()));
          }
        }
      }
    }
    return List.copyOf(points);
  }
}
