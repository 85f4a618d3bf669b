package dev.crossover.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Max;
import io.fabric8.generator.annotation.Min;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.Size;
import io.fabric8.generator.annotation.ValidationRule;
import lombok.Data;

@Data
@JsonInclude(JsonInclude.Include.NON_NULL)
public class LoadStage {

  @Required
  @Min(0.001)
  @Max(100000)
  // An integer 0 passes the fractional minimum in the API server's OpenAPI check (it truncates
  // the minimum); CEL compares numbers.
  @ValidationRule(value = "self >= 0.001", message = "must be at least 0.001 requests per second")
  @JsonPropertyDescription("Requests per second during this stage, e.g. 10.")
  private Double rate;

  @Required
  @Pattern(ApiGroup.DURATION_PATTERN)
  @Size(max = 32)
  @ValidationRule(value = "duration(self) > duration('0s') && duration(self) <= duration('168h')", messageExpression = "'must be above 0s and at most 168h, got ' + self")
  @JsonPropertyDescription("How long this stage lasts, e.g. 5m.")
  private String duration;
}
