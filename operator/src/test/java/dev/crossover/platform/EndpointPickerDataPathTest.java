package dev.crossover.platform;

import static org.assertj.core.api.Assertions.assertThat;

import dev.crossover.gateway.LocalProcess;
import dev.crossover.gateway.RealParts;
import dev.crossover.operator.Images;
import dev.crossover.platform.inference.InferencePool;
import dev.crossover.platform.inference.InferencePoolSpec;
import dev.crossover.testing.LocalApiServer;
import dev.crossover.testing.UpstreamCrds;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.PodStatusBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The whole PrefixCacheAware data path on loopback, every part real: requests enter Envoy
 * (build-gateways.sh envoy), Envoy streams them over ext_proc to the Inference Extension's endpoint
 * picker (build-gateways.sh epp), which watches the operator's rendered InferencePool and its pods
 * on a real kube-apiserver, scrapes the simulators' metrics and picks a pod with the
 * EndpointPickerConfig the operator renders; Envoy then forwards to the pod the picker named. Pods
 * are objects whose status says Running/Ready at 127.0.0.2..5; {@link PodAddress} relays those
 * addresses to one llm-d-inference-sim each.
 *
 * <p>What the picker did is read from the picker itself (its Prometheus counters) and what each pod
 * served from each simulator's own request counter; Envoy's stats say which route carried the
 * request (picked pod, or the FailOpen fallback). The last test stops the picker: FailOpen keeps
 * serving from the pool, FailClose answers 503.
 */
@ExtendWith(LocalApiServer.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class EndpointPickerDataPathTest {
  static final String NS = "datapath";
  static final int PODS = 4;

  /** As a user writes it; failureMode is set per platform below. */
  static final String PLATFORM = """
      apiVersion: crossover.dev/v1alpha1
      kind: InferencePlatform
      metadata: {name: %s, namespace: datapath}
      spec:
        model: {name: crossover/sim-8B}
        engine: {type: Simulator, replicas: 4}
        nodes:
          nodeClass: {kind: KWOKNodeClass, name: default}
        routing:
          mode: PrefixCacheAware
          gatewayRef: {name: inference-gateway, namespace: gw}
          endpointPicker: {failureMode: %s}
      """;

  private final Deque<AutoCloseable> started = new ArrayDeque<>();
  private final List<LocalProcess> sims = new ArrayList<>();
  private final List<PodAddress> pods = new ArrayList<>();
  private LocalProcess picker;
  private EnvoyDataPlane failOpen;
  private EnvoyDataPlane failClose;
  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  @BeforeAll
  void startTheDataPath(LocalApiServer.Handle api) throws Exception {
    KubernetesClient client = api.client();
    UpstreamCrds.install(client);
    client.namespaces().resource(new NamespaceBuilder().withNewMetadata().withName(NS).endMetadata().build())
        .serverSideApply();

    // What the operator renders, with the Inference Extension's config dialect (the picker run here).
    Images d = Images.defaults();
    Images local = new Images(d.vllm(), d.simulator(), "crossover.local/epp:test", d.loadgen(), d.litellm(),
        d.bifrost(), Images.INFERENCE_EXTENSION_EPP_CONFIG);
    ResolvedPlatform open = ResolvedPlatform.of(Platforms.fromYaml(PLATFORM.formatted("llmd", "FailOpen")), local);
    ResolvedPlatform close = ResolvedPlatform.of(Platforms.fromYaml(PLATFORM.formatted("llmd", "FailClose")), local);

    for (int i = 0; i < PODS; i++) {
      // A context long enough for the shared-prefix prompts (the simulator's default is 1024 tokens).
      sims.add(keep(RealParts.simulator("pod" + i, "--max-model-len", "8192")));
    }
    // One target port for every pod address, as a pool has (8000 in a cluster; here a port free on
    // all four loopback addresses, so nothing else on the machine is in the way).
    int port = podPort();
    for (int i = 0; i < PODS; i++) {
      pods.add(keep(PodAddress.relay("127.0.0." + (i + 2), port, sims.get(i).port)));
    }

    InferencePool pool = EndpointPickerRenderer.inferencePool(open);
    pool.getSpec().setTargetPorts(List.of(new InferencePoolSpec.Port(port)));
    client.resources(InferencePool.class).inNamespace(NS).resource(pool).serverSideApply();
    Map<String, String> labels = pool.getSpec().getSelector().getMatchLabels();
    for (int i = 0; i < PODS; i++) {
      readyPod(client, "llmd-model-" + i, labels, pods.get(i).ip);
    }

    picker = keep(startPicker(api, open));
    awaitReadyPods(PODS);

    List<String> endpoints = pods.stream().map(PodAddress::endpoint).toList();
    failOpen = keep(EnvoyDataPlane.start("failopen", pickerGrpcPort, pickerHealthPort,
        endpoints, EndpointPickerRenderer.inferencePool(open).getSpec().getEndpointPickerRef().getFailureMode()));
    failClose = keep(EnvoyDataPlane.start("failclose", pickerGrpcPort, pickerHealthPort,
        endpoints, EndpointPickerRenderer.inferencePool(close).getSpec().getEndpointPickerRef().getFailureMode()));
    failOpen.awaitPickerHealthy(true, Duration.ofSeconds(30));
    failClose.awaitPickerHealthy(true, Duration.ofSeconds(30));
  }

  @AfterAll
  void stopEverything() {
    while (!started.isEmpty()) {
      try {
        started.pop().close();
      } catch (Exception e) {
        // keep stopping the rest
      }
    }
  }

  @Test
  @Order(1)
  void thePickerChoosesThePodForEveryRequest() throws Exception {
    double scheduled = picker.metric("inference_extension_scheduler_e2e_duration_seconds_count");
    double[] served = served();
    long picked = failOpen.stat("cluster.original_destination_cluster.upstream_rq_total");

    Random random = new Random(1);
    int n = 12;
    for (int i = 0; i < n; i++) {
      HttpResponse<String> r = chat(failOpen, distinctPrompt(random), false);
      assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
      assertThat(r.body()).contains("\"choices\"");
    }
    // A streamed answer comes back through the picker's FULL_DUPLEX_STREAMED response path whole.
    List<String> stream = chatStream(failOpen, distinctPrompt(random));
    assertThat(stream).isNotEmpty().last().isEqualTo("[DONE]");
    n++;

    assertThat(picker.metric("inference_extension_scheduler_e2e_duration_seconds_count") - scheduled)
        .as("scheduling runs the picker counted").isEqualTo(n);
    assertThat(failOpen.stat("cluster.original_destination_cluster.upstream_rq_total") - picked)
        .as("requests Envoy sent to the pod the picker named").isEqualTo(n);
    assertThat(failOpen.stat("cluster.pool_fallback.upstream_rq_total")).as("fallback route unused").isZero();
    double[] after = served();
    double total = 0;
    int podsUsed = 0;
    for (int i = 0; i < PODS; i++) {
      total += after[i] - served[i];
      podsUsed += after[i] > served[i] ? 1 : 0;
    }
    System.out.printf("EndpointPickerDataPathTest: %d unrelated prompts served per pod %s%n", n, deltas(after, served));
    assertThat(total).as("requests the simulators served").isEqualTo(n);
    // Unrelated prompts tie on every scorer; the picker spreads them (it breaks ties at random).
    assertThat(podsUsed).as("pods that served unrelated prompts").isGreaterThanOrEqualTo(2);

    // FailClose goes through the same picker while it is up.
    assertThat(chat(failClose, distinctPrompt(random), false).statusCode()).isEqualTo(200);
  }

  @Test
  @Order(2)
  void requestsSharingALongPrefixGoToOnePod() throws Exception {
    // A system prompt of ~6000 characters the picker has never seen, then a different question each.
    String prefix = "You are the assistant of run " + UUID.randomUUID() + ". " + "Answer briefly and cite the manual. ".repeat(160);
    double[] before = served();
    double hitSum = picker.metric("inference_extension_prefix_indexer_hit_ratio_sum");
    int n = 10;
    for (int i = 0; i < n; i++) {
      HttpResponse<String> r = chat(failOpen, prefix + " Question " + i + ": what is item " + (i * 7) + "?", false);
      assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    }
    double[] after = served();
    int pod = argmax(after, before);
    System.out.printf("EndpointPickerDataPathTest: %d shared-prefix prompts served per pod %s%n", n, deltas(after, before));
    assertThat(after[pod] - before[pod]).as("requests the prefix's pod served (of %d): %s", n, deltas(after, before))
        .isEqualTo(n);
    assertThat(picker.metric("inference_extension_prefix_indexer_hit_ratio_sum") - hitSum)
        .as("prefix hit ratio the picker recorded over the repeats").isGreaterThan((n - 1) * 0.5);

    // A client naming another pod in the destination header does not move the request: Envoy drops
    // the client's header and only the picker's reaches the router.
    String other = pods.get((pod + 1) % PODS).endpoint();
    double[] beforeSpoof = served();
    HttpResponse<String> r = http.send(chatRequest(failOpen, prefix + " Question spoof?", false)
        .header(EnvoyDataPlane.DESTINATION_HEADER, other).build(), HttpResponse.BodyHandlers.ofString());
    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(served()[pod] - beforeSpoof[pod]).as("served by the picker's pod, not " + other).isEqualTo(1);
  }

  @Test
  @Order(3)
  void withThePickerStoppedFailOpenServesFromThePoolAndFailCloseRefuses() throws Exception {
    long stopped = System.nanoTime();
    picker.close();
    failOpen.awaitPickerHealthy(false, Duration.ofSeconds(10));
    failClose.awaitPickerHealthy(false, Duration.ofSeconds(10));
    System.out.printf("EndpointPickerDataPathTest: Envoy saw the stopped picker unhealthy after %d ms%n",
        (System.nanoTime() - stopped) / 1_000_000);

    double[] before = served();
    long fallback = failOpen.stat("cluster.pool_fallback.upstream_rq_total");
    int n = 4;
    for (int i = 0; i < n; i++) {
      HttpResponse<String> r = chat(failOpen, "FailOpen question " + i, false);
      assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    }
    assertThat(failOpen.stat("cluster.pool_fallback.upstream_rq_total") - fallback)
        .as("requests Envoy forwarded to a pool endpoint of its own picking").isEqualTo(n);
    assertThat(sum(served()) - sum(before)).isEqualTo(n);
    assertThat(failOpen.stat("http.inference.ext_proc.failure_mode_allowed")).as("Envoy's own count of failing open")
        .isGreaterThanOrEqualTo(n);

    double[] beforeClose = served();
    HttpResponse<String> refused = chat(failClose, "FailClose question", false);
    assertThat(refused.statusCode()).isEqualTo(503);
    assertThat(sum(served())).as("no pod reached").isEqualTo(sum(beforeClose));
  }

  // --- the parts ---

  private int pickerGrpcPort;
  private int pickerHealthPort;

  private LocalProcess startPicker(LocalApiServer.Handle api, ResolvedPlatform p) throws Exception {
    Path dir = Files.createTempDirectory("epp-");
    Path kubeconfig = dir.resolve("kubeconfig");
    Files.writeString(kubeconfig, api.kubeConfigYaml());
    Path config = dir.resolve(EndpointPickerRenderer.CONFIG_FILE);
    Files.writeString(config, EndpointPickerRenderer.endpointPickerConfig(p));
    pickerGrpcPort = LocalProcess.freeLoopbackPort();
    pickerHealthPort = LocalProcess.freeLoopbackPort();
    int metrics = LocalProcess.freeLoopbackPort();
    // The arguments the operator renders for the picker's container, the config file at its path here...
    List<String> args = new ArrayList<>(EndpointPickerRenderer.deployment(p).getSpec().getTemplate().getSpec()
        .getContainers().get(0).getArgs());
    args.set(args.indexOf("--config-file") + 1, config.toString());
    List<String> cmd = new ArrayList<>(List.of(RealParts.endpointPickerBinary().toString()));
    cmd.addAll(args);
    // ...plus loopback ports, an unauthenticated metrics endpoint (in a cluster it checks the
    // scraper's token with the API server) and no trace export (no collector here).
    cmd.addAll(List.of("--grpc-port", String.valueOf(pickerGrpcPort),
        "--grpc-health-port", String.valueOf(pickerHealthPort),
        "--metrics-port", String.valueOf(metrics), "--metrics-endpoint-auth=false", "--tracing=false",
        "--kubeconfig", kubeconfig.toString()));
    return LocalProcess.start("epp", cmd, Map.of("KUBECONFIG", kubeconfig.toString()), dir, metrics, "/metrics",
        Duration.ofSeconds(60));
  }

  /** Waits until the picker reports the pool's pods ready (it has read them and their metrics). */
  private void awaitReadyPods(int n) throws Exception {
    long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
    double ready = 0;
    while (System.nanoTime() < deadline) {
      ready = picker.metric("inference_pool_ready_pods");
      if (ready == n) {
        return;
      }
      Thread.sleep(250);
    }
    throw new AssertionError("the picker reports " + ready + " ready pods, not " + n + ":\n" + picker.tail(60));
  }

  private static void readyPod(KubernetesClient client, String name, Map<String, String> labels, String ip) {
    Pod pod = client.pods().inNamespace(NS).resource(new PodBuilder()
        .withNewMetadata().withName(name).withLabels(labels).endMetadata()
        .withNewSpec().addNewContainer().withName("vllm").withImage("crossover.local/llm-d-inference-sim:test")
          .endContainer().endSpec()
        .build()).serverSideApply();
    // What a kubelet would report for a started, ready model server at this address.
    pod.setStatus(new PodStatusBuilder().withPhase("Running").withPodIP(ip).addNewPodIP().withIp(ip).endPodIP()
        .withHostIP("127.0.0.1")
        .addNewCondition().withType("Ready").withStatus("True").endCondition()
        .addNewCondition().withType("ContainersReady").withStatus("True").endCondition()
        .build());
    client.pods().inNamespace(NS).resource(pod).updateStatus();
  }

  private static int podPort() throws IOException {
    for (int attempt = 0; attempt < 50; attempt++) {
      int port = LocalProcess.freeLoopbackPort();
      boolean free = true;
      for (int i = 0; i < PODS; i++) {
        free &= PodAddress.free("127.0.0." + (i + 2), port);
      }
      if (free) {
        return port;
      }
    }
    throw new IllegalStateException("no port free on 127.0.0.2-" + (PODS + 1));
  }

  private <T extends AutoCloseable> T keep(T closeable) {
    started.push(closeable);
    return closeable;
  }

  /** Each simulator's own count of requests it completed. */
  private double[] served() throws Exception {
    double[] counts = new double[PODS];
    for (int i = 0; i < PODS; i++) {
      counts[i] = sims.get(i).metric("vllm:request_success_total");
    }
    return counts;
  }

  private static double sum(double[] values) {
    double s = 0;
    for (double v : values) {
      s += v;
    }
    return s;
  }

  private static int argmax(double[] after, double[] before) {
    int best = 0;
    for (int i = 1; i < after.length; i++) {
      if (after[i] - before[i] > after[best] - before[best]) {
        best = i;
      }
    }
    return best;
  }

  private static Map<String, Double> deltas(double[] after, double[] before) {
    Map<String, Double> m = new LinkedHashMap<>();
    for (int i = 0; i < after.length; i++) {
      m.put("pod" + i, after[i] - before[i]);
    }
    return m;
  }

  private static String distinctPrompt(Random random) {
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < 40; i++) {
      b.append(Long.toString(random.nextLong() & Long.MAX_VALUE, 36)).append(' ');
    }
    return b.toString();
  }

  private HttpRequest.Builder chatRequest(EnvoyDataPlane gateway, String prompt, boolean stream) {
    String content = prompt.replace("\\", "\\\\").replace("\"", "\\\"");
    String body = "{\"model\":\"" + RealParts.SIM_MODEL + "\",\"stream\":" + stream + ",\"max_tokens\":4"
        + ",\"messages\":[{\"role\":\"user\",\"content\":\"" + content + "\"}]}";
    return HttpRequest.newBuilder(gateway.url("/v1/chat/completions")).timeout(Duration.ofSeconds(30))
        .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body));
  }

  private HttpResponse<String> chat(EnvoyDataPlane gateway, String prompt, boolean stream) throws Exception {
    return http.send(chatRequest(gateway, prompt, stream).build(), HttpResponse.BodyHandlers.ofString());
  }

  private List<String> chatStream(EnvoyDataPlane gateway, String prompt) throws Exception {
    HttpResponse<InputStream> r = http.send(chatRequest(gateway, prompt, true).build(),
        HttpResponse.BodyHandlers.ofInputStream());
    List<String> data = new ArrayList<>();
    try (BufferedReader in = new BufferedReader(new InputStreamReader(r.body(), StandardCharsets.UTF_8))) {
      assertThat(r.statusCode()).isEqualTo(200);
      String line;
      while ((line = in.readLine()) != null) {
        if (line.startsWith("data:")) {
          data.add(line.substring(5).trim());
        }
      }
    }
    return data;
  }
}
