package dev.crossover.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import dev.crossover.api.v1alpha1.GatewayProfile;
import dev.crossover.api.v1alpha1.GatewayProfileSpec.Type;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The real Bifrost (built from its Go module by e2e/scripts/build-gateways.sh) on loopback, fed the
 * exact config.json BifrostConfig renders, in front of two real llm-d-inference-sim processes.
 */
class BifrostRealGatewayTest {
  static LocalProcess simA;
  static LocalProcess simB;
  static LocalProcess bifrost;
  static String master;
  static String limitedKey;
  static String base;
  /** The bare model name, as clients send it to vLLM directly (paired runs compare like with like). */
  static final String MODEL = RealParts.SIM_MODEL;

  @BeforeAll
  static void start() throws Exception {
    try {
      simA = RealParts.simulator("a");
      simB = RealParts.simulator("b");
      GatewayProfile p = Profiles.profile(Type.Bifrost, "pool-a", "pool-b");
      p.getSpec().getBackends().get(0).setWeight(3);
      p.getSpec().getBackends().get(1).setWeight(1);
      p.getSpec().setTenants(List.of(Profiles.tenant("limited", 3, null, "10", "1d")));
      List<ResolvedTarget> targets = List.of(
          ResolvedTarget.openAI("pool-a", ResolvedTarget.Kind.Platform, RealParts.v1(simA), RealParts.SIM_MODEL, 3),
          ResolvedTarget.openAI("pool-b", ResolvedTarget.Kind.Platform, RealParts.v1(simB), RealParts.SIM_MODEL, 1));
      String config = GatewayObjects.renderConfig(p.getSpec(), targets);
      master = GatewayNames.newKey(Type.Bifrost);
      limitedKey = GatewayNames.newKey(Type.Bifrost);
      bifrost = RealParts.bifrost(config, Map.of(
          GatewayNames.BIFROST_MASTER_KEY_ENV, master,
          GatewayNames.tenantKeyEnv(0), limitedKey));
      base = RealParts.v1(bifrost);
    } catch (Exception | Error e) {
      stop();
      throw e;
    }
  }

  @AfterAll
  static void stop() {
    for (LocalProcess p : new LocalProcess[] {bifrost, simB, simA}) {
      if (p != null) {
        p.close();
      }
    }
  }

  @Test
  void aStreamingChatCompletionFlowsEndToEnd() throws Exception {
    Chat.Streamed s = Chat.stream(base, master, MODEL);
    assertThat(s.status()).as("status, body: %s\nlog:\n%s", s.errorBody(), bifrost.tail(20)).isEqualTo(200);
    // 16 tokens asked with ignore_eos: a real stream of many chunks, not one body.
    assertThat(s.contentChunks()).as("data lines: %s", s.dataLines()).isGreaterThanOrEqualTo(8);
    assertThat(s.done()).isTrue();
  }

  @Test
  void clientsSendTheSameModelNameAsToVllmDirectlyOrTheProviderPrefixedOne() throws Exception {
    HttpResponse<String> bare = Chat.complete(base, master, RealParts.SIM_MODEL);
    assertThat(bare.statusCode()).as(bare.body()).isEqualTo(200);
    assertThat(bare.body()).contains("\"provider\":\"vllm\"");
    HttpResponse<String> prefixed = Chat.complete(base, master, "vllm/" + RealParts.SIM_MODEL);
    assertThat(prefixed.statusCode()).as(prefixed.body()).isEqualTo(200);
  }

  @Test
  void inferenceWithoutAKeyIsRefused() throws Exception {
    double before = simA.metric("vllm:request_success_total") + simB.metric("vllm:request_success_total");
    String prefixed = "vllm/" + RealParts.SIM_MODEL;
    HttpResponse<String> r = Chat.complete(base, null, prefixed);
    assertThat(r.statusCode()).as(r.body()).isEqualTo(401);
    HttpResponse<String> wrong = Chat.complete(base, "sk-bf-not-a-key", prefixed);
    assertThat(wrong.statusCode()).as(wrong.body()).isIn(401, 403);
    // A bare model name without a key has no virtual key to route it: refused before auth (400).
    HttpResponse<String> bare = Chat.complete(base, null, MODEL);
    assertThat(bare.statusCode()).as(bare.body()).isIn(400, 401);
    assertThat(simA.metric("vllm:request_success_total") + simB.metric("vllm:request_success_total")).isEqualTo(before);
  }

  @Test
  void twoWeightedBackendsShareTheLoadByWeight() throws Exception {
    double a0 = simA.metric("vllm:request_success_total");
    double b0 = simB.metric("vllm:request_success_total");
    int n = 400;
    int ok = 0;
    try (ExecutorService pool = Executors.newFixedThreadPool(8)) {
      List<Future<Integer>> results = new ArrayList<>();
      for (int i = 0; i < n; i++) {
        results.add(pool.submit(() -> Chat.complete(base, master, MODEL).statusCode()));
      }
      for (Future<Integer> f : results) {
        ok += f.get() == 200 ? 1 : 0;
      }
    }
    double a = simA.metric("vllm:request_success_total") - a0;
    double b = simB.metric("vllm:request_success_total") - b0;
    System.out.printf("Bifrost weighted split 3:1 over %d requests: pool-a %.0f, pool-b %.0f (share a %.3f)%n",
        n, a, b, a / (a + b));
    assertThat(ok).isEqualTo(n);
    assertThat(a + b).isEqualTo(n);
    // Expected share 0.75; binomial sd over 400 is 0.022: 0.75 +- 0.08 is well beyond chance.
    assertThat(a / (a + b)).isBetween(0.67, 0.83);
  }

  @Test
  void aTenantOverItsRateLimitIsRefused() throws Exception {
    List<Integer> statuses = new ArrayList<>();
    String lastBody = "";
    for (int i = 0; i < 5; i++) {
      HttpResponse<String> r = Chat.complete(base, limitedKey, MODEL);
      statuses.add(r.statusCode());
      lastBody = r.body();
    }
    System.out.println("Bifrost tenant with 3 requests/minute, 5 requests: " + statuses + " last body: " + lastBody);
    assertThat(statuses.subList(0, 3)).containsOnly(200);
    assertThat(statuses.subList(3, 5)).containsOnly(429);
    assertThat(lastBody.toLowerCase()).contains("rate limit");
    // The master key is not limited by the tenant's limit.
    assertThat(Chat.complete(base, master, MODEL).statusCode()).isEqualTo(200);
  }

  @Test
  void metricsAndHealthAnswer() throws Exception {
    HttpResponse<String> health = Chat.HTTP.send(java.net.http.HttpRequest.newBuilder(bifrost.url("/health")).build(),
        HttpResponse.BodyHandlers.ofString());
    assertThat(health.statusCode()).isEqualTo(200);
    HttpResponse<String> metrics = Chat.HTTP.send(java.net.http.HttpRequest.newBuilder(bifrost.url("/metrics")).build(),
        HttpResponse.BodyHandlers.ofString());
    assertThat(metrics.statusCode()).isEqualTo(200);
    assertThat(metrics.body()).contains("# TYPE");
  }
}
