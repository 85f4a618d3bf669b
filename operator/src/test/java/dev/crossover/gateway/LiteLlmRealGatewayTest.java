package dev.crossover.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import dev.crossover.api.v1alpha1.GatewayProfile;
import dev.crossover.api.v1alpha1.GatewayProfileSpec.Type;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The real LiteLLM proxy (PyPI, installed by e2e/scripts/build-gateways.sh) on loopback, fed the
 * exact config.yaml LiteLlmConfig renders, in front of a real llm-d-inference-sim.
 */
class LiteLlmRealGatewayTest {
  static LocalProcess sim;
  static LocalProcess litellm;
  static String master;
  static String base;

  @BeforeAll
  static void start() throws Exception {
    try {
      sim = RealParts.simulator("litellm-backend");
      GatewayProfile p = Profiles.profile(Type.LiteLLM, "pool-a");
      List<ResolvedTarget> targets = List.of(
          ResolvedTarget.openAI("pool-a", ResolvedTarget.Kind.Platform, RealParts.v1(sim), RealParts.SIM_MODEL, 1));
      String config = GatewayObjects.renderConfig(p.getSpec(), targets);
      master = GatewayNames.newKey(Type.LiteLLM);
      litellm = RealParts.liteLlm(config, Map.of(GatewayNames.LITELLM_MASTER_KEY_ENV, master));
      base = RealParts.v1(litellm);
    } catch (Exception | Error e) {
      stop();
      throw e;
    }
  }

  @AfterAll
  static void stop() {
    if (litellm != null) {
      litellm.close();
    }
    if (sim != null) {
      sim.close();
    }
  }

  static HttpResponse<String> get(String path) throws Exception {
    return Chat.HTTP.send(HttpRequest.newBuilder(litellm.url(path)).build(), HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void readinessAndLivelinessAnswerWithoutAKeyAndWithoutCallingTheModel() throws Exception {
    double before = sim.metric("vllm:request_success_total");
    HttpResponse<String> ready = get("/health/readiness");
    assertThat(ready.statusCode()).as(ready.body()).isEqualTo(200);
    assertThat(ready.body()).contains("healthy");
    assertThat(get("/health/liveliness").statusCode()).isEqualTo(200);
    assertThat(sim.metric("vllm:request_success_total")).isEqualTo(before);
  }

  @Test
  void aStreamingChatCompletionFlowsEndToEnd() throws Exception {
    double before = sim.metric("vllm:request_success_total");
    // The same model name a client sends to vLLM directly.
    Chat.Streamed s = Chat.stream(base, master, RealParts.SIM_MODEL);
    assertThat(s.status()).as("status, body: %s\nlog:\n%s", s.errorBody(), litellm.tail(30)).isEqualTo(200);
    // 16 tokens asked with ignore_eos: a real stream of many chunks, not one body.
    assertThat(s.contentChunks()).as("data lines: %s", s.dataLines()).isGreaterThanOrEqualTo(8);
    assertThat(s.done()).isTrue();
    assertThat(sim.metric("vllm:request_success_total")).isEqualTo(before + 1);
  }

  @Test
  void aWrongKeyIsRefusedAndNeverReachesTheModel() throws Exception {
    double before = sim.metric("vllm:request_success_total");
    // Without a database every key but the master key is refused (LiteLLM answers 400 "No
    // connected db" for an unknown key, 401 for none).
    HttpResponse<String> wrong = Chat.complete(base, "sk-wrong", RealParts.SIM_MODEL);
    HttpResponse<String> none = Chat.complete(base, null, RealParts.SIM_MODEL);
    System.out.println("LiteLLM without a database: unknown key -> " + wrong.statusCode() + " " + wrong.body()
        + "; no key -> " + none.statusCode() + " " + none.body());
    assertThat(wrong.statusCode()).as(wrong.body()).isIn(400, 401, 403);
    assertThat(none.statusCode()).as(none.body()).isIn(400, 401, 403);
    assertThat(sim.metric("vllm:request_success_total")).isEqualTo(before);
  }

  @Test
  void prometheusMetricsAreServed() throws Exception {
    assertThat(Chat.complete(base, master, RealParts.SIM_MODEL).statusCode()).isEqualTo(200);
    HttpResponse<String> m = Chat.HTTP.send(HttpRequest.newBuilder(litellm.url("/metrics/"))
        .header("Authorization", "Bearer " + master).build(), HttpResponse.BodyHandlers.ofString());
    System.out.println("LiteLLM /metrics/: " + m.statusCode() + ", litellm_ lines: "
        + m.body().lines().filter(l -> l.startsWith("litellm_")).count());
    assertThat(m.statusCode()).isEqualTo(200);
    assertThat(m.body()).contains("litellm_");
  }
}
