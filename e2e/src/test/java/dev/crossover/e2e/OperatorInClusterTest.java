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
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import io.fabric8.kubernetes.api.model.PodSpec;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/**
 * The packaged operator (a process on the node, with the cluster's admin kubeconfig) on the local
 * cluster: an InferencePlatform with engine Simulator becomes a running model server whose
 * status.endpoint streams; LiteLLM and Bifrost GatewayProfiles in front of it become Ready and
 * serve with their generated master keys; BenchmarkRuns measure the platform directly and through
 * both gateways and complete with numbers and costs in status.
 */
class OperatorInClusterTest extends ClusterTestBase {

    private Process operator;
    private Path operatorLog;

    @Override
    protected String namespacePrefix() {
        return "e2e-infp";
    }

    @org.junit.jupiter.api.BeforeAll
    void startOperatorWithCrds() throws IOException {
        Needs.simulatorImage(cluster);
        String kubeconfig = System.getenv("CROSSOVER_KUBECONFIG");
        Needs.that(kubeconfig != null, "the operator process needs CROSSOVER_KUBECONFIG", null);
        installCrds();
        installUpstreamRoutingCrds();
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
    void simulatorPlatformBecomesReadyAndItsEndpointStreams() throws Exception {
        createSimulatorPlatform("sim", "20ms");
        String endpoint = (String) awaitReady("InferencePlatform", "sim", TIMEOUT).get("endpoint");
        assertThat(endpoint).isEqualTo("http://sim-model." + ns + ".svc.cluster.local:8000/v1");

        runToCompletion("stream", "post", endpoint + "/chat/completions",
                "{\"model\":\"sim-llama-8b\",\"stream\":true,\"max_tokens\":8,"
                        + "\"messages\":[{\"role\":\"user\",\"content\":\"hello from crossover\"}]}");
        assertThat(logs("stream")).contains("data: {").contains("chat.completion.chunk").contains("data: [DONE]");
    }

    @Test
    @SuppressWarnings("unchecked")
    void benchmarkRunMeasuresThePlatformAndCompletes() {
        Needs.image(cluster, "loadgen");
        createSimulatorPlatform("bench-sim", "30ms");
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
                    outputTokens: {mean: 4}
                  # ~50 ms a request: 8 s (and at most 8 s more) reach the 200 requests a p95, and so
                  # the SLO verdict, needs even at concurrency 1.
                  load: {concurrency: [1, 2], warmup: 2s, duration: 8s}
                  slo: {ttftP95: 2s}
                  execution:
                    cooldown: 2s
                    resources:
                      requests: {cpu: 250m, memory: 512Mi}
                      limits: {memory: 512Mi}
                """, GenericKubernetesResource.class)).inNamespace(ns).create();

        Map<String, Object> status = awaitRun("direct", Duration.ofMinutes(4));
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
            assertThat(((Number) r.get("requests")).longValue()).as("enough for a p95").isGreaterThanOrEqualTo(200);
            assertThat(r.get("meetsSlo")).as("level %s: %s", r.get("level"), r.get("percentilesOmitted")).isEqualTo(true);
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
        // `kubectl get br` shows it: a tenth of a millisecond, not the histogram's full precision.
        double best = ((Number) summary.get("bestTtftP95Ms")).doubleValue();
        assertThat(best * 10).isCloseTo(Math.rint(best * 10), org.assertj.core.api.Assertions.within(1e-6));
    }

    @Test
    void liteLlmAndBifrostProfilesBecomeReadyAndServeThroughThePlatform() {
        assumeGatewayImages();
        createSimulatorPlatform("gw-sim", "20ms");
        createGatewayProfiles("gw-sim", "");

        for (String profile : List.of("litellm", "bifrost")) {
            Map<String, Object> status = awaitReady("GatewayProfile", profile, Duration.ofMinutes(5));
            String endpoint = (String) status.get("endpoint");
            assertThat(endpoint).isEqualTo("http://" + profile + "-gateway." + ns + ".svc:"
                    + (profile.equals("litellm") ? 4000 : 8080) + "/v1");
            String keySecret = (String) status.get("masterKeySecret");
            assertThat(keySecret).as("%s master key Secret", profile).isNotBlank();
            assertThat(status.toString()).as("no key material in status").doesNotContain(masterKey(keySecret));

            // A client pod with the generated master key from the Secret, as the load Jobs get it.
            PodSpec spec = podSpec("Never", "post", endpoint + "/chat/completions",
                    "{\"model\":\"sim-llama-8b\",\"max_tokens\":8,"
                            + "\"messages\":[{\"role\":\"user\",\"content\":\"via " + profile + "\"}]}");
            spec.getContainers().get(0).setEnv(List.of(new io.fabric8.kubernetes.api.model.EnvVarBuilder()
                    .withName("BEARER_TOKEN").withNewValueFrom().withNewSecretKeyRef("masterKey", keySecret, false)
                    .endValueFrom().build()));
            runToCompletion("chat-" + profile, spec);
            assertThat(logs("chat-" + profile)).contains("chat.completion").contains("\"choices\"");

            // Without a key the gateway refuses: the master key is what lets traffic through. (Bifrost
            // answers a bare model name without a key with 400 before auth, as no virtual key routes
            // it; the provider-prefixed name reaches its auth check.)
            String model = profile.equals("bifrost") ? "vllm/sim-llama-8b" : "sim-llama-8b";
            runToCompletionExpectingFailure("nokey-" + profile, podSpec("Never", "post", endpoint + "/chat/completions",
                    "{\"model\":\"" + model + "\",\"max_tokens\":8,\"messages\":[{\"role\":\"user\",\"content\":\"x\"}]}"));
            assertThat(logs("nokey-" + profile)).containsAnyOf("401", "403");
        }
    }

    @Test
    @SuppressWarnings("unchecked")
    void benchmarkRunMeasuresThePlatformDirectlyAndThroughBothGateways() {
        assumeGatewayImages();
        Needs.image(cluster, "loadgen");
        createSimulatorPlatform("ovh-sim", "30ms");
        createGatewayProfiles("ovh-sim", "ovh-");
        client.resource(client.getKubernetesSerialization().unmarshal("""
                apiVersion: crossover.dev/v1alpha1
                kind: BenchmarkRun
                metadata: {name: overhead}
                spec:
                  scenario: GatewayOverhead
                  targets:
                    - {name: direct, platformRef: {name: ovh-sim}}
                    - {name: litellm, gatewayRef: {name: ovh-litellm}}
                    - {name: bifrost, gatewayRef: {name: ovh-bifrost}}
                  workload:
                    inputTokens: {mean: 32}
                    outputTokens: {mean: 16}
                  load: {concurrency: [1, 4], warmup: 2s, duration: 8s}
                  slo: {ttftP95: 2s}
                  execution:
                    resources:
                      requests: {cpu: 100m, memory: 512Mi}
                      limits: {memory: 512Mi}
                """, GenericKubernetesResource.class)).inNamespace(ns).create();

        Map<String, Object> status = awaitRun("overhead", Duration.ofMinutes(8));
        assertThat(status.get("progress")).isEqualTo("6/6");
        List<Map<String, Object>> results = (List<Map<String, Object>>) status.get("results");
        assertThat(results).extracting(r -> r.get("target"))
                .containsExactlyInAnyOrder("direct", "direct", "litellm", "litellm", "bifrost", "bifrost");
        for (Map<String, Object> r : results) {
            assertThat(r.get("state")).as("%s %s: %s", r.get("target"), r.get("level"), r.get("message")).isEqualTo("Succeeded");
            assertThat(((Number) r.get("errors")).longValue()).as("%s %s errors", r.get("target"), r.get("level")).isZero();
            Map<String, Object> ttft = (Map<String, Object>) r.get("ttftMs");
            assertThat(((Number) ttft.get("p50")).doubleValue()).as("TTFT >= the simulator's 30 ms").isGreaterThanOrEqualTo(30.0);
        }
        List<Map<String, Object>> targets = (List<Map<String, Object>>) status.get("targets");
        assertThat(targets).extracting(t -> t.get("name")).containsExactlyInAnyOrder("direct", "litellm", "bifrost");
        for (Map<String, Object> t : targets) {
            assertThat(Double.parseDouble((String) t.get("costPerMillionTokensUSD"))).as("%s cost", t.get("name")).isPositive();
        }
    }

    @Test
    void prefixCacheAwarePlatformRunsTheRealEndpointPickerOnItsRenderedConfig() {
        Needs.image(cluster, "epp");
        Needs.that(upstreamCrds != null, "Gateway API / Inference Extension CRDs (e2e/scripts/fetch-crds.sh)", null);
        // No Gateway implementation (Envoy) runs on the local cluster: the Gateway is accepted by
        // the API server but never gets an address. What is real is the picker: the Inference
        // Extension's EPP reads the rendered EndpointPickerConfig, the InferencePool and the
        // model pods with the rendered Role, and only then passes its gRPC readiness probe.
        client.resource(client.getKubernetesSerialization().unmarshal("""
                apiVersion: gateway.networking.k8s.io/v1
                kind: Gateway
                metadata: {name: inference-gateway}
                spec:
                  gatewayClassName: none-on-this-cluster
                  listeners: [{name: http, port: 80, protocol: HTTP}]
                """, GenericKubernetesResource.class)).inNamespace(ns).create();
        client.resource(client.getKubernetesSerialization().unmarshal("""
                apiVersion: crossover.dev/v1alpha1
                kind: InferencePlatform
                metadata: {name: llmd}
                spec:
                  model: {name: crossover/sim-llama-8b, servedName: sim-llama-8b}
                  engine:
                    type: Simulator
                    replicas: 2
                    simulator: {timeToFirstToken: 20ms, interTokenLatency: 5ms}
                  nodes: {provision: false}
                  routing:
                    mode: PrefixCacheAware
                    gatewayRef: {name: inference-gateway}
                    endpointPicker: {prefixCacheWeight: 3, queueWeight: 2, kvCacheUtilizationWeight: 2}
                """, GenericKubernetesResource.class)).inNamespace(ns).create();

        await("RouterReady past the picker (operator log: " + operatorLog + ")").atMost(Duration.ofMinutes(4))
                .pollInterval(Duration.ofSeconds(2)).untilAsserted(() -> {
                    assertThat(operator.isAlive()).as("operator alive").isTrue();
                    Map<String, Object> router = condition("InferencePlatform", "llmd", "RouterReady");
                    assertThat(router).as("RouterReady").isNotNull();
                    // EndpointPickerNotReady until the EPP pod is Ready; then the missing address.
                    assertThat(router.get("reason")).as("RouterReady: %s; epp pods: %s", router.get("message"), eppPods())
                            .isEqualTo("GatewayHasNoAddress");
                });
        var picker = client.apps().deployments().inNamespace(ns).withName("llmd-epp").get();
        assertThat(picker.getStatus().getReadyReplicas()).isEqualTo(1);
        assertThat(picker.getSpec().getTemplate().getSpec().getContainers().get(0).getImage())
                .isEqualTo(cluster.optionalImage("epp"));
        assertThat(condition("InferencePlatform", "llmd", "Ready").get("status")).as("no fake readiness").isEqualTo("False");
    }

    private String eppPods() {
        return client.pods().inNamespace(ns).list().getItems().stream()
                .filter(p -> p.getMetadata().getName().startsWith("llmd-epp"))
                .map(p -> p.getMetadata().getName() + " " + p.getStatus().getPhase() + " "
                        + p.getStatus().getContainerStatuses())
                .toList().toString();
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> condition(String kind, String name, String type) {
        Map<String, Object> status = status(kind, name);
        if (status == null || status.get("conditions") == null) {
            return null;
        }
        return ((List<Map<String, Object>>) status.get("conditions")).stream()
                .filter(c -> type.equals(c.get("type"))).findFirst().orElse(null);
    }

    @Test
    @SuppressWarnings("unchecked")
    void benchmarkRunFindsTheCrossoverBetweenThePlatformAndABedrockTestDouble() throws Exception {
        Needs.image(cluster, "loadgen");
        // AWS cannot be reached here: a TEST DOUBLE of Bedrock Runtime ConverseStream (the AWS wire
        // protocol: HTTP/2, event-stream frames) listens on the node's address, and the load pods'
        // real AWS SDK client is pointed at it through bedrock.endpointURL.
        String nodeIp = client.nodes().list().getItems().get(0).getStatus().getAddresses().stream()
                .filter(a -> "InternalIP".equals(a.getType())).findFirst().orElseThrow().getAddress();
        try (var bedrock = new dev.crossover.loadgen.client.bedrock.ConverseStreamEventStreamDouble(
                java.net.InetAddress.getByName(nodeIp), Duration.ofMillis(60), Duration.ofMillis(8), 16)) {
            createSimulatorPlatform("be-sim", "30ms");
            client.secrets().inNamespace(ns).resource(new io.fabric8.kubernetes.api.model.SecretBuilder()
                    .withNewMetadata().withName("aws-test-double").endMetadata()
                    .addToStringData("AWS_ACCESS_KEY_ID", "AKIDTESTDOUBLE").addToStringData("AWS_SECRET_ACCESS_KEY", "not-a-secret")
                    .build()).create();
            client.resource(client.getKubernetesSerialization().unmarshal("""
                    apiVersion: crossover.dev/v1alpha1
                    kind: BenchmarkRun
                    metadata: {name: break-even}
                    spec:
                      scenario: Custom
                      targets:
                        - {name: platform, platformRef: {name: be-sim}}
                        - name: bedrock-llama8b
                          bedrock: {modelId: "meta.llama3-1-8b-instruct-v1:0", region: us-east-1, endpointURL: "%s"}
                      workload:
                        inputTokens: {mean: 32}
                        outputTokens: {mean: 16}
                      load: {concurrency: [1, 4], warmup: 2s, duration: 6s}
                      slo: {ttftP95: 2s}
                      aws: {credentialsSecretRef: {name: aws-test-double}}
                      execution:
                        resources:
                          requests: {cpu: 100m, memory: 512Mi}
                          limits: {memory: 512Mi}
                    """.formatted(bedrock.endpoint()), GenericKubernetesResource.class)).inNamespace(ns).create();

            Map<String, Object> status = awaitRun("break-even", Duration.ofMinutes(6));
            assertThat(bedrock.requestCount()).as("requests the double answered").isPositive();
            List<Map<String, Object>> results = (List<Map<String, Object>>) status.get("results");
            assertThat(results).filteredOn(r -> "bedrock-llama8b".equals(r.get("target"))).hasSize(2).allSatisfy(r -> {
                assertThat(r.get("state")).as("%s: %s", r.get("level"), r.get("message")).isEqualTo("Succeeded");
                assertThat(((Number) r.get("errors")).longValue()).isZero();
                // The double sends the first token 60 ms after the request.
                assertThat(((Number) ((Map<String, Object>) r.get("ttftMs")).get("p50")).doubleValue()).isGreaterThanOrEqualTo(60.0);
            });
            List<Map<String, Object>> targets = (List<Map<String, Object>>) status.get("targets");
            assertThat(targets).extracting(t -> t.get("name")).containsExactlyInAnyOrder("platform", "bedrock-llama8b");
            targets.forEach(t -> assertThat(Double.parseDouble((String) t.get("costPerMillionTokensUSD")))
                    .as("%s cost per 1M tokens", t.get("name")).isPositive());
            // A g5.2xlarge by the hour against Bedrock by the token: the monthly curves cross.
            List<Map<String, Object>> breakEven = (List<Map<String, Object>>) status.get("breakEven");
            assertThat(breakEven).as("break-even points; status: %s", status).isNotEmpty().allSatisfy(b -> {
                assertThat(b.get("selfManaged")).isEqualTo("platform");
                assertThat(b.get("managed")).isEqualTo("bedrock-llama8b");
                assertThat(((Number) b.get("requestsPerSecond")).doubleValue()).isPositive();
            });
            assertThat((String) status.get("recommendation")).isNotBlank();
        }
    }

    private void assumeGatewayImages() {
        Needs.image(cluster, "litellm");
        Needs.image(cluster, "bifrost");
    }

    private void createSimulatorPlatform(String name, String ttft) {
        client.resource(client.getKubernetesSerialization().unmarshal("""
                apiVersion: crossover.dev/v1alpha1
                kind: InferencePlatform
                metadata: {name: %s}
                spec:
                  model: {name: crossover/sim-llama-8b, servedName: sim-llama-8b}
                  engine:
                    type: Simulator
                    simulator: {timeToFirstToken: %s, interTokenLatency: 5ms}
                  nodes: {provision: false}
                """.formatted(name, ttft), GenericKubernetesResource.class)).inNamespace(ns).create();
    }

    /** GatewayProfiles {prefix}litellm and {prefix}bifrost in front of the platform, asking for little CPU. */
    private void createGatewayProfiles(String platform, String prefix) {
        for (String type : List.of("LiteLLM", "Bifrost")) {
            client.resource(client.getKubernetesSerialization().unmarshal("""
                    apiVersion: crossover.dev/v1alpha1
                    kind: GatewayProfile
                    metadata: {name: %s}
                    spec:
                      type: %s
                      backends: [{name: sim, platformRef: {name: %s}}]
                      resources: {requests: {cpu: 100m, memory: 128Mi}, limits: {memory: 2Gi}}
                    """.formatted(prefix + type.toLowerCase(Locale.ROOT), type, platform), GenericKubernetesResource.class))
                    .inNamespace(ns).create();
        }
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> awaitReady(String kind, String name, Duration timeout) {
        await(kind + " " + name + " Ready (operator log: " + operatorLog + ")").atMost(timeout)
                .pollInterval(Duration.ofSeconds(2)).untilAsserted(() -> {
                    assertThat(operator.isAlive()).as("operator alive").isTrue();
                    Map<String, Object> status = status(kind, name);
                    assertThat(status).as("%s status", name).isNotNull();
                    List<Map<String, Object>> conditions = (List<Map<String, Object>>) status.get("conditions");
                    assertThat(conditions).anySatisfy(c -> {
                        assertThat(c.get("type")).isEqualTo("Ready");
                        assertThat(c.get("status")).as("%s Ready: %s", name, c.get("message")).isEqualTo("True");
                    });
                });
        return status(kind, name);
    }

    private Map<String, Object> awaitRun(String name, Duration timeout) {
        await("BenchmarkRun " + name + " Succeeded (operator log: " + operatorLog + ")").atMost(timeout)
                .pollInterval(Duration.ofSeconds(2)).untilAsserted(() -> {
                    assertThat(operator.isAlive()).as("operator alive").isTrue();
                    Map<String, Object> status = status("BenchmarkRun", name);
                    assertThat(status).isNotNull();
                    assertThat(status.get("phase")).as("phase; status: %s", status).isEqualTo("Succeeded");
                });
        return status("BenchmarkRun", name);
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> status(String kind, String name) {
        GenericKubernetesResource r = client.genericKubernetesResources("crossover.dev/v1alpha1", kind)
                .inNamespace(ns).withName(name).get();
        return r == null ? null : (Map<String, Object>) r.getAdditionalProperties().get("status");
    }

    private String masterKey(String secret) {
        String b64 = client.secrets().inNamespace(ns).withName(secret).get().getData().get("masterKey");
        return new String(java.util.Base64.getDecoder().decode(b64), java.nio.charset.StandardCharsets.UTF_8);
    }

    private void installCrds() throws IOException {
        try (var files = Files.list(repoRoot().resolve("crds"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".yaml")).sorted().toList()) {
                applyCrd(file);
            }
        }
    }

    private void applyCrd(Path file) throws IOException {
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

    /** Gateway API and Inference Extension CRDs from fetch-crds.sh (null when Go is unavailable). */
    private Path upstreamCrds;

    private void installUpstreamRoutingCrds() {
        try {
            Process fetch = new ProcessBuilder("bash", repoRoot().resolve("e2e/scripts/fetch-crds.sh").toString())
                    .redirectError(ProcessBuilder.Redirect.INHERIT).start();
            String dir = new String(fetch.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8).trim();
            if (fetch.waitFor() != 0) {
                return;
            }
            upstreamCrds = Path.of(dir);
            try (var files = Files.list(upstreamCrds)) {
                for (Path file : files.filter(f -> f.getFileName().toString().matches("(gateway|inference)\\..*\\.yaml")).sorted().toList()) {
                    applyCrd(file);
                }
            }
        } catch (IOException e) {
            upstreamCrds = null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
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
        for (String image : List.of("loadgen", "litellm", "bifrost")) {
            if (cluster.optionalImage(image) != null) {
                pb.environment().put("CROSSOVER_IMAGES_" + image.toUpperCase(Locale.ROOT), cluster.optionalImage(image));
            }
        }
        if (cluster.optionalImage("epp") != null) {
            // The Inference Extension's reference picker, which reads its own config apiVersion.
            pb.environment().put("CROSSOVER_IMAGES_ENDPOINT_PICKER", cluster.optionalImage("epp"));
            pb.environment().put("CROSSOVER_ENDPOINT_PICKER_CONFIG_API_VERSION", "inference.networking.x-k8s.io/v1alpha1");
        }
        operator = pb.start();
        // Also when the test JVM itself is stopped (Ctrl-C, CI timeout): never leave it running.
        Process started = operator;
        Runtime.getRuntime().addShutdownHook(new Thread(started::destroyForcibly, "stop-e2e-operator"));
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
