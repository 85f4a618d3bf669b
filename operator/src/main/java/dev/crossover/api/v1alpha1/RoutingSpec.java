package dev.crossover.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Default;
import lombok.Data;

@Data
@JsonInclude(JsonInclude.Include.NON_NULL)
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
