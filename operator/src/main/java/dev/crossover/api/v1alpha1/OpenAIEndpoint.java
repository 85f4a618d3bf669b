package dev.crossover.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.Size;
import lombok.Data;

@Data
@JsonInclude(JsonInclude.Include.NON_NULL)
public class OpenAIEndpoint {

  @Required
  @Size(min = 1, max = 2048)
  @Pattern("^https?://[^\\s]+$")
  @JsonPropertyDescription("Base URL of an OpenAI-compatible API, up to and including /v1, e.g. http://vllm.models.svc:8000/v1.")
  private String url;

  @Required
  @Size(min = 1, max = 256)
  @JsonPropertyDescription("Model name to send in requests.")
  private String model;

  @JsonPropertyDescription("Secret with the API key sent as a bearer token (default key: apiKey).")
  private SecretKeyRef apiKeySecretRef;
}
