package dev.crossover.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Default;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Size;
import io.fabric8.generator.annotation.ValidationRule;
import lombok.Data;

@Data
@JsonInclude(JsonInclude.Include.NON_NULL)
@ValidationRule(
    value = "!has(self.kind) || self.kind == 'EC2NodeClass' || has(self.name)",
    message = "nodeClass.name is required for KWOKNodeClass: Crossover creates only EC2NodeClasses",
    fieldPath = ".name",
    reason = "FieldValueRequired")
@ValidationRule(
    value = "!has(self.ec2) || !has(self.kind) || self.kind == 'EC2NodeClass'",
    message = "nodeClass.ec2 applies only to kind EC2NodeClass",
    fieldPath = ".ec2")
@ValidationRule(
    value = "!(has(self.name) && has(self.ec2))",
    message = "give either nodeClass.name (reference an existing node class) or nodeClass.ec2 (Crossover creates one), not both",
    fieldPath = ".ec2")
public class NodeClassSpec {

  public enum Kind { EC2NodeClass, KWOKNodeClass }

  @Default("EC2NodeClass")
  @JsonPropertyDescription("EC2NodeClass (group karpenter.k8s.aws) on EKS, or KWOKNodeClass (group karpenter.kwok.sh) to run the same spec on Karpenter's KWOK provider.")
  private Kind kind;

  @Size(min = 1, max = 253)
  @Pattern(ApiGroup.DNS_SUBDOMAIN_PATTERN)
  @JsonPropertyDescription("Name of an existing node class to reference. When absent, Crossover creates an EC2NodeClass named after the platform from ec2.")
  private String name;

  @JsonPropertyDescription("Settings of the EC2NodeClass Crossover creates when name is absent.")
  private Ec2NodeClassSpec ec2;
}
