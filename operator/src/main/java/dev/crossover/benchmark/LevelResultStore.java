package dev.crossover.benchmark;

import dev.crossover.api.v1alpha1.BenchmarkRun;
import dev.crossover.loadgen.result.RunResult;
import dev.crossover.loadgen.result.RunResultJson;
import dev.crossover.operator.OwnerReferences;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import dev.crossover.operator.ChildWriter;
import java.util.Map;
import java.util.TreeMap;
import java.util.Optional;

/**
 * Keeps each level's merged result (counters and histograms, no interval series) in the level's
 * ConfigMap, beside its plan, as soon as the shards are read. It outlives the load pods (the
 * Job's TTL removes them after a day), makes a level's outcome final across operator restarts
 * — a result stored once is read back, never merged again — and keeps the histograms the gateway
 * overhead and the report need after the run.
 */
final class LevelResultStore {

  private LevelResultStore() {}

  /** The stored result of a level, read only from a ConfigMap the run controls (not an earlier run's of the same name). */
  static Optional<RunResult> read(KubernetesClient client, BenchmarkRun run, String jobName) {
    ConfigMap cm = client.configMaps().inNamespace(run.getMetadata().getNamespace()).withName(jobName).get();
    return cm == null || !ChildWriter.controls(run, cm) ? Optional.empty() : read(cm);
  }

  static Optional<RunResult> read(ConfigMap cm) {
    String json = cm == null || cm.getData() == null ? null : cm.getData().get(LoadJobRenderer.RESULT_FILE);
    if (json == null) {
      return Optional.empty();
    }
    try {
      return Optional.of(RunResultJson.read(json));
    } catch (RuntimeException e) {
      return Optional.empty();
    }
  }

  /**
   * Adds the result to the level's ConfigMap (which the caller found controlled by the run, or
   * absent), keeping its plan: the whole ConfigMap is applied, as server-side apply removes what
   * the operator's field manager wrote before and leaves out now.
   */
  static boolean save(ChildWriter writer, BenchmarkRun run, ConfigMap existing, String jobName, RunResult merged) {
    Map<String, String> data = new TreeMap<>(existing == null || existing.getData() == null ? Map.of() : existing.getData());
    data.put(LoadJobRenderer.RESULT_FILE, RunResultJson.writeCompact(merged));
    return writer.apply(new ConfigMapBuilder()
        .withNewMetadata().withName(jobName).withNamespace(run.getMetadata().getNamespace())
          .addToLabels("app.kubernetes.io/managed-by", "crossover")
          .addToLabels(LoadJobRenderer.RUN_LABEL, run.getMetadata().getName())
          .withOwnerReferences(OwnerReferences.controllerOf(run))
        .endMetadata()
        .withData(data)
        .build()).isPresent();
  }
}
