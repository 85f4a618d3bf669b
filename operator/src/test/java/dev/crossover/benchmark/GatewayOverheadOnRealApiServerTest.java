package dev.crossover.benchmark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.awaitility.Awaitility.await;

import dev.crossover.api.v1alpha1.BenchmarkRun;
import dev.crossover.api.v1alpha1.BenchmarkRunStatus;
import dev.crossover.api.v1alpha1.GatewayOverhead;
import dev.crossover.api.v1alpha1.GatewayProfile;
import dev.crossover.api.v1alpha1.GatewayProfileStatus;
import dev.crossover.api.v1alpha1.InferencePlatform;
import dev.crossover.api.v1alpha1.InferencePlatformStatus;
import dev.crossover.api.v1alpha1.ResolvedBackend;
import dev.crossover.api.v1alpha1.TargetSummary;
import dev.crossover.loadgen.result.Metric;
import dev.crossover.loadgen.result.MetricsSection;
import dev.crossover.loadgen.result.RunResult;
import dev.crossover.report.ReportRenderer;
import dev.crossover.testing.LocalApiServer;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import io.javaoperatorsdk.operator.Operator;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.List;
import org.HdrHistogram.HistogramIterationValue;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Gateway added latency end to end on a real kube-apiserver: a platform measured directly and
 * through a gateway in front of it, the gateway's shard 5 ms slower at every request. The
 * platform and gateway report Ready as their reconcilers would; {@link LoadPods} plays the Job
 * controller and kubelet.
 */
@ExtendWith(LocalApiServer.class)
class GatewayOverheadOnRealApiServerTest {

  private static final String NS = "benchmark-gateway";
  private static final KubernetesSerialization YAML = new KubernetesSerialization();
  private static Operator operator;

  @BeforeAll
  static void setUp(KubernetesClient client) throws Exception {
    BenchmarkRunsOnApiServer.prepareNamespace(client, NS);
    operator = BenchmarkRunsOnApiServer.startOperator(client, NS, new SimpleMeterRegistry());
  }

  @AfterAll
  static void stop() {
    if (operator != null) {
      operator.stop();
    }
  }

  /** The same requests, each TTFT later by shiftNanos. */
  static RunResult shifted(RunResult r, long shiftNanos) {
    MetricsSection total = r.total().copy();
    total.histogram(Metric.TTFT).reset();
    for (HistogramIterationValue v : r.total().histogram(Metric.TTFT).recordedValues()) {
      total.histogram(Metric.TTFT).recordValueWithCount(v.getValueIteratedTo() + shiftNanos, v.getCountAtValueIteratedTo());
    }
    return new RunResult(r.label(), r.windowStartEpochMillis(), r.windowEndEpochMillis(), r.shards(), total, r.byTenant(),
        r.flags(), r.calibration(), r.intervals());
  }

  @Test
  void theGatewaysAddedTtftIsMeasuredAgainstTheDirectPathWithAnInterval(KubernetesClient client) throws Exception {
    InferencePlatform platform = client.resource(YAML.unmarshal("""
        apiVersion: crossover.dev/v1alpha1
        kind: InferencePlatform
        metadata: {name: sim}
        spec:
          model: {name: sim-model}
          engine: {type: Simulator}
        """, InferencePlatform.class)).inNamespace(NS).create();
    InferencePlatformStatus ps = new InferencePlatformStatus();
    ps.setEndpoint("http://sim." + NS + ".svc:8000/v1");
    ps.setServedModel("sim-model");
    ps.setCondition("Ready", true, "Ready", "ready", 1L);
    platform.setStatus(ps);
    client.resource(platform).updateStatus();

    GatewayProfile gateway = client.resource(YAML.unmarshal("""
        apiVersion: crossover.dev/v1alpha1
        kind: GatewayProfile
        metadata: {name: sim-bifrost}
        spec:
          type: Bifrost
          backends: [{name: sim, platformRef: {name: sim}}]
        """, GatewayProfile.class)).inNamespace(NS).create();
    GatewayProfileStatus gs = new GatewayProfileStatus();
    gs.setEndpoint("http://sim-bifrost." + NS + ".svc:8080/v1");
    ResolvedBackend backend = new ResolvedBackend();
    backend.setName("sim");
    backend.setModel("sim-model");
    gs.setResolvedBackends(List.of(backend));
    gs.setCondition("Ready", true, "Ready", "ready", 1L);
    gateway.setStatus(gs);
    client.resource(gateway).updateStatus();

    client.resource(YAML.unmarshal("""
        apiVersion: crossover.dev/v1alpha1
        kind: BenchmarkRun
        metadata: {name: overhead}
        spec:
          scenario: Custom
          targets:
            - {name: direct, platformRef: {name: sim}}
            - {name: bifrost, gatewayRef: {name: sim-bifrost}}
          load: {concurrency: [1], warmup: 1s, duration: 5s}
        """, BenchmarkRun.class)).inNamespace(NS).create();

    // The platform's one model-server pod, as the kubelet reports it: the load Jobs read its counters.
    var modelServer = client.pods().inNamespace(NS).resource(new io.fabric8.kubernetes.api.model.PodBuilder()
        .withNewMetadata().withName("sim-model-abc").addToLabels(
            new dev.crossover.platform.PlatformNames("sim", NS).modelServerSelector()).endMetadata()
        .withNewSpec().addNewContainer().withName("sim").withImage("sim:test").endContainer().endSpec()
        .build()).create();
    modelServer.setStatus(new io.fabric8.kubernetes.api.model.PodStatusBuilder().withPhase("Running")
        .withPodIP("10.1.2.3").addNewPodIP("10.1.2.3").build());
    client.pods().inNamespace(NS).resource(modelServer).updateStatus();

    RunResult direct = LoadPods.recorded();
    RunResult throughGateway = shifted(direct, 5_000_000);
    // What shard 0 read from the model server around the direct level: 250 of 1,000 prompt tokens hit.
    direct.total().add(dev.crossover.loadgen.result.Counter.SERVER_PREFIX_CACHE_QUERIES, 1000);
    direct.total().add(dev.crossover.loadgen.result.Counter.SERVER_PREFIX_CACHE_HITS, 250);
    finish(client, "overhead-t0-l0", direct);
    finish(client, "overhead-t1-l0", throughGateway);

    await("run Succeeded").atMost(Duration.ofSeconds(60)).ignoreExceptions().until(() ->
        client.resources(BenchmarkRun.class).inNamespace(NS).withName("overhead").get().getStatus().getPhase(),
        BenchmarkRunStatus.Phase.Succeeded::equals);
    BenchmarkRunStatus status = client.resources(BenchmarkRun.class).inNamespace(NS).withName("overhead").get().getStatus();
    TargetSummary bifrost = status.getTargets().stream().filter(t -> t.getName().equals("bifrost")).findFirst().orElseThrow();
    GatewayOverhead added = bifrost.getGatewayAddedLatency();
    assertThat(added).isNotNull();
    assertThat(added.getComparedWith()).isEqualTo("direct");
    assertThat(added.getLevel()).isEqualTo("concurrency 1");
    // 13 requests each 5 ms later: the medians differ by 5 ms to the histogram's 0.1% (of ~150 ms).
    assertThat(added.getAddedMs().getP50()).isCloseTo(5.0, within(0.3));
    assertThat(added.getCiLowMs()).isLessThan(5.0);
    assertThat(added.getCiHighMs()).isGreaterThan(5.0);
    assertThat(added.getGatewayRequests()).isEqualTo(direct.total().histogram(Metric.TTFT).getTotalCount());
    assertThat(bifrost.getGatewayAddedLatencyByLevel()).containsExactly(added);
    assertThat(status.getTargets().stream().filter(t -> t.getName().equals("direct")).findFirst().orElseThrow()
        .getGatewayAddedLatency()).as("the direct path adds nothing to itself").isNull();
    assertThat(client.configMaps().inNamespace(NS).withName("overhead-report").get().getData().get(ReportRenderer.MARKDOWN))
        .contains("vs direct at concurrency 1");

    // Both load Jobs were told to read the platform's model-server pod, the gateway's too.
    for (String job : List.of("overhead-t0-l0", "overhead-t1-l0")) {
      assertThat(client.configMaps().inNamespace(NS).withName(job).get().getData().get("plan.json"))
          .contains("http://10.1.2.3:8000/metrics");
    }
    assertThat(status.getResults().get(0).getPrefixCacheHitRate()).isEqualTo(0.25);
    assertThat(status.getResults().get(1).getPrefixCacheHitRate()).as("the gateway's shard read nothing").isNull();
  }

  private static void finish(KubernetesClient client, String jobName, RunResult result) {
    Job job = await(jobName).atMost(Duration.ofSeconds(60))
        .until(() -> client.batch().v1().jobs().inNamespace(NS).withName(jobName).get(), j -> j != null);
    LoadPods.finishedPod(client, job, 0, "a", result);
    LoadPods.markSucceeded(client, job);
  }
}
