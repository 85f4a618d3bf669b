package dev.crossover.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Default;
import io.fabric8.generator.annotation.Max;
import io.fabric8.generator.annotation.Min;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.ValidationRule;
import lombok.Data;

/**
 * A gateway's semantic cache: answers to earlier questions are kept in a vector store and served
 * again for a question whose embedding is close enough, without calling the model.
 */
@Data
@JsonInclude(JsonInclude.Include.NON_NULL)
@ValidationRule(
    value = "!has(self.ttl) || duration(self.ttl) >= duration('1s')",
    message = "ttl must be at least 1s (a zero TTL would silently become the gateway's own default)",
    fieldPath = ".ttl")
public class SemanticCacheSpec {

  /**
   * How cache entries are partitioned, i.e. which requests may be answered from each other's
   * entries. One enum rather than free-form keys because each value maps to exactly what one
   * gateway can do, and the other is refused at admission (see GatewayProfileSpec's rules).
   */
  public enum KeyBy {
    /**
     * Bifrost: the system prompt is left out of the embedding and of the exact-match hash, and
     * each request names its system prompt in the x-bf-cache-key header; a request without it is
     * not cached. Measured reason: with a long system prompt in the embedded text every question
     * looks alike (cosine 0.9998 for unrelated questions), and without the prompt in the key one
     * system prompt's answer is served to another.
     */
    SystemPrompt,
    /**
     * LiteLLM: entries are partitioned by API key (LiteLLM's own, always on for its semantic
     * caches), and the whole conversation, system prompt included, is embedded.
     */
    Tenant,
    /**
     * Bifrost: one partition for the whole profile (a default cache key), system prompt included
     * in the embedding and the hash; no header needed. Measured: the same question under another
     * short system prompt is still a semantic hit (the prompts' texts are close), so this mode
     * shares answers across system prompts; it is LiteLLM's behaviour, for comparison.
     */
    Profile
  }

  @Required
  @JsonPropertyDescription("The vector store holding cache entries: Redis or Valkey with a search module that has VECTOR fields (FT.CREATE ... VECTOR HNSW).")
  private SemanticCacheStore vectorStore;

  @Required
  @JsonPropertyDescription("The embeddings backend that turns a question into a vector.")
  private SemanticCacheEmbeddings embeddings;

  @Required
  @Min(value = 0, inclusive = false)
  @Max(1)
  @JsonPropertyDescription("Cosine similarity (0 < t <= 1) at or above which a cached answer is served for a different wording. Depends on the embedding model: with multilingual-e5-small, paraphrases scored 0.94-0.98 and unrelated questions about 0.75, so 0.95 is a cautious start. A higher value means fewer semantic hits and fewer false hits.")
  private Double similarityThreshold;

  @Pattern(ApiGroup.DURATION_PATTERN)
  @Default("5m")
  @JsonPropertyDescription("How long an entry is served after it was stored, e.g. 5m, 1h.")
  private String ttl;

  @Required
  @JsonPropertyDescription("How entries are partitioned. SystemPrompt (Bifrost): the system prompt is left out of the embedding and each request names its system prompt in the x-bf-cache-key header; requests without it are not cached. Tenant (LiteLLM): entries are partitioned per API key, and the whole conversation including the system prompt is embedded. Profile (Bifrost): one partition for the whole profile, system prompt included in the embedding, so answers can be shared across system prompts (as in LiteLLM). A value the gateway type cannot honour is refused.")
  private KeyBy keyBy;
}
