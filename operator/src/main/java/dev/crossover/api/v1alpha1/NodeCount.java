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
public class NodeCount {
  @JsonPropertyDescription("Instance type (node.kubernetes.io/instance-type).")
  private String instanceType;

  @JsonPropertyDescription("Capacity type (karpenter.sh/capacity-type), when the node says.")
  private String capacityType;

  @JsonPropertyDescription("Number of nodes.")
  private Integer count;
}
