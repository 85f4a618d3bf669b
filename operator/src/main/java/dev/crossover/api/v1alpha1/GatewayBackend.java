package dev.crossover.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Default;
import io.fabric8.generator.annotation.Max;
import io.fabric8.generator.annotation.Min;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.Size;
import io.fabric8.generator.annotation.ValidationRule;
import lombok.Data;

@Data
@JsonInclude(JsonInclude.Include.NON_NULL)
@ValidationRule(
    value = "[has(self.platformRef), has(self.openAI), has(self.bedrock)].filter(x, x).size() == 1",
    message = "a backend names exactly one of platformRef, openAI or bedrock")
public class GatewayBackend {

  @Required
  @Size(min = 1, max = 63)
  @Pattern(ApiGroup.DNS_LABEL_PATTERN)
  @JsonPropertyDescription("Name of this backend, unique in the profile; also the model group name where the gateway needs one.")
  private String name;

  @JsonPropertyDescription("An InferencePlatform; the gateway follows its endpoint (or its pods, for Bifrost balance: Pods).")
  private ObjectRef platformRef;

  @JsonPropertyDescription("Any OpenAI-compatible endpoint.")
  private OpenAIEndpoint openAI;

  @JsonPropertyDescription("An Amazon Bedrock model, for the hybrid pattern: one gateway in front of self-managed and managed models.")
  private BedrockModelRef bedrock;

  @Min(0)
  @Max(1000)
  @Default("1")
  @JsonPropertyDescription("Relative share of requests this backend receives.")
  private Integer weight;
}
