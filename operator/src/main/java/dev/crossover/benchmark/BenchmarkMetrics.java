package dev.crossover.benchmark;

import dev.crossover.api.v1alpha1.BenchmarkRun;
import dev.crossover.api.v1alpha1.BenchmarkRunStatus;
import dev.crossover.api.v1alpha1.BreakEvenPoint;
import dev.crossover.api.v1alpha1.LevelResult;
import dev.crossover.api.v1alpha1.Percentiles;
import dev.crossover.api.v1alpha1.TargetSummary;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.Tags;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A BenchmarkRun's results as gauges on the operator's Prometheus endpoint, derived from its
 * status (the source of truth, so an operator restart republishes them) and removed with the
 * run. The names are a contract with the Grafana dashboard and the Helm chart: they are
 * registered without a base unit, so Micrometer adds no suffix and Prometheus sees exactly
 * {@code crossover_benchmark_ttft_seconds}, {@code crossover_benchmark_phase} and so on.
 */
public final class BenchmarkMetrics {

  public static final String TTFT = "crossover_benchmark_ttft_seconds";
  public static final String E2E = "crossover_benchmark_e2e_seconds";
  public static final String REQUESTS_PER_SECOND = "crossover_benchmark_requests_per_second";
  public static final String COST_PER_MILLION_TOKENS = "crossover_benchmark_cost_per_million_tokens_usd";
  public static final String BREAK_EVEN = "crossover_benchmark_break_even_requests_per_second";
  public static final String PHASE = "crossover_benchmark_phase";

  private static final Map<String, String> HELP = Map.of(
      TTFT, "Time to first token of a target at a load level, seconds, by quantile (merged over shards).",
      E2E, "End-to-end request latency of a target at a load level, seconds, by quantile.",
      REQUESTS_PER_SECOND, "Completed requests per second a target sustained at a load level.",
      COST_PER_MILLION_TOKENS, "USD per 1M tokens of a target at its highest load meeting the SLO.",
      BREAK_EVEN, "Average requests per second where a self-managed and a managed target cost the same per month.",
      PHASE, "1 for the run's current phase (Pending, Running, Succeeded, Failed), 0 for the others.");

  /** A gauge's current value; the gauge reads it, publish() replaces it. */
  private static final class Value {
    private volatile double value;
    private Gauge gauge;
  }

  private record RunKey(String namespace, String name) {}

  private final MeterRegistry registry;
  private final Map<RunKey, Map<Meter.Id, Value>> byRun = new ConcurrentHashMap<>();

  public BenchmarkMetrics(MeterRegistry registry) {
    this.registry = registry;
  }

  /** Sets the run's gauges to what its status says; gauges the status no longer backs are removed. */
  public synchronized void publish(BenchmarkRun run) {
    RunKey key = new RunKey(run.getMetadata().getNamespace(), run.getMetadata().getName());
    Map<Meter.Id, Double> wanted = wanted(key, run.getStatus());
    Map<Meter.Id, Value> current = byRun.computeIfAbsent(key, k -> new ConcurrentHashMap<>());
    Set<Meter.Id> stale = new HashSet<>(current.keySet());
    stale.removeAll(wanted.keySet());
    for (Meter.Id id : stale) {
      registry.remove(current.remove(id).gauge);
    }
    wanted.forEach((id, v) -> current.computeIfAbsent(id, this::register).value = v);
  }

  /** Removes every gauge of the run. */
  public synchronized void remove(String namespace, String name) {
    Map<Meter.Id, Value> gone = byRun.remove(new RunKey(namespace, name));
    if (gone != null) {
      gone.values().forEach(v -> registry.remove(v.gauge));
    }
  }

  private Value register(Meter.Id id) {
    Value holder = new Value();
    // The registry's own filters may add tags: keep the registered gauge to remove exactly it.
    holder.gauge = Gauge.builder(id.getName(), holder, h -> h.value)
        .description(HELP.get(id.getName()))
        .tags(id.getTagsAsIterable())
        .strongReference(true)
        .register(registry);
    return holder;
  }

  private static Map<Meter.Id, Double> wanted(RunKey key, BenchmarkRunStatus status) {
    Map<Meter.Id, Double> gauges = new LinkedHashMap<>();
    Tags run = Tags.of("namespace", key.namespace(), "run", key.name());
    BenchmarkRunStatus.Phase phase = status == null || status.getPhase() == null
        ? BenchmarkRunStatus.Phase.Pending : status.getPhase();
    for (BenchmarkRunStatus.Phase p : BenchmarkRunStatus.Phase.values()) {
      put(gauges, PHASE, run.and("phase", p.name()), p == phase ? 1 : 0);
    }
    if (status == null) {
      return gauges;
    }
    for (LevelResult r : List.copyOf(orEmpty(status.getResults()))) {
      if (!BenchmarkRunReconciler.SUCCEEDED.equals(r.getState())) {
        continue;
      }
      Tags level = run.and("target", r.getTarget(), "level", r.getLevel());
      quantiles(gauges, TTFT, level, r.getTtftMs());
      quantiles(gauges, E2E, level, r.getE2eMs());
      if (r.getRequestsPerSecond() != null) {
        put(gauges, REQUESTS_PER_SECOND, level, r.getRequestsPerSecond());
      }
    }
    for (TargetSummary t : orEmpty(status.getTargets())) {
      if (t.getCostPerMillionTokensUSD() != null) {
        put(gauges, COST_PER_MILLION_TOKENS, run.and("target", t.getName()), Double.parseDouble(t.getCostPerMillionTokensUSD()));
      }
    }
    for (BreakEvenPoint b : orEmpty(status.getBreakEven())) {
      // One series per pair: the lowest crossing (points come in increasing traffic).
      Tags pair = run.and("self_managed", b.getSelfManaged(), "managed", b.getManaged());
      if (b.getRequestsPerSecond() != null) {
        gauges.putIfAbsent(new Meter.Id(BREAK_EVEN, pair, null, null, Meter.Type.GAUGE), b.getRequestsPerSecond());
      }
    }
    return gauges;
  }

  private static void quantiles(Map<Meter.Id, Double> gauges, String name, Tags level, Percentiles ms) {
    if (ms == null) {
      return;
    }
    Map<String, Double> byQuantile = new LinkedHashMap<>();
    byQuantile.put("0.5", ms.getP50());
    byQuantile.put("0.95", ms.getP95());
    byQuantile.put("0.99", ms.getP99());
    byQuantile.forEach((q, v) -> {
      if (v != null) {
        put(gauges, name, level.and(Tag.of("quantile", q)), v / 1000.0);
      }
    });
  }

  private static void put(Map<Meter.Id, Double> gauges, String name, Tags tags, double value) {
    gauges.put(new Meter.Id(name, tags, null, null, Meter.Type.GAUGE), value);
  }

  private static <T> List<T> orEmpty(List<T> list) {
    return list == null ? List.of() : list;
  }
}
