package dev.crossover.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Default;
import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.Size;
import io.fabric8.generator.annotation.ValidationRule;
import java.util.List;
import lombok.Data;

@Data
@JsonInclude(JsonInclude.Include.NON_NULL)
@ValidationRule(
    value = "!self.targets.exists(t, has(t.bedrock) || has(t.agentCore)) || (has(self.aws) && (has(self.aws.serviceAccountName) || has(self.aws.credentialsSecretRef)))",
    message = "bedrock and agentCore targets need AWS credentials: set aws.serviceAccountName (Pod Identity or IRSA) or aws.credentialsSecretRef",
    fieldPath = ".aws",
    reason = "FieldValueRequired")
@ValidationRule(
    value = "self.scenario != 'Custom' || has(self.load)",
    message = "scenario Custom has no preset: give load (concurrency levels, rates or stages)",
    fieldPath = ".load",
    reason = "FieldValueRequired")
@ValidationRule(
    value = "oldSelf == self",
    message = "a BenchmarkRun's spec is immutable once created: create a new run to measure something else",
    reason = "FieldValueForbidden")
@ValidationRule(
    value = "!has(self.execution) || !has(self.execution.levelTimeout) || duration(self.execution.levelTimeout) > "
        + "(has(self.load) && has(self.load.warmup) ? duration(self.load.warmup) : duration('30s')) "
        + "+ (has(self.load) && has(self.load.duration) ? duration(self.load.duration) : duration('0s'))",
    messageExpression = "'execution.levelTimeout ' + self.execution.levelTimeout + ' is not longer than the warm-up "
        + "(load.warmup, default 30s) plus load.duration: every level would be stopped before its measurement ends'",
    fieldPath = ".execution.levelTimeout")
public class BenchmarkRunSpec {

  public enum Scenario {
    /** 1: different prompt each time, 500 in / 1000 out, concurrency 1-200. */
    SimpleInference,
    /** 2: the same model via Custom Model Import and vLLM, concurrency 1-100. */
    CustomImportVsVLLM,
    /** 3: three fixed 2,000-token system prompts, varying user input: caching. */
    RepeatedSystemPrompts,
    /** 4: the same backend direct and through each gateway, concurrency 1-1000. */
    GatewayOverhead,
    /** 5: five turns with three tool calls. */
    MultiTurnAgent,
    /** 6: five tenants with their own keys and system prompts. */
    MultiTenant,
    /** 7: 1, 5, 10, 30, 50, 100 req/s and monthly cost at each. */
    BreakEvenSweep,
    /** 8: 30 req/s for 24 h. */
    Soak,
    /** 9: 10 req/s, 100 req/s for 5 min, back to 10 req/s. */
    Burst,
    /** No preset: workload and load come from the spec. */
    Custom
  }

  @Default("Custom")
  @JsonPropertyDescription("Preset from the benchmark plan that fills workload and load; fields given in workload and load override the preset. "
      + "SimpleInference, CustomImportVsVLLM, RepeatedSystemPrompts, GatewayOverhead, MultiTurnAgent, MultiTenant, BreakEvenSweep, Soak, Burst, or Custom.")
  private Scenario scenario;

  @Required
  @Size(min = 1, max = 16)
  @JsonPropertyDescription("What to measure, one after another in this order (unless execution.sequential is false).")
  private List<BenchmarkTarget> targets;

  @JsonPropertyDescription("What each request looks like. Overrides the scenario preset field by field.")
  private WorkloadSpec workload;

  @JsonPropertyDescription("How much load, and how it is shaped. Overrides the scenario preset field by field.")
  private LoadSpec load;

  @JsonPropertyDescription("Service-level objective. The highest load level that meets it is each target's capacity, which the cost model uses.")
  private SloSpec slo;

  @JsonPropertyDescription("How the load Jobs run.")
  private ExecutionSpec execution;

  @JsonPropertyDescription("Cost model inputs: prices, hours, and what to count beyond instances.")
  private CostSpec cost;

  @JsonPropertyDescription("AWS access for bedrock and agentCore targets.")
  private AwsAccessSpec aws;
}
