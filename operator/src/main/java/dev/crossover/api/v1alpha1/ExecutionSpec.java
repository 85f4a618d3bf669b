package dev.crossover.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Default;
import io.fabric8.generator.annotation.Max;
import io.fabric8.generator.annotation.Min;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Size;
import io.fabric8.generator.annotation.ValidationRule;
import io.fabric8.kubernetes.api.model.ResourceRequirements;
import lombok.Data;

@Data
@JsonInclude(JsonInclude.Include.NON_NULL)
public class ExecutionSpec {

  @Default("true")
  @JsonPropertyDescription("Run targets one after another so they do not disturb each other. false runs all targets at once.")
  private Boolean sequential;

  @Size(max = 512)
  @JsonPropertyDescription("Load generator image. Defaults to the operator's own loadgen image of the same version.")
  private String image;

  @Min(0)
  @Max(10)
  @Default("2")
  @JsonPropertyDescription("Retries of a failed load pod before its level is marked failed (Job backoffLimit).")
  private Integer backoffLimit;

  @Pattern(ApiGroup.DURATION_PATTERN)
  @Size(max = 32)
  @ValidationRule(value = "duration(self) > duration('0s') && duration(self) <= duration('168h')", messageExpression = "'must be above 0s and at most 168h, got ' + self")
  @JsonPropertyDescription("Longest a single level may run, warm-up included, before it is stopped and marked failed. Default: 3x its planned time plus 5m.")
  private String levelTimeout;

  @JsonPropertyDescription("Load pod resources. Default 1 CPU, 1Gi.")
  private ResourceRequirements resources;

  @Pattern(ApiGroup.DURATION_PATTERN)
  @Size(max = 32)
  @ValidationRule(value = "duration(self) <= duration('1h')", messageExpression = "'must be at most 1h, got ' + self")
  @JsonPropertyDescription("Pause between levels so queues drain and caches settle. Default 10s.")
  private String cooldown;
}
