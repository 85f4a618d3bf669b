package dev.crossover.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.Size;
import lombok.Data;

@Data
@JsonInclude(JsonInclude.Include.NON_NULL)
public class AgentCoreTarget {

  @Required
  @Size(min = 1, max = 2048)
  @Pattern("^arn:aws[a-z-]*:bedrock-agentcore:[a-z0-9-]+:[0-9]{12}:runtime/.+$")
  @JsonPropertyDescription("ARN of the AgentCore agent runtime.")
  private String agentRuntimeArn;

  @Size(min = 1, max = 128)
  @JsonPropertyDescription("Endpoint qualifier of the runtime. Default DEFAULT.")
  private String qualifier;

  @JsonPropertyDescription("Model the runtime calls, as a Bedrock model id, for the token part of the cost.")
  @Size(max = 2048)
  private String modelId;

  @Size(max = 8192)
  @JsonPropertyDescription("JSON payload each request sends, with ${prompt}, ${system}, ${messages} and ${maxTokens} "
      + "filled in from the workload. Default {\"prompt\":\"${prompt}\"}: write the shape your agent's entrypoint reads.")
  private String payloadTemplate;

  @Size(max = 2048)
  @Pattern("^https?://[^\\s]+$")
  @JsonPropertyDescription("AgentCore endpoint to use instead of the region's (an interface VPC endpoint, or a local test double).")
  private String endpointURL;
}
