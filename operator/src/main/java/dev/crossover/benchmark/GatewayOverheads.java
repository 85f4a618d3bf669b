package dev.crossover.benchmark;

import dev.crossover.api.v1alpha1.BenchmarkRun;
import dev.crossover.api.v1alpha1.BenchmarkTarget;
import dev.crossover.api.v1alpha1.GatewayOverhead;
import dev.crossover.api.v1alpha1.GatewayProfile;
import dev.crossover.api.v1alpha1.Percentiles;
import dev.crossover.loadgen.result.Metric;
import dev.crossover.loadgen.result.RunResult;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.HdrHistogram.Histogram;

/**
 * Gateway added latency: for a gateway target and the run's direct target on the platform behind
 * that gateway, the difference of their TTFT at one load level — the median with its 95%
 * interval ({@link MedianDifference}), p95 and p99 as point differences.
 */
public final class GatewayOverheads {

  private GatewayOverheads() {}

  /**
   * Gateway target name to the direct target measuring the same platform: a gateway's first
   * platform backend, and the first platformRef target naming that platform.
   */
  public static Map<String, String> pairs(KubernetesClient client, BenchmarkRun run) {
    String ns = run.getMetadata().getNamespace();
    Map<String, String> directByPlatform = new LinkedHashMap<>();
    for (BenchmarkTarget t : run.getSpec().getTargets()) {
      if (t.getPlatformRef() != null) {
        directByPlatform.putIfAbsent(t.getPlatformRef().namespaceOr(ns) + "/" + t.getPlatformRef().getName(), t.getName());
      }
    }
    Map<String, String> pairs = new LinkedHashMap<>();
    if (directByPlatform.isEmpty()) {
      return pairs;
    }
    for (BenchmarkTarget t : run.getSpec().getTargets()) {
      if (t.getGatewayRef() == null) {
        continue;
      }
      String gwNs = t.getGatewayRef().namespaceOr(ns);
      GatewayProfile g = client.resources(GatewayProfile.class).inNamespace(gwNs).withName(t.getGatewayRef().getName()).get();
      if (g == null || g.getSpec().getBackends() == null) {
        continue;
      }
      g.getSpec().getBackends().stream().filter(b -> b.getPlatformRef() != null).findFirst()
          .map(b -> directByPlatform.get(b.getPlatformRef().namespaceOr(gwNs) + "/" + b.getPlatformRef().getName()))
          .ifPresent(direct -> pairs.put(t.getName(), direct));
    }
    return pairs;
  }

  /** The gateway's TTFT minus the direct path's at one level; empty when either has too few requests. */
  public static Optional<GatewayOverhead> at(String level, String directTarget, RunResult gateway, RunResult direct) {
    Histogram g = gateway.total().histogram(Metric.TTFT);
    Histogram d = direct.total().histogram(Metric.TTFT);
    return MedianDifference.of(g, d).map(diff -> {
      GatewayOverhead o = new GatewayOverhead();
      o.setComparedWith(directTarget);
      o.setLevel(level);
      o.setAddedMs(new Percentiles(ms(diff.difference()),
          ms(g.getValueAtPercentile(95) - (double) d.getValueAtPercentile(95)),
          ms(g.getValueAtPercentile(99) - (double) d.getValueAtPercentile(99))));
      o.setCiLowMs(ms(diff.low()));
      o.setCiHighMs(ms(diff.high()));
      o.setGatewayRequests(g.getTotalCount());
      o.setDirectRequests(d.getTotalCount());
      return o;
    });
  }

  /** Nanoseconds to milliseconds, to the microsecond. */
  private static double ms(double nanos) {
    return Math.round(nanos / 1_000.0) / 1_000.0;
  }
}
