package dev.crossover.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import lombok.Data;

@Data
@JsonInclude(JsonInclude.Include.NON_NULL)
public class GatewayOverhead {
  @JsonPropertyDescription("Target measured directly, for the pairing: a platformRef target naming the platform behind the gateway.")
  private String comparedWith;
  @JsonPropertyDescription("Load level both targets were measured at.")
  private String level;
  @JsonPropertyDescription("Added TTFT at p50/p95/p99, ms: the gateway's percentile minus the direct path's.")
  private Percentiles addedMs;
  @JsonPropertyDescription("Lower bound of the 95% confidence interval of the added median, ms.")
  private Double ciLowMs;
  @JsonPropertyDescription("Upper bound of the 95% confidence interval of the added median, ms.")
  private Double ciHighMs;
  @JsonPropertyDescription("Successful requests measured through the gateway at this level.")
  private Long gatewayRequests;
  @JsonPropertyDescription("Successful requests measured on the direct path at this level.")
  private Long directRequests;
}
