package dev.crossover.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Default;
import io.fabric8.generator.annotation.Max;
import io.fabric8.generator.annotation.Min;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Size;
import io.fabric8.generator.annotation.ValidationRule;
import java.util.List;
import lombok.Data;

@Data
@JsonInclude(JsonInclude.Include.NON_NULL)
@ValidationRule(
    value = "!has(self.provision) || self.provision || !has(self.capacityTypes)",
    message = "nodes.capacityTypes would be ignored: with nodes.provision false Crossover creates no NodePool or node class, so capacity types is not set anywhere",
    fieldPath = ".capacityTypes")
@ValidationRule(
    value = "!has(self.provision) || self.provision || !has(self.gpuLimit)",
    message = "nodes.gpuLimit would be ignored: with nodes.provision false Crossover creates no NodePool or node class, so the GPU limit is not set anywhere",
    fieldPath = ".gpuLimit")
@ValidationRule(
    value = "!has(self.provision) || self.provision || !has(self.consolidateAfter)",
    message = "nodes.consolidateAfter would be ignored: with nodes.provision false Crossover creates no NodePool or node class, so consolidation is not set anywhere",
    fieldPath = ".consolidateAfter")
@ValidationRule(
    value = "!has(self.provision) || self.provision || !has(self.expireAfter)",
    message = "nodes.expireAfter would be ignored: with nodes.provision false Crossover creates no NodePool or node class, so node expiry is not set anywhere",
    fieldPath = ".expireAfter")
@ValidationRule(
    value = "!has(self.provision) || self.provision || !has(self.nodeClass)",
    message = "nodes.nodeClass would be ignored: with nodes.provision false Crossover creates no NodePool or node class, so the node class is not set anywhere",
    fieldPath = ".nodeClass")
public class NodesSpec {

  /** Karpenter's karpenter.sh/capacity-type values. */
  public enum CapacityType {
    @JsonProperty("on-demand") ON_DEMAND,
    @JsonProperty("spot") SPOT,
    @JsonProperty("reserved") RESERVED
  }

  @Default("true")
  @JsonPropertyDescription("Create a Karpenter NodePool for this platform. false: schedule on GPU nodes that already exist (no NodePool, no node class).")
  private Boolean provision;

  @Size(min = 1, max = 64)
  @Pattern("^[a-z0-9]+\\.[a-z0-9]+$")
  @Default("g5.2xlarge")
  @JsonPropertyDescription("EC2 instance type the NodePool is pinned to (node.kubernetes.io/instance-type), e.g. g5.2xlarge (1x A10G 24 GiB) or g5.12xlarge (4x A10G).")
  private String instanceType;

  @Min(1)
  @Max(16)
  @JsonPropertyDescription("GPUs per node of instanceType. Taken from the accelerator catalog when absent; set it for instance types the catalog does not know.")
  private Integer gpusPerNode;

  @Size(min = 1, max = 3)
  @JsonPropertyDescription("Karpenter capacity types allowed (karpenter.sh/capacity-type): on-demand, spot, reserved. Default [on-demand].")
  private List<CapacityType> capacityTypes;

  @Min(1)
  @Max(1024)
  @JsonPropertyDescription("NodePool limit on nvidia.com/gpu across all its nodes. Defaults to replicas x tensorParallelSize.")
  private Integer gpuLimit;

  @Pattern(ApiGroup.DURATION_PATTERN)
  @Size(max = 32)
  @ValidationRule(value = "duration(self) <= duration('720h')", messageExpression = "'must be at most 720h, got ' + self")
  // No @Default: a defaulted value could not be told from one given with provision false.
  @JsonPropertyDescription("How long an empty GPU node lives before Karpenter removes it (WhenEmpty consolidation). Default 5m.")
  private String consolidateAfter;

  @Pattern(ApiGroup.DURATION_PATTERN)
  @Size(max = 32)
  @ValidationRule(value = "duration(self) > duration('0s') && duration(self) <= duration('8760h')", messageExpression = "'must be above 0s and at most 8760h, got ' + self")
  @JsonPropertyDescription("Maximum node lifetime before Karpenter replaces it (NodePool expireAfter). Default 720h.")
  private String expireAfter;

  @JsonPropertyDescription("The node class the NodePool references: an EC2NodeClass (created or existing) or, for tests, a KWOKNodeClass.")
  private NodeClassSpec nodeClass;
}
