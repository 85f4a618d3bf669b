package dev.crossover.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Max;
import io.fabric8.generator.annotation.Min;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Size;
import io.fabric8.generator.annotation.ValidationRule;
import lombok.Data;

@Data
@JsonInclude(JsonInclude.Include.NON_NULL)
@ValidationRule(
    value = "(has(self.toolCalls) ? self.toolCalls : 3) < (has(self.turns) ? self.turns : 5)",
    message = "toolCalls must be below turns (defaults 3 and 5): each tool call needs a turn after it to receive its result")
public class WorkloadSpec {

  @JsonPropertyDescription("Prompt (input) length in tokens.")
  private TokenDistribution inputTokens;

  @JsonPropertyDescription("Completion (output) length in tokens (sent as max_tokens, with ignore_eos where the server allows).")
  private TokenDistribution outputTokens;

  @Min(0)
  @Max(64)
  @JsonPropertyDescription("Number of fixed system prompts shared across requests (RepeatedSystemPrompts: 3). 0: every prompt is unique, so no cache hits by accident.")
  private Integer sharedSystemPrompts;

  @Min(0)
  @Max(32768)
  @JsonPropertyDescription("Length of each shared system prompt in tokens (RepeatedSystemPrompts: 2000; MultiTenant: 1000, one per tenant).")
  private Integer systemPromptTokens;

  @Min(1)
  @Max(50)
  @JsonPropertyDescription("Turns per conversation; each turn re-sends the history (MultiTurnAgent: 5). Read by MultiTurnAgent.")
  private Integer turns;

  @Min(0)
  @Max(50)
  @JsonPropertyDescription("Tool calls per conversation, one after each of the first turns, answered by the load generator after toolLatency (MultiTurnAgent: 3). Below turns.")
  private Integer toolCalls;

  @Pattern(ApiGroup.DURATION_PATTERN)
  @Size(max = 32)
  @ValidationRule(value = "duration(self) <= duration('10m')", messageExpression = "'must be at most 10m, got ' + self")
  @JsonPropertyDescription("Simulated time a tool takes before its result is sent back.")
  private String toolLatency;

  @Min(1)
  @Max(32)
  @JsonPropertyDescription("Tenants, each with its own key and system prompt (MultiTenant: 5). Keys come from the target gateway's tenants.")
  private Integer tenants;

  @JsonPropertyDescription("Seed of the request stream: the same seed gives the same prompts, lengths and arrival times. Default: derived from the run's UID.")
  private Long seed;
}
