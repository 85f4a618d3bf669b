package dev.crossover.benchmark;

import java.util.Optional;
import org.HdrHistogram.AbstractHistogram;
import org.HdrHistogram.HistogramIterationValue;
import org.apache.commons.math3.distribution.BinomialDistribution;
import org.apache.commons.math3.distribution.NormalDistribution;

/**
 * The difference of two independent samples' medians with a distribution-free 95% confidence
 * interval (Bonett and Price, 2002, "Statistical inference for a linear function of medians",
 * Psychological Methods 7(3)), computed on HdrHistograms.
 *
 * <p>Why this method: TTFT is skewed and heavy-tailed, so a t-interval on means misleads; the
 * median is what "added latency" means to a reader; and each median's standard error comes from
 * two order statistics, Y(a) and Y(n-a+1) with a = round(n/2 - sqrt(n)), whose exact binomial
 * coverage gives the z to scale by — no resampling, so the figure is deterministic, cheap on a
 * merged histogram of a million requests, and checkable by hand. A bootstrap over the merged
 * histograms would need a random seed and thousands of resamples for the same interval. The
 * two runs are independent samples (the gateway and the direct path run one after the other),
 * which is what the method assumes; it does not assume equal shapes or variances.
 *
 * <p>Order statistics are read from the histogram at its resolution (3 significant digits:
 * 0.1%), each bucket standing for its median equivalent value.
 */
public final class MedianDifference {

  /** Sample median, its standard error, and size. */
  public record MedianEstimate(double median, double standardError, long n) {}

  /** median(a) - median(b), its standard error, and the 95% interval. */
  public record Result(double difference, double standardError, double low, double high) {}

  static final double Z_95 = new NormalDistribution(0, 1).inverseCumulativeProbability(0.975);
  /** Below this many values per sample the interval is not worth stating. */
  static final int MIN_SAMPLES = 5;

  private MedianDifference() {}

  public static Optional<Result> of(AbstractHistogram a, AbstractHistogram b) {
    Optional<MedianEstimate> ma = estimate(a);
    Optional<MedianEstimate> mb = estimate(b);
    if (ma.isEmpty() || mb.isEmpty()) {
      return Optional.empty();
    }
    double difference = ma.get().median() - mb.get().median();
    double se = Math.hypot(ma.get().standardError(), mb.get().standardError());
    return Optional.of(new Result(difference, se, difference - Z_95 * se, difference + Z_95 * se));
  }

  static Optional<MedianEstimate> estimate(AbstractHistogram h) {
    long n = h.getTotalCount();
    if (n < MIN_SAMPLES) {
      return Optional.empty();
    }
    double median = n % 2 == 1 ? valueAtRank(h, (n + 1) / 2)
        : (valueAtRank(h, n / 2) + valueAtRank(h, n / 2 + 1)) / 2;
    // Math.rint rounds half to even, as the method's reference implementation does.
    long rank = Math.max(1, (long) Math.rint(n / 2.0 - Math.sqrt(n)));
    double lower = valueAtRank(h, rank);
    double upper = valueAtRank(h, n - rank + 1);
    double tail = new BinomialDistribution(null, (int) Math.min(n, Integer.MAX_VALUE), 0.5).cumulativeProbability((int) rank - 1);
    double z = new NormalDistribution(null, 0, 1).inverseCumulativeProbability(1 - tail);
    return Optional.of(new MedianEstimate(median, (upper - lower) / (2 * z), n));
  }

  /** The k-th smallest recorded value (1-based). */
  static double valueAtRank(AbstractHistogram h, long k) {
    long seen = 0;
    for (HistogramIterationValue v : h.recordedValues()) {
      seen += v.getCountAtValueIteratedTo();
      if (seen >= k) {
        return h.medianEquivalentValue(v.getValueIteratedTo());
      }
    }
    throw new IllegalArgumentException("rank " + k + " beyond " + h.getTotalCount() + " values");
  }
}
