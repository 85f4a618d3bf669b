package dev.crossover.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.Size;
import lombok.Data;

/** A monthly cost Crossover does not run or measure, e.g. self-hosted Langfuse, Prometheus, or on-call people. */
@Data
@JsonInclude(JsonInclude.Include.NON_NULL)
public class CostLineItem {

  public enum AppliesTo { SelfManaged, Managed, All }

  @Required
  @Size(min = 1, max = 128)
  @JsonPropertyDescription("What it is, as the report shows it, e.g. \"Langfuse (self-hosted)\" or \"Prometheus\".")
  private String name;

  @Required
  @Pattern(ApiGroup.USD_PATTERN)
  @JsonPropertyDescription("USD per month, e.g. \"100\".")
  private String monthlyUSD;

  @JsonPropertyDescription("Which targets pay it: SelfManaged (gateway and platform targets), Managed (Bedrock, AgentCore) or All. Default SelfManaged.")
  private AppliesTo appliesTo;
}
