package dev.crossover.benchmark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.crossover.api.v1alpha1.GatewayOverhead;
import dev.crossover.loadgen.result.IntervalSeries;
import dev.crossover.loadgen.result.Metric;
import dev.crossover.loadgen.result.MetricsSection;
import dev.crossover.loadgen.result.RunResult;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

class GatewayOverheadsTest {

  /** TTFTs in ns: a lognormal around 150 ms, shifted by shiftMs. */
  static RunResult ttfts(long seed, int n, double shiftMs) {
    MetricsSection total = new MetricsSection();
    SplittableRandom r = new SplittableRandom(seed);
    for (int i = 0; i < n; i++) {
      double ms = 150 * Math.exp(0.3 * nextGaussian(r)) + shiftMs;
      total.histogram(Metric.TTFT).recordValue((long) (ms * 1e6));
    }
    return new RunResult("x", 0, 60_000, 1, total, Map.of(), new TreeSet<>(), null, new IntervalSeries(1000));
  }

  private static double nextGaussian(SplittableRandom r) {
    return Math.sqrt(-2 * Math.log(1 - r.nextDouble())) * Math.cos(2 * Math.PI * r.nextDouble());
  }

  @Test
  void aConstantShiftIsMeasuredAsTheAddedMedianWithAnIntervalAroundIt() {
    // The same draws, 5 ms later through the gateway: every percentile moves by 5 ms.
    RunResult direct = ttfts(7, 20_000, 0);
    RunResult gateway = ttfts(7, 20_000, 5);
    GatewayOverhead o = GatewayOverheads.at("concurrency 10", "direct", gateway, direct).orElseThrow();
    assertThat(o.getComparedWith()).isEqualTo("direct");
    assertThat(o.getLevel()).isEqualTo("concurrency 10");
    // 3 significant digits: 0.1% of 150 ms is the resolution.
    assertThat(o.getAddedMs().getP50()).isCloseTo(5.0, within(0.3));
    assertThat(o.getAddedMs().getP95()).isCloseTo(5.0, within(0.5));
    assertThat(o.getAddedMs().getP99()).isCloseTo(5.0, within(0.5));
    assertThat(o.getCiLowMs()).isLessThan(o.getAddedMs().getP50()).isGreaterThan(0);
    assertThat(o.getCiHighMs()).isGreaterThan(o.getAddedMs().getP50());
    assertThat(o.getGatewayRequests()).isEqualTo(20_000L);
  }

  @Test
  void noGatewayEffectGivesAnIntervalAroundZero() {
    GatewayOverhead o = GatewayOverheads.at("rate 1", "direct", ttfts(1, 5_000, 0), ttfts(2, 5_000, 0)).orElseThrow();
    assertThat(o.getCiLowMs()).isNegative();
    assertThat(o.getCiHighMs()).isPositive();
  }
}
