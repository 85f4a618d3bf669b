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
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.api.model.events.v1.Event;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.javaoperatorsdk.operator.Operator;
import io.micrometer.prometheus.PrometheusConfig;
import io.micrometer.prometheus.PrometheusMeterRegistry;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * An operator killed mid-run resumes without a second Job for a level and without counting a
 * level twice — on a real kube-apiserver. Nothing runs pods there, so {@link LoadPods} plays the
 * Job controller and the kubelet: finished pods whose termination message holds the shard
 * result, as loadgen writes it. Each operator is a fresh JOSDK Operator with a fresh reconciler
 * (no memory carried over), publishing to its own Prometheus registry, which the test scrapes.
 */
@ExtendWith(LocalApiServer.class)
class BenchmarkRunRestartOnRealApiServerTest {

  private static final String NS = "benchmark-restart";
  private Operator operator;

  @BeforeAll
  static void setUp(KubernetesClient client) throws Exception {
    BenchmarkRunsOnApiServer.prepareNamespace(client, NS);
  }

  @AfterEach
  void stopOperator() {
    if (operator != null) {
      operator.stop();
      operator = null;
    }
  }

  private PrometheusMeterRegistry startOperator(KubernetesClient client) {
    PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    operator = BenchmarkRunsOnApiServer.startOperator(client, NS, registry);
    return registry;
  }

  @Test
  void anOperatorRestartedMidRunNeitherRelaunchesNorDoubleCounts(KubernetesClient client) throws Exception {
    // Two shards per level, with different results so that a shard counted twice shows.
    RunResult shard = LoadPods.recorded();
    RunResult doubleShard = shard.merge(shard);
    long levelRequests = 3 * shard.total().counter(Counter.REQUESTS_SENT);
    client.resource(run()).inNamespace(NS).create();

    // Operator 1 launches the first level's Job, then dies.
    startOperator(client);
    Job first = await("first level's Job").atMost(Duration.ofSeconds(30))
        .until(() -> job(client, "restart-t0-l0"), j -> j != null);
    await("level 0 Running in status").atMost(Duration.ofSeconds(30)).ignoreExceptions()
        .until(() -> levels(client).get("concurrency 2").getState(), "Running"::equals);
    operator.stop();
    operator = null;

    // While no operator runs, the level's shards finish.
    LoadPods.finishedPod(client, first, 0, "a", shard);
    LoadPods.finishedPod(client, first, 1, "a", doubleShard);
    LoadPods.markSucceeded(client, first);

    // Operator 2: a fresh reconciler reads the result once and goes on with the next level.
    startOperator(client);
    Job second = await("second level's Job").atMost(Duration.ofSeconds(30))
        .until(() -> job(client, "restart-t0-l1"), j -> j != null);
    assertThat(levels(client).get("concurrency 2").getState()).isEqualTo("Succeeded");
    assertThat(levels(client).get("concurrency 2").getRequests()).isEqualTo(levelRequests);

    // Shard 0 of the second level left two finished pods (one replaced after finishing): counted once.
    LoadPods.finishedPod(client, second, 0, "a", shard);
    LoadPods.finishedPod(client, second, 0, "b", shard);
    LoadPods.finishedPod(client, second, 1, "a", doubleShard);
    LoadPods.markSucceeded(client, second);
    await("run Succeeded").atMost(Duration.ofSeconds(30)).ignoreExceptions()
        .until(() -> status(client).getPhase(), BenchmarkRunStatus.Phase.Succeeded::equals);
    operator.stop();
    operator = null;

    // Operator 3 finds a finished run: nothing relaunched, nothing re-merged, gauges back.
    PrometheusMeterRegistry registry = startOperator(client);
    await("gauges republished after the restart").atMost(Duration.ofSeconds(30)).untilAsserted(() ->
        assertThat(registry.scrape()).contains("crossover_benchmark_phase{namespace=\"" + NS
            + "\",phase=\"Succeeded\",run=\"restart\",} 1.0"));
    BenchmarkRunStatus status = status(client);
    assertThat(status.getResults()).extracting(LevelResult::getState).containsExactly("Succeeded", "Succeeded");
    assertThat(status.getResults()).extracting(LevelResult::getRequests)
        .as("each shard of each level counted once").containsExactly(levelRequests, levelRequests);
    assertThat(status.getProgress()).isEqualTo("2/2");
    assertThat(status.isTrue(BenchmarkRunStatus.COMPLETE)).isTrue();

    List<Job> jobs = client.batch().v1().jobs().inNamespace(NS).withLabel(LoadJobRenderer.RUN_LABEL, "restart").list()
        .getItems();
    assertThat(jobs).extracting(j -> j.getMetadata().getLabels().get(LoadJobRenderer.LEVEL_LABEL))
        .as("one Job per level, across three operators").containsExactlyInAnyOrder("0", "1");
    assertThat(client.configMaps().inNamespace(NS).withName("restart-t0-l0").get().getData())
        .containsKeys("plan.json", "result.json");

    // The report ConfigMap, owned by the run, named in status.
    assertThat(status.getReportConfigMap()).isEqualTo("restart-report");
    var report = client.configMaps().inNamespace(NS).withName("restart-report").get();
    assertThat(report.getData()).containsOnlyKeys(ReportRenderer.MARKDOWN, ReportRenderer.JSON, ReportRenderer.TTFT_CHART,
        ReportRenderer.COST_CHART);
    assertThat(report.getMetadata().getOwnerReferences()).singleElement().satisfies(o -> {
      assertThat(o.getKind()).isEqualTo("BenchmarkRun");
      assertThat(o.getName()).isEqualTo("restart");
      assertThat(o.getController()).isTrue();
    });
    assertThat(report.getData().get(ReportRenderer.MARKDOWN)).contains("| sim | concurrency 4 | Succeeded | " + levelRequests + " |");

    Map<String, Long> reasons = client.events().v1().events().inNamespace(NS).list().getItems().stream()
        .filter(e -> "restart".equals(e.getRegarding().getName()))
        .collect(Collectors.groupingBy(Event::getReason, Collectors.counting()));
    assertThat(reasons).containsEntry(BenchmarkEvents.JOB_LAUNCHED, 2L)
        .containsEntry(BenchmarkEvents.LEVEL_MEASURED, 2L)
        .containsEntry(BenchmarkEvents.RUN_SUCCEEDED, 1L);

    String scrape = registry.scrape();
    assertThat(scrape).contains("crossover_benchmark_ttft_seconds{level=\"concurrency 2\",namespace=\"" + NS
        + "\",quantile=\"0.5\",run=\"restart\",target=\"sim\",}");
    // The recorded level has far fewer than 200 requests: its p95 is omitted, never exported.
    assertThat(levelRequests).isLessThan(200);
    assertThat(scrape).doesNotContain("quantile=\"0.95\"");
    assertThat(scrape).contains("crossover_benchmark_requests_per_second{level=\"concurrency 4\",namespace=\"" + NS
        + "\",run=\"restart\",target=\"sim\",}");
    assertThat(scrape).contains("crossover_benchmark_phase{namespace=\"" + NS + "\",phase=\"Running\",run=\"restart\",} 0.0");

    // Deleting the run takes its gauges with it (no finalizer involved).
    client.resources(BenchmarkRun.class).inNamespace(NS).withName("restart").delete();
    await("gauges removed with the run").atMost(Duration.ofSeconds(30)).untilAsserted(() ->
        assertThat(registry.scrape()).doesNotContain("run=\"restart\""));
  }

  @Test
  void theApiServerTakesTheLargestReportTheRendererWrites(KubernetesClient client) {
    var large = ReportRenderer.configMap(dev.crossover.report.ReportRendererTest.input(60, 40));
    large.getMetadata().setNamespace(NS);
    large.getMetadata().setOwnerReferences(List.of());
    assertThat(client.resource(large).create().getData()).containsKey(ReportRenderer.JSON);
  }

  private static BenchmarkRun run() {
    return new io.fabric8.kubernetes.client.utils.KubernetesSerialization().unmarshal("""
        apiVersion: crossover.dev/v1alpha1
        kind: BenchmarkRun
        metadata:
          name: restart
        spec:
          scenario: Custom
          targets:
            - name: sim
              openAI:
                url: http://127.0.0.1:9/v1
                model: sim-model
          load:
            concurrency: [2, 4]
            parallelism: 2
            warmup: 1s
            duration: 5s
          slo:
            ttftP95: 1s
        """, BenchmarkRun.class);
  }

  private static Job job(KubernetesClient client, String name) {
    return client.batch().v1().jobs().inNamespace(NS).withName(name).get();
  }

  private static BenchmarkRunStatus status(KubernetesClient client) {
    BenchmarkRun run = client.resources(BenchmarkRun.class).inNamespace(NS).withName("restart").get();
    return run.getStatus() == null ? new BenchmarkRunStatus() : run.getStatus();
  }

  private static Map<String, LevelResult> levels(KubernetesClient client) {
    List<LevelResult> results = status(client).getResults();
    return results == null ? Map.of()
        : results.stream().collect(Collectors.toMap(LevelResult::getLevel, Function.identity()));
  }
}
