package dev.crossover.cost;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.List;

/**
 * Finds every traffic level in (0, upTo] where the cheaper of two cost curves changes, exactly.
 *
 * <p>Both curves are piecewise affine, so their difference d(T) = a(T) - b(T) is affine between
 * the union of their breakpoints. On each such interval the sign of d is known from its two ends;
 * a sign change inside one interval is the root of an affine function, and a sign change across a
 * breakpoint is a step (a replica added) jumping over the other curve. Nothing is sampled, so a
 * crossing that lasts a few thousand tokens is found as surely as one that lasts billions.
 */
public final class BreakEvenSolver {

  private BreakEvenSolver() {}

  /** One elementary interval (from, to] on which both curves are affine. */
  private record Segment(BigDecimal from, BigDecimal to, AffinePiece a, AffinePiece b) {
    BigDecimal diffAt(BigDecimal t) {
      return a.valueAt(t).subtract(b.valueAt(t));
    }
  }

  /** The sign of d observed at a point (for the right limit at a segment's start, or at a point). */
  private record Observation(BigDecimal at, BigDecimal diff) {}

  public static BreakEvenAnalysis solve(CostCurve a, CostCurve b, BigDecimal upToTokens, TrafficUnits units) {
    List<AffinePiece> piecesA = a.pieces(upToTokens);
    List<AffinePiece> piecesB = b.pieces(upToTokens);
    List<Segment> segments = merge(piecesA, piecesB);

    List<Observation> observations = new ArrayList<>();
    for (Segment s : segments) {
      BigDecimal atStart = s.diffAt(s.from());  // right limit: this segment's formula at its open end
      BigDecimal atEnd = s.diffAt(s.to());
      observations.add(new Observation(s.from(), atStart));
      if (atStart.signum() * atEnd.signum() < 0) {
        BigDecimal slope = s.a().usdPerToken().subtract(s.b().usdPerToken());
        BigDecimal intercept = s.a().fixedUsd().subtract(s.b().fixedUsd());
        BigDecimal root = intercept.negate().divide(slope, MathContext.DECIMAL128);
        observations.add(new Observation(root, BigDecimal.ZERO));
      }
      observations.add(new Observation(s.to(), atEnd));
    }

    List<Crossing> crossings = new ArrayList<>();
    List<Integer> signsAfter = new ArrayList<>();
    int firstSign = 0;
    int lastSign = 0;
    BigDecimal zeroSince = null;
    for (Observation o : observations) {
      int sign = o.diff().signum();
      if (sign == 0) {
        if (zeroSince == null && lastSign != 0) {
          zeroSince = o.at();
        }
        continue;
      }
      if (lastSign == 0) {
        firstSign = sign;
      } else if (sign != lastSign) {
        BigDecimal at = zeroSince != null ? zeroSince : o.at();
        crossings.add(crossing(a, b, piecesA, piecesB, at, sign, units));
        signsAfter.add(sign);
      }
      lastSign = sign;
      zeroSince = null;
    }
    List<TrafficBand> bands = bands(a, b, upToTokens, firstSign, crossings, signsAfter, observations);
    return new BreakEvenAnalysis(a.name(), b.name(), upToTokens, units, List.copyOf(crossings), bands);
  }

  private static List<Segment> merge(List<AffinePiece> piecesA, List<AffinePiece> piecesB) {
    List<Segment> segments = new ArrayList<>();
    int i = 0;
    int j = 0;
    BigDecimal from = BigDecimal.ZERO;
    while (i < piecesA.size() && j < piecesB.size()) {
      AffinePiece pa = piecesA.get(i);
      AffinePiece pb = piecesB.get(j);
      BigDecimal to = pa.toTokens().min(pb.toTokens());
      segments.add(new Segment(from, to, pa, pb));
      if (pa.toTokens().compareTo(to) == 0) {
        i++;
      }
      if (pb.toTokens().compareTo(to) == 0) {
        j++;
      }
      from = to;
    }
    return segments;
  }

  private static Crossing crossing(CostCurve a, CostCurve b, List<AffinePiece> piecesA, List<AffinePiece> piecesB,
      BigDecimal at, int signAbove, TrafficUnits units) {
    // d = a - b > 0 above means a costs more there: b is the cheaper above.
    String cheaperAbove = signAbove > 0 ? b.name() : a.name();
    String cheaperBelow = signAbove > 0 ? a.name() : b.name();
    BigDecimal aAt = valueAt(a, piecesA, at);
    BigDecimal bAt = valueAt(b, piecesB, at);
    boolean aJumps = jumps(piecesA, at);
    boolean bJumps = jumps(piecesB, at);
    Crossing.Kind kind = aJumps || bJumps ? Crossing.Kind.STEP : Crossing.Kind.CONTINUOUS;
    BigDecimal usd;
    if (aJumps && !bJumps) {
      usd = bAt;
    } else if (bJumps && !aJumps) {
      usd = aAt;
    } else {
      usd = aAt.max(bAt);  // equal when continuous
    }
    return new Crossing(at, units.requestsPerSecond(at), usd, cheaperBelow, cheaperAbove, kind);
  }

  /** Value at t, the piece closed on the right: (from, to]. */
  private static BigDecimal valueAt(CostCurve curve, List<AffinePiece> pieces, BigDecimal t) {
    for (AffinePiece p : pieces) {
      if (p.contains(t)) {
        return p.valueAt(t);
      }
    }
    return curve.monthlyUsd(t);
  }

  private static boolean jumps(List<AffinePiece> pieces, BigDecimal t) {
    for (int k = 0; k + 1 < pieces.size(); k++) {
      if (pieces.get(k).toTokens().compareTo(t) == 0) {
        return pieces.get(k).valueAt(t).compareTo(pieces.get(k + 1).valueAt(t)) != 0;
      }
    }
    return false;
  }

  private static List<TrafficBand> bands(CostCurve a, CostCurve b, BigDecimal upTo, int firstSign,
      List<Crossing> crossings, List<Integer> signsAfter, List<Observation> observations) {
    List<TrafficBand> bands = new ArrayList<>();
    BigDecimal from = BigDecimal.ZERO;
    int sign = firstSign;
    for (int k = 0; k <= crossings.size(); k++) {
      BigDecimal to = k < crossings.size() ? crossings.get(k).tokensPerMonth() : upTo;
      // |d| is affine between observations, so its largest value in a band is at an observation.
      BigDecimal largest = BigDecimal.ZERO;
      for (Observation o : observations) {
        boolean inside = o.at().compareTo(from) >= 0 && o.at().compareTo(to) <= 0;
        if (inside && o.diff().signum() == sign) {
          largest = largest.max(o.diff().abs());
        }
      }
      String cheaper = sign == 0 ? null : sign > 0 ? b.name() : a.name();
      String dearer = sign == 0 ? null : sign > 0 ? a.name() : b.name();
      bands.add(new TrafficBand(from, to, cheaper, dearer, largest));
      if (k < crossings.size()) {
        from = to;
        sign = signsAfter.get(k);
      }
    }
    return List.copyOf(bands);
  }
}
