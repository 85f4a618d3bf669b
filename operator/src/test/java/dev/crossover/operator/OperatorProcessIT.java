package dev.crossover.operator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.crossover.api.v1alpha1.InferencePlatform;
import dev.crossover.crd.RepoPaths;
import dev.crossover.testing.Crds;
import dev.crossover.testing.LocalApiServer;
import dev.crossover.testing.OperatorProcess;
import io.fabric8.kubernetes.api.model.coordination.v1.Lease;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.io.IOException;
import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The packaged operator (target/quarkus-app) as a separate process against a real
 * kube-apiserver: it takes the leader Lease, serves health and Prometheus metrics, and its
 * controllers reconcile without claiming readiness they have not earned.
 */
@ExtendWith(LocalApiServer.class)
class OperatorProcessIT {

  private static final String LEASE_NAMESPACE = "default";
  private static OperatorProcess operator;

  @BeforeAll
  static void startOperator(LocalApiServer.Handle api) throws IOException {
    Crds.install(api.client());
    operator = OperatorProcess.start(api.kubeConfigYaml(), Map.of("CROSSOVER_LEADER_ELECTION_NAMESPACE", LEASE_NAMESPACE));
  }

  @AfterAll
  static void stopOperator() throws Exception {
    if (operator != null) {
      operator.close();
    }
  }

  @Test
  void startsLeadsServesHealthAndMetricsAndReconcilesHonestly(KubernetesClient client) throws Exception {
    await("operator readiness (log: " + operator.log() + ")").atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(500))
        .ignoreExceptionsInstanceOf(IOException.class)
        .untilAsserted(() -> {
          assertThat(operator.process().isAlive()).as("operator process alive; log:\n%s", operator.tail()).isTrue();
          assertThat(operator.get("/q/health/ready").statusCode()).isEqualTo(200);
        });
    assertThat(operator.get("/q/health/live").statusCode()).isEqualTo(200);

    await("leader lease").atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
      Lease lease = client.leases().inNamespace(LEASE_NAMESPACE).withName("crossover-operator-leader").get();
      assertThat(lease).isNotNull();
      assertThat(lease.getSpec().getHolderIdentity()).isNotBlank();
    });

    client.namespaces().resource(new io.fabric8.kubernetes.api.model.NamespaceBuilder()
        .withNewMetadata().withName("operator-it").endMetadata().build()).serverSideApply();
    List<io.fabric8.kubernetes.api.model.HasMetadata> items =
        client.load(Files.newInputStream(RepoPaths.samples().resolve("local/simulator-platform.yaml"))).items();
    for (var item : items) {
      client.resource(item).inNamespace("operator-it").create();
    }
    await("status from the InferencePlatform controller").atMost(Duration.ofSeconds(30))
        // A first status may come before its conditions: retry, do not fail, on a missing one.
        .ignoreExceptionsInstanceOf(java.util.NoSuchElementException.class).untilAsserted(() -> {
      InferencePlatform platform = client.resources(InferencePlatform.class).inNamespace("operator-it").withName("sim").get();
      assertThat(platform.getStatus()).isNotNull();
      assertThat(platform.getStatus().getObservedGeneration()).isEqualTo(platform.getMetadata().getGeneration());
      var ready = platform.getStatus().condition("Ready").orElseThrow();
      assertThat(ready.getStatus()).as("no fake readiness").isNotEqualTo("True");
      assertThat(ready.getMessage()).isNotBlank();
    });

    InferencePlatform tooBig = client.getKubernetesSerialization().unmarshal("""
        apiVersion: crossover.dev/v1alpha1
        kind: InferencePlatform
        metadata:
          name: llama70b-on-one-a10g
        spec:
          model:
            name: hugging-quants/Meta-Llama-3.1-70B-Instruct-AWQ-INT4
          nodes:
            instanceType: g5.2xlarge
        """, InferencePlatform.class);
    client.resource(tooBig).inNamespace("operator-it").create();
    // Until the first reconcile the status has no Ready condition yet (orElseThrow): keep polling.
    await("ModelDoesNotFit condition").atMost(Duration.ofSeconds(30))
        .ignoreExceptionsMatching(e -> e instanceof java.util.NoSuchElementException || e instanceof NullPointerException)
        .untilAsserted(() -> {
      InferencePlatform platform = client.resources(InferencePlatform.class).inNamespace("operator-it")
          .withName("llama70b-on-one-a10g").get();
      var ready = platform.getStatus().condition("Ready").orElseThrow();
      assertThat(ready.getStatus()).isEqualTo("False");
      assertThat(ready.getReason()).isEqualTo("ModelDoesNotFit");
      assertThat(ready.getMessage()).contains("g5.12xlarge with tensorParallelSize 4");
    });

    // A BenchmarkRun's gauges on the real endpoint, under exactly the documented names.
    client.resource(client.getKubernetesSerialization().unmarshal("""
        apiVersion: crossover.dev/v1alpha1
        kind: BenchmarkRun
        metadata:
          name: smoke
        spec:
          scenario: Custom
          targets:
            - name: sim
              openAI: {url: "http://127.0.0.1:9/v1", model: sim-model}
          load: {concurrency: [1], warmup: 1s, duration: 5s}
        """, dev.crossover.api.v1alpha1.BenchmarkRun.class)).inNamespace("operator-it").create();
    await("BenchmarkRun phase gauge on /q/metrics").atMost(Duration.ofSeconds(30)).untilAsserted(() ->
        assertThat(operator.get("/q/metrics").body())
            .contains("# TYPE crossover_benchmark_phase gauge")
            .contains("crossover_benchmark_phase{namespace=\"operator-it\",phase=\"Running\",run=\"smoke\"} 1.0"));

    String metrics = operator.get("/q/metrics").body();
    assertThat(metrics).contains("jvm_memory_used_bytes");
    assertThat(metrics).as("Java Operator SDK controller metrics").contains("inferenceplatform");

    // SIGTERM (what the kubelet sends on pod deletion) stops it promptly: it used to hang in
    // System.exit called from the shutdown hook until the kubelet's SIGKILL.
    operator.process().destroy();
    assertThat(operator.process().waitFor(20, TimeUnit.SECONDS))
        .as("operator exits within 20 s of SIGTERM; log:\n%s", operator.tail()).isTrue();
    assertThat(operator.process().exitValue()).as("exit code after SIGTERM").isIn(0, 143);
  }
}
