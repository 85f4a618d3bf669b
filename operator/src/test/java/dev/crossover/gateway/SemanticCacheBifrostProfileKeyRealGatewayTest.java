package dev.crossover.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.crossover.api.v1alpha1.GatewayProfile;
import dev.crossover.api.v1alpha1.GatewayProfileSpec.Type;
import dev.crossover.api.v1alpha1.SemanticCacheSpec.KeyBy;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * keyBy Profile on the real Bifrost: no header needed (the rendered default key), and the system
 * prompt stays in the exact-match hash and the embedding. The same question under another system
 * prompt is never the first prompt's exact entry, but can still be a semantic hit (measured with
 * two short prompts: it is), which is why keyBy SystemPrompt exists. Store without a password.
 */
class SemanticCacheBifrostProfileKeyRealGatewayTest {
  static final ObjectMapper JSON = new ObjectMapper();

  static JsonNode ask(String base, String master, String system, String question) throws Exception {
    String body = JSON.writeValueAsString(Map.of("model", RealParts.SIM_MODEL, "max_tokens", 16, "messages",
        List.of(Map.of("role", "system", "content", system), Map.of("role", "user", "content", question))));
    HttpResponse<String> r = Chat.HTTP.send(Chat.request(base, master).POST(HttpRequest.BodyPublishers.ofString(body)).build(),
        HttpResponse.BodyHandlers.ofString());
    assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    return JSON.readTree(r.body()).path("extra_fields").path("cache_debug");
  }

  @Test
  void withoutAHeaderRequestsAreCachedPerProfileAndTheSystemPromptCounts() throws Exception {
    try (LocalProcess valkey = SemanticCacheParts.valkeySearch(null);
         LocalProcess embedder = SemanticCacheParts.embedder();
         LocalProcess sim = RealParts.simulator("semcache-profile")) {
      GatewayProfile p = Profiles.profile(Type.Bifrost, "pool-a");
      p.getSpec().setSemanticCache(SemanticCacheRenderersTest.cache(KeyBy.Profile, SemanticCacheParts.address(valkey),
          RealParts.v1(embedder), SemanticCacheParts.EMBEDDING_MODEL, SemanticCacheParts.DIMENSION, 0.93));
      String config = GatewayObjects.renderConfig(p.getSpec(), List.of(
          ResolvedTarget.openAI("pool-a", ResolvedTarget.Kind.Platform, RealParts.v1(sim), RealParts.SIM_MODEL, 1)));
      String master = GatewayNames.newKey(Type.Bifrost);
      try (LocalProcess bifrost = RealParts.bifrost(config, Map.of(GatewayNames.BIFROST_MASTER_KEY_ENV, master))) {
        String base = RealParts.v1(bifrost);
        String tutor = "You are a concise geography tutor.";
        assertThat(ask(base, master, tutor, "What is the capital of France?").path("cache_hit").asBoolean()).isFalse();
        JsonNode repeat = null;
        for (int i = 0; i < 50 && (repeat == null || !repeat.path("cache_hit").asBoolean()); i++) {
          Thread.sleep(50); // the entry is written after the answer
          repeat = ask(base, master, tutor, "What is the capital of France?");
        }
        assertThat(repeat.path("cache_hit").asBoolean()).as("a repeat without any header: %s", repeat).isTrue();
        assertThat(repeat.path("hit_type").asText()).isEqualTo("direct");
        JsonNode otherPrompt = ask(base, master, "You are a pirate. Answer in pirate speak, at length.",
            "What is the capital of France?");
        System.out.println("Bifrost keyBy Profile, same question under another system prompt: " + otherPrompt);
        assertThat(otherPrompt.path("hit_type").asText("")).as("never the exact entry of another prompt").isNotEqualTo("direct");
      }
    }
  }
}
