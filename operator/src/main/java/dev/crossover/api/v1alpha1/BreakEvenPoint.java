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
  @JsonPropertyDescription("Lowest break-even traffic the measured capacity's uncertainty allows (tokens per month): with the self-managed capacity at its highest plausible value.")
  private String tokensPerMonthLow;
  @JsonPropertyDescription("Highest break-even traffic the measured capacity's uncertainty allows (tokens per month): with the capacity at its lowest plausible value.")
  private String tokensPerMonthHigh;
  @JsonPropertyDescription("The band as average requests per second, low end.")
  private Double requestsPerSecondLow;
  @JsonPropertyDescription("The band as average requests per second, high end.")
  private Double requestsPerSecondHigh;
  @JsonPropertyDescription("How the band was derived: which capacities bound it, and whether it is narrow enough to decide.")
  private String band;
  @JsonPropertyDescription("Which is cheaper above this traffic.")
  private String cheaperAbove;
}
