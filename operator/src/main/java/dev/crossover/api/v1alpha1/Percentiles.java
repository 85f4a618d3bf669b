package dev.crossover.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import lombok.AllArgsConstructor;
import lombok.Data;
import lombok.NoArgsConstructor;

/** Latency percentiles in milliseconds, from merged HdrHistograms (never averaged across pods). */
@Data
@NoArgsConstructor
@AllArgsConstructor
@JsonInclude(JsonInclude.Include.NON_NULL)
public class Percentiles {
  @JsonPropertyDescription("Median, ms.")
  private Double p50;
  @JsonPropertyDescription("95th percentile, ms.")
  private Double p95;
  @JsonPropertyDescription("99th percentile, ms.")
  private Double p99;
}
