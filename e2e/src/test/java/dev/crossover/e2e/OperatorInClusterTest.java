package dev.crossover.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import java.io.IOException;
import java.io.InputStream;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * The packaged operator (a process on the node, with the cluster's admin kubeconfig) turns an
 * InferencePlatform with engine Simulator into a running model server: the platform becomes
 * Ready and its status.endpoint streams a chat completion to a pod in the cluster.
 */
class InferencePlatformInClusterTest extends ClusterTestBase {

    private Process operator;
    private Path operatorLog;

    @Override
    protected String namespacePrefix() {
        return "e2e-infp";
    }

    @org.junit.jupiter.api.BeforeAll
    void startOperatorWithCrds() throws IOException {
        Assumptions.assumeTrue(cluster.simulatorImage() != null, cluster.name() + " has no simulator image");
        String kubeconfig = System.getenv("CROSSOVER_KUBECONFIG");
        Assumptions.assumeTrue(kubeconfig != null, "the operator process needs CROSSOVER_KUBECONFIG");
        installCrds();
        startOperator(Path.of(kubeconfig));
    }

    @AfterAll
    void stopOperator() throws InterruptedException {
        if (operator != null) {
            operator.destroy();
            if (!operator.waitFor(15, TimeUnit.SECONDS)) {
                operator.destroyForcibly();
            }
        }
    }

    @Test
    @SuppressWarnings("unchecked")
    void simulatorPlatformBecomesReadyAndItsEndpointStreams() throws Exception {
        GenericKubernetesResource platform = client.getKubernetesSerialization().unmarshal("""
                apiVersion: crossover.dev/v1alpha1
                kind: InferencePlatform
                metadata: {name: sim}
                spec:
                  model: {name: crossover/sim-llama-8b, servedName: sim-llama-8b}
                  engine:
                    type: Simulator
                    replicas: 1
                    simulator: {timeToFirstToken: 20ms, interTokenLatency: 5ms}
                  nodes: {provision: false}
                """, GenericKubernetesResource.class);
        client.resource(platform).inNamespace(ns).create();

        await("InferencePlatform Ready (operator log: " + operatorLog + ")").atMost(TIMEOUT)
                .pollInterval(Duration.ofSeconds(1)).untilAsserted(() -> {
                    assertThat(operator.isAlive()).as("operator alive").isTrue();
                    GenericKubernetesResource p = client.genericKubernetesResources("crossover.dev/v1alpha1", "InferencePlatform")
                            .inNamespace(ns).withName("sim").get();
                    Map<String, Object> status = (Map<String, Object>) p.getAdditionalProperties().get("status");
                    assertThat(status).isNotNull();
                    List<Map<String, Object>> conditions = (List<Map<String, Object>>) status.get("conditions");
                    assertThat(conditions).anySatisfy(c -> {
                        assertThat(c.get("type")).isEqualTo("Ready");
                        assertThat(c.get("status")).as("Ready: %s", c.get("message")).isEqualTo("True");
                    });
                });
        GenericKubernetesResource ready = client.genericKubernetesResources("crossover.dev/v1alpha1", "InferencePlatform")
                .inNamespace(ns).withName("sim").get();
        String endpoint = (String) ((Map<String, Object>) ready.getAdditionalProperties().get("status")).get("endpoint");
        assertThat(endpoint).isEqualTo("http://sim-model." + ns + ".svc.cluster.local:8000/v1");

        runToCompletion("stream", "post", endpoint + "/chat/completions",
                "{\"model\":\"sim-llama-8b\",\"stream\":true,\"max_tokens\":8,"
                        + "\"messages\":[{\"role\":\"user\",\"content\":\"hello from crossover\"}]}");
        assertThat(logs("stream")).contains("data: {").contains("chat.completion.chunk").contains("data: [DONE]");
    }

    @Test
    @SuppressWarnings("unchecked")
    void benchmarkRunMeasuresThePlatformAndCompletes() {
        Assumptions.assumeTrue(cluster.optionalImage("loadgen") != null,
                cluster.name() + " has no loadgen image (e2e/scripts/build-images.sh loadgen)");
        client.resource(client.getKubernetesSerialization().unmarshal("""
                apiVersion: crossover.dev/v1alpha1
                kind: InferencePlatform
                metadata: {name: bench-sim}
                spec:
                  model: {name: crossover/sim-llama-8b, servedName: sim-llama-8b}
                  engine:
                    type: Simulator
                    simulator: {timeToFirstToken: 30ms, interTokenLatency: 5ms}
                  nodes: {provision: false}
                """, GenericKubernetesResource.class)).inNamespace(ns).create();
        client.resource(client.getKubernetesSerialization().unmarshal("""
                apiVersion: crossover.dev/v1alpha1
                kind: BenchmarkRun
                metadata: {name: direct}
                spec:
                  scenario: Custom
                  targets:
                    - name: sim
                      platformRef: {name: bench-sim}
                  workload:
                    inputTokens: {mean: 32}
                    outputTokens: {mean: 16}
                  load: {concurrency: [1, 2], warmup: 2s, duration: 6s}
                  slo: {ttftP95: 2s}
                  execution:
                    resources:
                      requests: {cpu: 250m, memory: 512Mi}
                      limits: {memory: 512Mi}
                """, GenericKubernetesResource.class)).inNamespace(ns).create();

        await("BenchmarkRun Complete (operator log: " + operatorLog + ")").atMost(Duration.ofMinutes(4))
                .pollInterval(Duration.ofSeconds(2)).untilAsserted(() -> {
                    assertThat(operator.isAlive()).as("operator alive").isTrue();
                    Map<String, Object> status = runStatus();
                    assertThat(status).isNotNull();
                    assertThat(status.get("phase")).as("phase; status: %s", status).isEqualTo("Succeeded");
                });
        Map<String, Object> status = runStatus();
        assertThat(status.get("progress")).isEqualTo("2/2");
        List<Map<String, Object>> conditions = (List<Map<String, Object>>) status.get("conditions");
        assertThat(conditions).anySatisfy(c -> {
            assertThat(c.get("type")).isEqualTo("Complete");
            assertThat(c.get("status")).isEqualTo("True");
        });
        List<Map<String, Object>> results = (List<Map<String, Object>>) status.get("results");
        assertThat(results).extracting(r -> r.get("level")).containsExactly("concurrency 1", "concurrency 2");
        for (Map<String, Object> r : results) {
            assertThat(r.get("state")).as("level %s: %s", r.get("level"), r.get("message")).isEqualTo("Succeeded");
            assertThat(((Number) r.get("requests")).longValue()).isPositive();
            assertThat(((Number) r.get("errors")).longValue()).isZero();
            Map<String, Object> ttft = (Map<String, Object>) r.get("ttftMs");
            // The simulator waits 30 ms before the first token: measured TTFT cannot be below it.
            assertThat(((Number) ttft.get("p50")).doubleValue()).isGreaterThanOrEqualTo(30.0).isLessThan(2000.0);
            assertThat(r.get("meetsSlo")).isEqualTo(true);
        }
        Map<String, Object> summary = (Map<String, Object>) status.get("summary");
        assertThat(summary.get("fastestTarget")).isEqualTo("sim");
        List<Map<String, Object>> targets = (List<Map<String, Object>>) status.get("targets");
        assertThat(targets).singleElement().satisfies(t -> {
            assertThat(t.get("maxLoadMeetingSlo")).isEqualTo("concurrency 2");
            // The simulator stands in for vLLM on the platform's instance type (g5.2xlarge by default).
            assertThat(Double.parseDouble((String) t.get("costPerMillionTokensUSD"))).isPositive();
            assertThat((String) t.get("costNote")).contains("simulated platform priced as 1 x g5.2xlarge");
        });
        assertThat(summary.get("cheapestTarget")).isEqualTo("sim");
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> runStatus() {
        GenericKubernetesResource run = client.genericKubernetesResources("crossover.dev/v1alpha1", "BenchmarkRun")
                .inNamespace(ns).withName("direct").get();
        return (Map<String, Object>) run.getAdditionalProperties().get("status");
    }

    private void installCrds() throws IOException {
        Path crds = repoRoot().resolve("crds");
        try (var files = Files.list(crds)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".yaml")).sorted().toList()) {
                try (InputStream in = Files.newInputStream(file)) {
                    CustomResourceDefinition crd = client.apiextensions().v1().customResourceDefinitions().load(in).item();
                    client.apiextensions().v1().customResourceDefinitions().resource(crd).forceConflicts().serverSideApply();
                    client.apiextensions().v1().customResourceDefinitions().withName(crd.getMetadata().getName())
                            // Null-safe: a CRD applied a moment ago may have no conditions yet.
                            .waitUntilCondition(c -> c != null && c.getStatus() != null && c.getStatus().getConditions() != null
                                    && c.getStatus().getConditions().stream()
                                            .anyMatch(x -> "Established".equals(x.getType()) && "True".equals(x.getStatus())),
                                    60, TimeUnit.SECONDS);
                }
            }
        }
    }

    private void startOperator(Path kubeconfig) throws IOException {
        Path jar = repoRoot().resolve("operator/target/quarkus-app/quarkus-run.jar");
        assertThat(jar).as("packaged operator (./mvnw -pl operator package)").exists();
        operatorLog = Files.createTempFile("e2e-operator", ".log");
        String java = ProcessHandle.current().info().command().orElse("java");
        ProcessBuilder pb = new ProcessBuilder(java, "-jar", jar.toString())
                .redirectErrorStream(true).redirectOutput(operatorLog.toFile());
        pb.environment().put("KUBECONFIG", kubeconfig.toString());
        pb.environment().put("QUARKUS_HTTP_HOST", "127.0.0.1");
        pb.environment().put("QUARKUS_HTTP_PORT", Integer.toString(freePort()));
        pb.environment().put("QUARKUS_OPERATOR_SDK_NAMESPACES", ns);
        pb.environment().put("CROSSOVER_LEADER_ELECTION_NAMESPACE", ns);
        // The cluster has the simulator image built locally, not the published one.
        pb.environment().put("CROSSOVER_IMAGES_SIMULATOR", cluster.simulatorImage());
        if (cluster.optionalImage("loadgen") != null) {
            pb.environment().put("CROSSOVER_IMAGES_LOADGEN", cluster.optionalImage("loadgen"));
        }
        operator = pb.start();
    }

    private static Path repoRoot() {
        String configured = System.getProperty("crossover.repo.root");
        Path start = configured != null ? Path.of(configured) : Path.of("").toAbsolutePath();
        for (Path p = start.toAbsolutePath(); p != null; p = p.getParent()) {
            if (Files.isDirectory(p.resolve("crds")) && Files.isDirectory(p.resolve("operator"))) {
                return p;
            }
        }
        throw new IllegalStateException("repository root not found from " + start);
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }
}
