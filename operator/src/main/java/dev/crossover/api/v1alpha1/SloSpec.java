package dev.crossover.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Size;
import io.fabric8.generator.annotation.ValidationRule;
import lombok.Data;

@Data
@JsonInclude(JsonInclude.Include.NON_NULL)
public class SloSpec {

  @Pattern(ApiGroup.DURATION_PATTERN)
  @Size(max = 32)
  @ValidationRule(value = "duration(self) > duration('0s') && duration(self) <= duration('1h')", messageExpression = "'must be above 0s and at most 1h, got ' + self")
  @JsonPropertyDescription("Highest acceptable p95 time to first token. Default 1s.")
  private String ttftP95;

  @Pattern(ApiGroup.DURATION_PATTERN)
  @Size(max = 32)
  @ValidationRule(value = "duration(self) > duration('0s') && duration(self) <= duration('1h')", messageExpression = "'must be above 0s and at most 1h, got ' + self")
  @JsonPropertyDescription("Highest acceptable p99 time to first token.")
  private String ttftP99;

  @Pattern(ApiGroup.DURATION_PATTERN)
  @Size(max = 32)
  @ValidationRule(value = "duration(self) > duration('0s') && duration(self) <= duration('1h')", messageExpression = "'must be above 0s and at most 1h, got ' + self")
  @JsonPropertyDescription("Highest acceptable p95 end-to-end latency.")
  private String e2eP95;

  @Pattern(ApiGroup.DURATION_PATTERN)
  @JsonPropertyDescription("Highest acceptable time per output token of a single request. Used for goodput: a request counts when its own TTFT is within ttftP95, its TPOT within this and its E2E within e2eP95 (where given).")
  private String tpot;

  @Pattern("^(0(\\.[0-9]+)?|1(\\.0+)?)$")
  @JsonPropertyDescription("Highest acceptable fraction of failed requests, 0-1. Default \"0.01\".")
  private String maxErrorRate;
}
