package dev.crossover.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import java.util.List;
import lombok.Data;
import lombok.EqualsAndHashCode;

@Data
@EqualsAndHashCode(callSuper = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public class BenchmarkRunStatus extends ConditionedStatus {

  /** Condition types. Ready is True once the plan is valid and load runs or has run. */
  public static final String COMPLETE = "Complete";
  public static final String FAILED = "Failed";
  public static final String TARGETS_RESOLVED = "TargetsResolved";

  public enum Phase { Pending, Running, Succeeded, Failed }

  @JsonPropertyDescription("Pending, Running, Succeeded or Failed.")
  private Phase phase;

  @JsonPropertyDescription("Levels finished out of levels planned, e.g. 7/18.")
  private String progress;

  @JsonPropertyDescription("When the first load Job started (RFC 3339).")
  private String startTime;

  @JsonPropertyDescription("When the run finished (RFC 3339).")
  private String completionTime;

  @JsonPropertyDescription("Measured results, one entry per target and load level.")
  private List<LevelResult> results;

  @JsonPropertyDescription("Per-target summary: capacity under the SLO, cost per token, gateway added latency.")
  private List<TargetSummary> targets;

  @JsonPropertyDescription("Traffic levels where a self-managed and a managed target cost the same per month.")
  private List<BreakEvenPoint> breakEven;

  @JsonPropertyDescription("The answer in one line, e.g. which target to use below and above the crossover.")
  private String recommendation;

  @JsonPropertyDescription("What the monthly cost figures assume: traffic profile, hours, instance pricing and the rates of support pods.")
  private String costAssumptions;

  @JsonPropertyDescription("The fastest and the cheapest target at a glance.")
  private RunSummary summary;

  @JsonPropertyDescription("ConfigMap holding the full report: report.json, report.md and SVG charts.")
  private String reportConfigMap;
}
