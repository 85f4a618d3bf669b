package dev.crossover.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import lombok.Data;

@Data
@JsonInclude(JsonInclude.Include.NON_NULL)
public class RunSummary {
  @JsonPropertyDescription("Lowest TTFT p95 of any target, ms.")
  private Double bestTtftP95Ms;
  @JsonPropertyDescription("Target with the lowest TTFT p95.")
  private String fastestTarget;
  @JsonPropertyDescription("The first break-even point as a band, e.g. \"1.2B-1.9B tok/mo\", for kubectl get.")
  private String breakEvenBand;
  @JsonPropertyDescription("Target with the lowest cost per 1M tokens at its SLO-meeting load.")
  private String cheapestTarget;
}
