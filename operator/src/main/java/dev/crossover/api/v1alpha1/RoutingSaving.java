package dev.crossover.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import lombok.Data;

/** What prefix-cache-aware routing (llm-d) bought over round robin on the same model and instance type, as cost. */
@Data
@JsonInclude(JsonInclude.Include.NON_NULL)
public class RoutingSaving {
  @JsonPropertyDescription("The round-robin target on the same model and instance type this one is compared with.")
  private String comparedWith;
  @JsonPropertyDescription("SLO-meeting capacity per replica of this target over that of the round-robin one (1.3 = 30% more).")
  private Double capacityRatio;
  @JsonPropertyDescription("Traffic both are priced at: the round-robin target's SLO-meeting load, tokens per month.")
  private String tokensPerMonth;
  @JsonPropertyDescription("Round robin's monthly cost minus this target's at that traffic, USD (negative: routing cost more).")
  private String monthlyUSDSaved;
}
