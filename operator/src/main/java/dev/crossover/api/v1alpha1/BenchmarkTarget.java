package dev.crossover.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.Size;
import io.fabric8.generator.annotation.ValidationRule;
import lombok.Data;

@Data
@JsonInclude(JsonInclude.Include.NON_NULL)
@ValidationRule(
    value = "[has(self.gatewayRef), has(self.platformRef), has(self.openAI), has(self.bedrock), has(self.agentCore)].filter(x, x).size() == 1",
    message = "a target names exactly one of gatewayRef, platformRef, openAI, bedrock or agentCore")
public class BenchmarkTarget {

  @Required
  @Size(min = 1, max = 63)
  @Pattern(ApiGroup.DNS_LABEL_PATTERN)
  @JsonPropertyDescription("Name of this target in results, e.g. a1-litellm or bedrock-llama70b.")
  private String name;

  @JsonPropertyDescription("A GatewayProfile: requests go through the gateway to its backends.")
  private ObjectRef gatewayRef;

  @JsonPropertyDescription("An InferencePlatform, reached directly (no gateway): the reference for gateway added latency.")
  private ObjectRef platformRef;

  @JsonPropertyDescription("Any OpenAI-compatible endpoint.")
  private OpenAIEndpoint openAI;

  @JsonPropertyDescription("An Amazon Bedrock model through ConverseStream.")
  private BedrockTarget bedrock;

  @JsonPropertyDescription("A Bedrock AgentCore agent runtime through InvokeAgentRuntime.")
  private AgentCoreTarget agentCore;
}
