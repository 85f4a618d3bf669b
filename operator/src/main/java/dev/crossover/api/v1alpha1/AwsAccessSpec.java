package dev.crossover.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Size;
import lombok.Data;

@Data
@JsonInclude(JsonInclude.Include.NON_NULL)
public class AwsAccessSpec {

  @Size(min = 1, max = 32)
  @Pattern("^[a-z]{2}(-gov)?-[a-z]+-[0-9]$")
  @JsonPropertyDescription("Default AWS region of bedrock and agentCore targets. Default us-east-1.")
  private String region;

  @Size(min = 1, max = 253)
  @Pattern(ApiGroup.DNS_SUBDOMAIN_PATTERN)
  @JsonPropertyDescription("ServiceAccount the load pods run as, bound to an IAM role through EKS Pod Identity or IRSA (preferred: no long-lived keys).")
  private String serviceAccountName;

  @JsonPropertyDescription("Secret with AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY and optionally AWS_SESSION_TOKEN, exposed to the load pods as environment variables.")
  private ObjectRef credentialsSecretRef;
}
