package dev.crossover.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.ValidationRule;
import lombok.Data;

@Data
@JsonInclude(JsonInclude.Include.NON_NULL)
@ValidationRule(
    value = "!has(self.routing) || self.routing.mode != 'PrefixCacheAware' || has(self.routing.gatewayRef)",
    message = "routing.gatewayRef is required when routing.mode is PrefixCacheAware: the endpoint picker is reached through an HTTPRoute on that Gateway",
    fieldPath = ".routing.gatewayRef",
    reason = "FieldValueRequired")
@ValidationRule(
    value = "!has(self.engine) || !has(self.engine.tensorParallelSize) || !has(self.nodes) || !has(self.nodes.gpusPerNode) || self.engine.tensorParallelSize <= self.nodes.gpusPerNode",
    message = "engine.tensorParallelSize cannot exceed nodes.gpusPerNode: one vLLM replica runs on one node",
    fieldPath = ".engine.tensorParallelSize")
public class InferencePlatformSpec {

  @Required
  @JsonPropertyDescription("The model to serve.")
  private ModelSpec model;

  @JsonPropertyDescription("The model server: vLLM on GPUs, or llm-d-inference-sim for GPU-less runs.")
  private EngineSpec engine;

  @JsonPropertyDescription("GPU nodes: the Karpenter NodePool this platform provisions and the node class it uses.")
  private NodesSpec nodes;

  @JsonPropertyDescription("How requests reach the model server pods: the Service's round robin, or llm-d's prefix-cache-aware endpoint picker.")
  private RoutingSpec routing;

  @JsonPropertyDescription("Overrides for the prices used to report this platform's hourly cost.")
  private PlatformPricingSpec pricing;
}
