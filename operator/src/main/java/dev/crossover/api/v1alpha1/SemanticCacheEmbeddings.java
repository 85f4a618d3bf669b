package dev.crossover.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Max;
import io.fabric8.generator.annotation.Min;
import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.ValidationRule;
import lombok.Data;

/** The embeddings backend of a semantic cache. */
@Data
@JsonInclude(JsonInclude.Include.NON_NULL)
@ValidationRule(
    value = "has(self.openAI)",
    message = "embeddings.openAI is required: this version renders OpenAI-compatible /v1/embeddings endpoints only (an InferencePlatform serving an embedding model is given by its endpoint URL; Bedrock Titan embeddings are not supported yet)",
    fieldPath = ".openAI")
public class SemanticCacheEmbeddings {

  @JsonPropertyDescription("An OpenAI-compatible embeddings endpoint (base URL up to /v1, and the embedding model's name). The gateway calls it once per cache lookup that is not an exact repeat.")
  private OpenAIEndpoint openAI;

  @Required
  @Min(2)
  @Max(16384)
  @JsonPropertyDescription("Length of the model's embedding vectors (384 for multilingual-e5-small). The vector index is created with it; the status condition SemanticCacheReady reports a mismatch with what the endpoint returns.")
  private Integer dimension;
}
