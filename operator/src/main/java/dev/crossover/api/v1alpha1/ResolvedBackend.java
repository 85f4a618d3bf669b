package dev.crossover.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import lombok.AllArgsConstructor;
import lombok.Data;
import lombok.NoArgsConstructor;

@Data
@NoArgsConstructor
@AllArgsConstructor
@JsonInclude(JsonInclude.Include.NON_NULL)
public class ResolvedBackend {
  @JsonPropertyDescription("Backend name from the spec.")
  private String name;
  @JsonPropertyDescription("Platform, OpenAI or Bedrock.")
  private String kind;
  @JsonPropertyDescription("URL (or Bedrock model id) the gateway sends to.")
  private String target;
  @JsonPropertyDescription("Model name sent to the backend.")
  private String model;
}
