package dev.crossover.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import lombok.Data;

@Data
@JsonInclude(JsonInclude.Include.NON_NULL)
public class GatewayOverhead {
  @JsonPropertyDescription("Target measured directly, for the pairing.")
  private String comparedWith;
  @JsonPropertyDescription("Added TTFT at p50/p95/p99, ms.")
  private Percentiles addedMs;
  @JsonPropertyDescription("Lower bound of the 95% confidence interval of the added median, ms.")
  private Double ciLowMs;
  @JsonPropertyDescription("Upper bound of the 95% confidence interval of the added median, ms.")
  private Double ciHighMs;
}
