package dev.crossover.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Default;
import io.fabric8.generator.annotation.Max;
import io.fabric8.generator.annotation.Min;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Size;
import io.fabric8.generator.annotation.ValidationRule;
import lombok.Data;

@Data
@JsonInclude(JsonInclude.Include.NON_NULL)
public class SimulatorSpec {

  public enum Mode { random, echo }

  @Default("random")
  @JsonPropertyDescription("random: generate random text of the requested length; echo: return the prompt.")
  private Mode mode;

  @Pattern(ApiGroup.DURATION_PATTERN)
  @Size(max = 32)
  @ValidationRule(value = "duration(self) <= duration('1m')", messageExpression = "'must be at most 1m, got ' + self")
  @JsonPropertyDescription("Simulated time to first token, e.g. 200ms.")
  private String timeToFirstToken;

  @Pattern(ApiGroup.DURATION_PATTERN)
  @Size(max = 32)
  @ValidationRule(value = "duration(self) <= duration('1m')", messageExpression = "'must be at most 1m, got ' + self")
  @JsonPropertyDescription("Simulated latency between output tokens, e.g. 20ms.")
  private String interTokenLatency;

  @Min(0)
  @Max(1)
  @JsonPropertyDescription("Fraction of requests the simulator fails on purpose (0-1), to exercise error accounting.")
  private Double failureInjectionRate;
}
