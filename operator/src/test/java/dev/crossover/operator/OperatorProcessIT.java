package dev.crossover.operator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.crossover.api.v1alpha1.InferencePlatform;
import dev.crossover.crd.RepoPaths;
import dev.crossover.testing.Crds;
import dev.crossover.testing.LocalApiServer;
import io.fabric8.kubernetes.api.model.coordination.v1.Lease;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
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
  private static Process operator;
  private static Path log;
  private static int port;
  private static final HttpClient HTTP = HttpClient.newHttpClient();

  @BeforeAll
  static void startOperator(LocalApiServer.Handle api) throws IOException {
    Crds.install(api.client());
    Path jar = RepoPaths.root().resolve("operator/target/quarkus-app/quarkus-run.jar");
    assertThat(jar).as("packaged operator (mvn package)").exists();
    Path kubeconfig = Files.createTempFile("crossover-kubeconfig", ".yaml");
    Files.writeString(kubeconfig, api.kubeConfigYaml());
    log = Files.createTempFile("crossover-operator", ".log");
    port = freePort();
    String java = ProcessHandle.current().info().command().orElse("java");
    ProcessBuilder builder = new ProcessBuilder(java, "-jar", jar.toString())
        .redirectErrorStream(true)
        .redirectOutput(log.toFile());
    builder.environment().put("KUBECONFIG", kubeconfig.toString());
    builder.environment().put("QUARKUS_HTTP_PORT", Integer.toString(port));
    builder.environment().put("QUARKUS_HTTP_HOST", "127.0.0.1");
    builder.environment().put("CROSSOVER_LEADER_ELECTION_NAMESPACE", LEASE_NAMESPACE);
    operator = builder.start();
  }

  @AfterAll
  static void stopOperator() throws Exception {
    if (operator != null) {
      operator.descendants().forEach(ProcessHandle::destroyForcibly);
      operator.destroy();
      if (!operator.waitFor(java.time.Duration.ofSeconds(15).toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS)) {
        operator.destroyForcibly();
      }
    }
  }

  @Test
  void startsLeadsServesHealthAndMetricsAndReconcilesHonestly(KubernetesClient client) throws Exception {
    await("operator readiness (log: " + log + ")").atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(500))
        .ignoreExceptionsInstanceOf(IOException.class)
        .untilAsserted(() -> {
          assertThat(operator.isAlive()).as("operator process alive; log:\n%s", tail()).isTrue();
          assertThat(get("/q/health/ready").statusCode()).isEqualTo(200);
        });
    assertThat(get("/q/health/live").statusCode()).isEqualTo(200);

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
    await("status from the InferencePlatform controller").atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
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
    await("ModelDoesNotFit condition").atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
      InferencePlatform platform = client.resources(InferencePlatform.class).inNamespace("operator-it")
          .withName("llama70b-on-one-a10g").get();
      var ready = platform.getStatus().condition("Ready").orElseThrow();
      assertThat(ready.getStatus()).isEqualTo("False");
      assertThat(ready.getReason()).isEqualTo("ModelDoesNotFit");
      assertThat(ready.getMessage()).contains("g5.12xlarge with tensorParallelSize 4");
    });

    String metrics = get("/q/metrics").body();
    assertThat(metrics).contains("jvm_memory_used_bytes");
    assertThat(metrics).as("Java Operator SDK controller metrics").contains("inferenceplatform");
  }

  private static HttpResponse<String> get(String path) throws IOException, InterruptedException {
    return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
        .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString());
  }

  private static String tail() throws IOException {
    List<String> lines = Files.readAllLines(log);
    return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
