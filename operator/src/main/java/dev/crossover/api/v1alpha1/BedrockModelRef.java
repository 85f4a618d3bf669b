package dev.crossover.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.Size;
import lombok.Data;

@Data
@JsonInclude(JsonInclude.Include.NON_NULL)
public class BedrockModelRef {

  @Required
  @Size(min = 1, max = 2048)
  @JsonPropertyDescription("Bedrock model id or inference profile id (e.g. anthropic.claude-3-5-haiku-20241022-v1:0, us.meta.llama3-1-70b-instruct-v1:0), or the ARN of an imported model (Custom Model Import) or a provisioned model.")
  private String modelId;

  @Size(min = 1, max = 32)
  @Pattern("^[a-z]{2}(-gov)?-[a-z]+-[0-9]$")
  @JsonPropertyDescription("AWS region, e.g. us-east-1. Defaults to the region of the operator's environment.")
  private String region;
}
