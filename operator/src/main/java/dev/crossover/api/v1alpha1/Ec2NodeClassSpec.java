package dev.crossover.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Default;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Size;
import io.fabric8.kubernetes.api.model.Quantity;
import lombok.Data;

@Data
@JsonInclude(JsonInclude.Include.NON_NULL)
public class Ec2NodeClassSpec {

  @Size(min = 1, max = 256)
  @JsonPropertyDescription("IAM role of the nodes (EC2NodeClass spec.role). Defaults to KarpenterNodeRole-<discoveryTag>.")
  private String role;

  @Size(min = 1, max = 128)
  @Pattern("^[a-z0-9]+@(latest|v[0-9.]+)$")
  @Default("al2023@latest")
  @JsonPropertyDescription("AMI alias (amiSelectorTerms alias): al2023@latest or bottlerocket@latest pick the GPU variant for GPU instance types.")
  private String amiAlias;

  @Size(min = 1, max = 256)
  @JsonPropertyDescription("Value of the karpenter.sh/discovery tag that selects subnets and security groups. Defaults to the EKS cluster name when discovered.")
  private String discoveryTag;

  @JsonPropertyDescription("Size of the root data volume (/dev/xvda). Model weights and images need far more than the 20Gi AMI default. Default 200Gi.")
  private Quantity dataVolumeSize;
}
