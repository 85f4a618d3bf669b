package dev.crossover.platform;

import static org.assertj.core.api.Assertions.assertThat;

import dev.crossover.gateway.LocalProcess;
import dev.crossover.gateway.RealParts;
import dev.crossover.testing.LocalApiServer;
import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
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
  static final int PODS = InferenceDataPath.PODS;

  private InferenceDataPath path;
  private LocalProcess picker;
  private EnvoyDataPlane failOpen;
  private EnvoyDataPlane failClose;
  private List<PodAddress> pods;
  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  @BeforeAll
  void startTheDataPath(LocalApiServer.Handle api) throws Exception {
    path = InferenceDataPath.start(api, "datapath");
    picker = path.picker;
    failOpen = path.failOpen;
    failClose = path.failClose;
    pods = path.pods;
  }

  @AfterAll
  void stopEverything() {
    if (path != null) {
      path.close();
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

  private double[] served() throws Exception {
    return path.served();
  }

  private static double sum(double[] values) {
    return InferenceDataPath.sum(values);
  }

  private static int argmax(double[] after, double[] before) {
    return InferenceDataPath.busiest(after, before);
  }

  private static Map<String, Double> deltas(double[] after, double[] before) {
    return InferenceDataPath.deltas(after, before);
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
