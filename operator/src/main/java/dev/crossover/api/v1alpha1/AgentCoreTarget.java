package dev.crossover.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Max;
import io.fabric8.generator.annotation.Min;
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

  @Min(0.25)
  @Max(64)
  @JsonPropertyDescription("vCPUs one agent session holds, for the runtime part of the cost. Not measurable from outside: default 1 (an assumption the cost note states).")
  private Double sessionVcpus;

  @Min(0.125)
  @Max(256)
  @JsonPropertyDescription("GB of memory one agent session holds. Default 2 (an assumption the cost note states).")
  private Double sessionMemoryGB;

  @Min(0)
  @Max(1)
  @JsonPropertyDescription("Share of a session's measured duration its vCPUs are active (AgentCore bills CPU only while active, not during I/O wait such as the model call). Default 1: an upper bound.")
  private Double activeCpuShare;

  @Size(max = 8192)
  @JsonPropertyDescription("JSON payload each request sends, with ${prompt}, ${system}, ${messages} and ${maxTokens} "
      + "filled in from the workload. Default {\"prompt\":\"${prompt}\"}: write the shape your agent's entrypoint reads.")
  private String payloadTemplate;

  @Size(max = 2048)
  @Pattern("^https?://[^\\s]+$")
  @JsonPropertyDescription("AgentCore endpoint to use instead of the region's (an interface VPC endpoint, or a local test double).")
  private String endpointURL;
}
