package dev.crossover.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Default;
import io.fabric8.generator.annotation.Max;
import io.fabric8.generator.annotation.Min;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.Size;
import io.fabric8.generator.annotation.ValidationRule;
import lombok.Data;

@Data
@JsonInclude(JsonInclude.Include.NON_NULL)
@ValidationRule(
    value = "!has(self.modelUnits) || (has(self.pricing) && self.pricing in ['ProvisionedThroughput', 'CustomModelImport'])",
    messageExpression = "'bedrock.modelUnits would be ignored with pricing ' + (has(self.pricing) ? self.pricing : 'OnDemand') "
        + "+ ': model units are billed only for ProvisionedThroughput and CustomModelImport'",
    fieldPath = ".modelUnits")
public class BedrockTarget {

  public enum Pricing { OnDemand, Batch, ProvisionedThroughput, CustomModelImport }

  @Required
  @Size(min = 1, max = 2048)
  @JsonPropertyDescription("Model id, inference profile id, or ARN of an imported or provisioned model.")
  private String modelId;

  @Size(min = 1, max = 32)
  @Pattern("^[a-z]{2}(-gov)?-[a-z]+-[0-9]$")
  @JsonPropertyDescription("AWS region. Defaults to aws.region, then us-east-1.")
  private String region;

  @Size(max = 2048)
  @Pattern("^https?://[^\\s]+$")
  @JsonPropertyDescription("Bedrock Runtime endpoint to use instead of the region's, e.g. an interface VPC endpoint "
      + "(https://vpce-....bedrock-runtime.us-east-1.vpce.amazonaws.com) or a local test double. Requests are still "
      + "signed for the region.")
  private String endpointURL;

  @Default("false")
  @JsonPropertyDescription("Mark the system prompt with a cachePoint so Bedrock prompt caching applies (models that support it).")
  private Boolean promptCaching;

  @Default("OnDemand")
  @JsonPropertyDescription("How this model is billed: OnDemand tokens, Batch (50% of on-demand), ProvisionedThroughput model units per hour, or CustomModelImport CMU-minutes.")
  private Pricing pricing;

  @Min(1)
  @Max(1000)
  @JsonPropertyDescription("Model units (ProvisionedThroughput) or Custom Model Units per copy (CustomModelImport). Read from Bedrock when absent and reachable.")
  private Integer modelUnits;
}
