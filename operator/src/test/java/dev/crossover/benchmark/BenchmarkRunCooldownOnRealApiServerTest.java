package dev.crossover.benchmark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.crossover.api.v1alpha1.BenchmarkRun;
import dev.crossover.api.v1alpha1.BenchmarkRunStatus;
import dev.crossover.api.v1alpha1.LevelResult;
import dev.crossover.testing.LocalApiServer;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.javaoperatorsdk.operator.Operator;
import io.micrometer.prometheus.PrometheusConfig;
import io.micrometer.prometheus.PrometheusMeterRegistry;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * execution.cooldown on a real kube-apiserver: the next level's load Job is created no sooner
 * than the cooldown after the previous level finished. {@link LoadPods} plays the Job
 * controller and the kubelet.
 */
@ExtendWith(LocalApiServer.class)
class BenchmarkRunCooldownOnRealApiServerTest {

  private static final String NS = "benchmark-cooldown";
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
  void theNextLevelStartsNoSoonerThanTheCooldownAfterThePreviousEnded(KubernetesClient client) throws Exception {
    client.resource(run("paused", "6s")).create();
    Job first = await("level 1's Job").atMost(Duration.ofSeconds(30)).until(() -> job(client, "paused-t0-l0"), j -> j != null);
    LoadPods.finishedPod(client, first, 0, "a", LoadPods.recorded());
    LoadPods.markSucceeded(client, first);
    LevelResult measured = await("level 1 measured").atMost(Duration.ofSeconds(30)).ignoreExceptions()
        .until(() -> status(client, "paused").getResults().get(0), r -> "Succeeded".equals(r.getState()));
    Instant finished = Instant.parse(measured.getFinishedAt());

    Thread.sleep(3_000);
    assertThat(job(client, "paused-t0-l1")).as("no second Job within the 6 s cooldown").isNull();
    Job second = await("level 2's Job after the cooldown").atMost(Duration.ofSeconds(30))
        .until(() -> job(client, "paused-t0-l1"), j -> j != null);
    // finishedAt is truncated to the second; the Job's creation is too.
    assertThat(Instant.parse(second.getMetadata().getCreationTimestamp()))
        .isAfterOrEqualTo(finished.plusSeconds(6));
    LoadPods.finishedPod(client, second, 0, "b", LoadPods.recorded());
    LoadPods.markSucceeded(client, second);
    await("run Succeeded").atMost(Duration.ofSeconds(30)).ignoreExceptions()
        .until(() -> status(client, "paused").getPhase(), BenchmarkRunStatus.Phase.Succeeded::equals);
  }

  @Test
  void aZeroCooldownStartsTheNextLevelAtOnce(KubernetesClient client) throws Exception {
    client.resource(run("eager", "0s")).create();
    Job first = await("level 1's Job").atMost(Duration.ofSeconds(30)).until(() -> job(client, "eager-t0-l0"), j -> j != null);
    LoadPods.finishedPod(client, first, 0, "c", LoadPods.recorded());
    LoadPods.markSucceeded(client, first);
    await("level 2's Job at once").atMost(Duration.ofSeconds(5)).until(() -> job(client, "eager-t0-l1"), j -> j != null);
  }

  private static BenchmarkRun run(String name, String cooldown) {
    BenchmarkRun run = new io.fabric8.kubernetes.client.utils.KubernetesSerialization().unmarshal("""
        apiVersion: crossover.dev/v1alpha1
        kind: BenchmarkRun
        metadata:
          name: %s
        spec:
          scenario: Custom
          targets:
            - name: sim
              openAI:
                url: http://127.0.0.1:9/v1
                model: sim-model
          load:
            concurrency: [1, 2]
            warmup: 1s
            duration: 5s
          slo:
            ttftP95: 1s
          execution:
            cooldown: %s
        """.formatted(name, cooldown), BenchmarkRun.class);
    run.getMetadata().setNamespace(NS);
    return run;
  }

  private static Job job(KubernetesClient client, String name) {
    return client.batch().v1().jobs().inNamespace(NS).withName(name).get();
  }

  private static BenchmarkRunStatus status(KubernetesClient client, String name) {
    BenchmarkRun run = client.resources(BenchmarkRun.class).inNamespace(NS).withName(name).get();
    return run == null || run.getStatus() == null ? new BenchmarkRunStatus() : run.getStatus();
  }
}
