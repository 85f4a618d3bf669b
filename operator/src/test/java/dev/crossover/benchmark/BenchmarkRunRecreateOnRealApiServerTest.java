package dev.crossover.benchmark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.crossover.api.v1alpha1.BenchmarkRun;
import dev.crossover.api.v1alpha1.BenchmarkRunStatus;
import dev.crossover.api.v1alpha1.LevelResult;
import dev.crossover.loadgen.result.Counter;
import dev.crossover.loadgen.result.RunResult;
import dev.crossover.report.ReportRenderer;
import dev.crossover.testing.LocalApiServer;
import io.fabric8.kubernetes.api.model.Condition;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.javaoperatorsdk.operator.Operator;
import io.micrometer.prometheus.PrometheusConfig;
import io.micrometer.prometheus.PrometheusMeterRegistry;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A BenchmarkRun deleted and recreated under the same name, on a real kube-apiserver where no
 * garbage collector runs: the new run finds the old run's Job, level ConfigMap (with its stored
 * result) and load pods under the names it would use, and must neither adopt them nor take their
 * result. {@link LoadPods} plays the Job controller and kubelet; the test plays the garbage
 * collector.
 */
@ExtendWith(LocalApiServer.class)
class BenchmarkRunRecreateOnRealApiServerTest {

  private static final String NS = "benchmark-recreate";
  private static final String JOB = "again-t0-l0";
  private static Operator operator;

  @BeforeAll
  static void setUp(KubernetesClient client) throws Exception {
    BenchmarkRunsOnApiServer.prepareNamespace(client, NS);
    operator = BenchmarkRunsOnApiServer.startOperator(client, NS, new PrometheusMeterRegistry(PrometheusConfig.DEFAULT));
  }

  @AfterAll
  static void stop() {
    if (operator != null) {
      operator.stop();
    }
  }

  @Test
  void aRecreatedRunNeverTakesTheOldRunsJobOrResult(KubernetesClient client) throws Exception {
    RunResult oldResult = LoadPods.recorded();
    RunResult newResult = oldResult.merge(oldResult).merge(oldResult);
    long oldRequests = oldResult.total().counter(Counter.REQUESTS_SENT);
    long newRequests = newResult.total().counter(Counter.REQUESTS_SENT);
    assertThat(newRequests).isNotEqualTo(oldRequests);

    // The first run measures its level and finishes.
    BenchmarkRun first = client.resource(run()).create();
    Job oldJob = await("first run's Job").atMost(Duration.ofSeconds(30)).until(() -> job(client), j -> j != null);
    LoadPods.finishedPod(client, oldJob, 0, "a", oldResult);
    LoadPods.markSucceeded(client, oldJob);
    await("first run Succeeded").atMost(Duration.ofSeconds(30)).ignoreExceptions()
        .until(() -> status(client).getPhase(), BenchmarkRunStatus.Phase.Succeeded::equals);
    assertThat(status(client).getResults()).extracting(LevelResult::getRequests).containsExactly(oldRequests);

    // Deleted and recreated at once: the old children are still there (nothing collects them here).
    client.resources(BenchmarkRun.class).inNamespace(NS).withName("again").delete();
    await("first run gone").atMost(Duration.ofSeconds(30))
        .until(() -> client.resources(BenchmarkRun.class).inNamespace(NS).withName("again").get() == null);
    BenchmarkRun second = client.resource(run()).create();
    assertThat(second.getMetadata().getUid()).isNotEqualTo(first.getMetadata().getUid());

    await("waits, naming the old run's child").atMost(Duration.ofSeconds(30)).ignoreExceptions().untilAsserted(() -> {
      Condition ready = status(client).condition("Ready").orElseThrow();
      assertThat(ready.getStatus()).isEqualTo("False");
      assertThat(ready.getReason()).isEqualTo("NotOwned");
      assertThat(ready.getMessage()).containsAnyOf("ConfigMap/" + JOB, "Job/" + JOB)
          .contains("an earlier BenchmarkRun of the same name");
    });
    Thread.sleep(2_000);
    BenchmarkRunStatus waiting = status(client);
    assertThat(waiting.getPhase()).isNotIn(BenchmarkRunStatus.Phase.Succeeded, BenchmarkRunStatus.Phase.Failed);
    assertThat(waiting.getResults()).extracting(LevelResult::getState).as("the old result is not ours").containsExactly("Pending");
    assertThat(job(client).getMetadata().getOwnerReferences()).singleElement()
        .satisfies(o -> assertThat(o.getUid()).as("not adopted").isEqualTo(first.getMetadata().getUid()));
    assertThat(client.configMaps().inNamespace(NS).withName(JOB).get().getMetadata().getOwnerReferences()).singleElement()
        .satisfies(o -> assertThat(o.getUid()).isEqualTo(first.getMetadata().getUid()));

    // The garbage collector removes the old Job and ConfigMaps; the old pod lingers a little longer.
    client.batch().v1().jobs().inNamespace(NS).withName(JOB).delete();
    client.configMaps().inNamespace(NS).withName(JOB).delete();
    client.configMaps().inNamespace(NS).withName(ReportRenderer.configMapName(second)).delete();
    await("old Job gone").atMost(Duration.ofSeconds(30)).until(() -> job(client) == null
        || second.getMetadata().getUid().equals(job(client).getMetadata().getOwnerReferences().get(0).getUid()));

    Job newJob = await("the new run's own Job").atMost(Duration.ofSeconds(30))
        .until(() -> job(client), j -> j != null && j.getMetadata().getOwnerReferences().get(0).getUid()
            .equals(second.getMetadata().getUid()));
    // Named after the old pod so a reader that ignores the controller would take the old one first.
    LoadPods.finishedPod(client, newJob, 0, "b", newResult);
    LoadPods.markSucceeded(client, newJob);
    await("second run Succeeded").atMost(Duration.ofSeconds(30)).ignoreExceptions()
        .until(() -> status(client).getPhase(), BenchmarkRunStatus.Phase.Succeeded::equals);
    assertThat(status(client).getResults()).extracting(LevelResult::getRequests)
        .as("its own shard's result, not the old pod's").containsExactly(newRequests);
    assertThat(client.configMaps().inNamespace(NS).withName(JOB).get().getMetadata().getOwnerReferences()).singleElement()
        .satisfies(o -> assertThat(o.getUid()).isEqualTo(second.getMetadata().getUid()));
    assertThat(client.configMaps().inNamespace(NS).withName(JOB).get().getData()).containsKeys("plan.json", "result.json");
  }

  private static BenchmarkRun run() {
    BenchmarkRun run = new io.fabric8.kubernetes.client.utils.KubernetesSerialization().unmarshal("""
        apiVersion: crossover.dev/v1alpha1
        kind: BenchmarkRun
        metadata:
          name: again
        spec:
          scenario: Custom
          targets:
            - name: sim
              openAI:
                url: http://127.0.0.1:9/v1
                model: sim-model
          load:
            concurrency: [1]
            warmup: 1s
            duration: 5s
          slo:
            ttftP95: 1s
        """, BenchmarkRun.class);
    run.getMetadata().setNamespace(NS);
    return run;
  }

  private static Job job(KubernetesClient client) {
    return client.batch().v1().jobs().inNamespace(NS).withName(JOB).get();
  }

  private static BenchmarkRunStatus status(KubernetesClient client) {
    BenchmarkRun run = client.resources(BenchmarkRun.class).inNamespace(NS).withName("again").get();
    return run == null || run.getStatus() == null ? new BenchmarkRunStatus() : run.getStatus();
  }
}
