package dev.crossover.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import lombok.Data;

@Data
@JsonInclude(JsonInclude.Include.NON_NULL)
public class BreakEvenPoint {
  @JsonPropertyDescription("Self-managed target.")
  private String selfManaged;
  @JsonPropertyDescription("Managed target.")
  private String managed;
  @JsonPropertyDescription("Traffic where monthly costs are equal, in tokens per month.")
  private String tokensPerMonth;
  @JsonPropertyDescription("The same traffic as average requests per second.")
  private Double requestsPerSecond;
  @JsonPropertyDescription("Monthly cost of either at that point, USD.")
  private String monthlyUSD;
  @JsonPropertyDescription("Which is cheaper above this traffic.")
  private String cheaperAbove;
}
