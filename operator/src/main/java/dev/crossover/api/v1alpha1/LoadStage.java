package dev.crossover.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Max;
import io.fabric8.generator.annotation.Min;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Required;
import lombok.Data;

@Data
@JsonInclude(JsonInclude.Include.NON_NULL)
public class LoadStage {

  @Required
  @Min(0.001)
  @Max(100000)
  @JsonPropertyDescription("Requests per second during this stage, e.g. 10.")
  private Double rate;

  @Required
  @Pattern(ApiGroup.DURATION_PATTERN)
  @JsonPropertyDescription("How long this stage lasts, e.g. 5m.")
  private String duration;
}
