package dev.crossover.benchmark;

import dev.crossover.api.v1alpha1.BenchmarkRun;
import dev.crossover.loadgen.result.RunResult;
import dev.crossover.loadgen.result.RunResultJson;
import dev.crossover.operator.OwnerReferences;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
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

  static Optional<RunResult> read(KubernetesClient client, String namespace, String jobName) {
    ConfigMap cm = client.configMaps().inNamespace(namespace).withName(jobName).get();
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

  static void save(KubernetesClient client, BenchmarkRun run, String jobName, RunResult merged) {
    String ns = run.getMetadata().getNamespace();
    String json = RunResultJson.writeCompact(merged);
    ConfigMap existing = client.configMaps().inNamespace(ns).withName(jobName).get();
    if (existing == null) {
      client.resource(new ConfigMapBuilder()
          .withNewMetadata().withName(jobName).withNamespace(ns)
            .addToLabels("app.kubernetes.io/managed-by", "crossover")
            .addToLabels(LoadJobRenderer.RUN_LABEL, run.getMetadata().getName())
            .withOwnerReferences(OwnerReferences.controllerOf(run))
          .endMetadata()
          .addToData(LoadJobRenderer.RESULT_FILE, json)
          .build()).create();
      return;
    }
    client.configMaps().inNamespace(ns).withName(jobName).edit(cm -> new ConfigMapBuilder(cm)
        .addToData(LoadJobRenderer.RESULT_FILE, json).build());
  }
}
