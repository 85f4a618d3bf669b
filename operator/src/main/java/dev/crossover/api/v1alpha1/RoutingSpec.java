package dev.crossover.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Default;
import io.fabric8.generator.annotation.ValidationRule;
import lombok.Data;

@Data
@JsonInclude(JsonInclude.Include.NON_NULL)
@ValidationRule(
    value = "!has(self.endpointPicker) || (has(self.mode) && self.mode == 'PrefixCacheAware')",
    message = "routing.endpointPicker would be ignored: the endpoint picker runs only when routing.mode is PrefixCacheAware",
    fieldPath = ".endpointPicker")
@ValidationRule(
    value = "!has(self.gatewayRef) || (has(self.mode) && self.mode == 'PrefixCacheAware')",
    message = "routing.gatewayRef would be ignored: the HTTPRoute to the InferencePool exists only when routing.mode is PrefixCacheAware",
    fieldPath = ".gatewayRef")
public class RoutingSpec {

  public enum Mode { RoundRobin, PrefixCacheAware }

  @Default("RoundRobin")
  @JsonPropertyDescription("RoundRobin: the model server Service spreads requests. PrefixCacheAware: an InferencePool and llm-d's endpoint picker send each request to the pod most likely to hold its prefix in KV cache.")
  private Mode mode;

  @JsonPropertyDescription("Gateway (gateway.networking.k8s.io) the HTTPRoute to the InferencePool attaches to. Required for PrefixCacheAware.")
  private ObjectRef gatewayRef;

  @JsonPropertyDescription("Endpoint picker settings for PrefixCacheAware.")
  private EndpointPickerSpec endpointPicker;
}
