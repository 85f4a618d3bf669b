package dev.crossover.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import lombok.Data;

/** The EKS cluster the operator runs in, as eks:DescribeCluster reported it. */
@Data
@JsonInclude(JsonInclude.Include.NON_NULL)
public class EksClusterInfo {

  @JsonPropertyDescription("EKS cluster name (crossover.aws.cluster-name); the default karpenter.sh/discovery tag of the EC2NodeClass.")
  private String name;

  @JsonPropertyDescription("Kubernetes version of the control plane, e.g. 1.33.")
  private String kubernetesVersion;

  @JsonPropertyDescription("upgradePolicy.supportType: STANDARD, or EXTENDED (the cluster may stay on a version past standard support).")
  private String supportType;

  @JsonPropertyDescription("Control plane price tier used for hourly cost: standard ($0.10/h) or extended ($0.60/h, once the version is in extended support).")
  private String priceTier;

  @JsonPropertyDescription("When AWS answered (RFC 3339).")
  private String fetchedAt;
}
