package dev.crossover.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Max;
import io.fabric8.generator.annotation.Min;
import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.ValidationRule;
import lombok.Data;

@Data
@JsonInclude(JsonInclude.Include.NON_NULL)
@ValidationRule(
    value = "!has(self.min) || !has(self.max) || self.min <= self.max",
    message = "min must not exceed max")
@ValidationRule(
    value = "(!has(self.min) || self.min <= self.mean) && (!has(self.max) || self.mean <= self.max)",
    message = "mean must lie between min and max")
public class TokenDistribution {

  @Required
  @Min(1)
  @Max(1048576)
  @JsonPropertyDescription("Mean length in tokens.")
  private Integer mean;

  @Min(0)
  @Max(1048576)
  @JsonPropertyDescription("Standard deviation (normal distribution, clipped to min and max). 0 or absent: every request has the mean.")
  private Integer stddev;

  @Min(1)
  @Max(1048576)
  @JsonPropertyDescription("Shortest length.")
  private Integer min;

  @Min(1)
  @Max(1048576)
  @JsonPropertyDescription("Longest length.")
  private Integer max;
}
