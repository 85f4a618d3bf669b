package dev.crossover.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import lombok.Data;

@Data
@JsonInclude(JsonInclude.Include.NON_NULL)
public class PlatformChildren {
  @JsonPropertyDescription("Karpenter NodePool (cluster-scoped).")
  private String nodePool;
  @JsonPropertyDescription("Node class the NodePool references, as kind/name.")
  private String nodeClass;
  @JsonPropertyDescription("Model server Deployment.")
  private String deployment;
  @JsonPropertyDescription("Model server Service.")
  private String service;
  @JsonPropertyDescription("InferencePool, for PrefixCacheAware.")
  private String inferencePool;
  @JsonPropertyDescription("HTTPRoute, for PrefixCacheAware.")
  private String httpRoute;
}
