package dev.crossover.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Max;
import io.fabric8.generator.annotation.Min;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Size;
import io.fabric8.generator.annotation.ValidationRule;
import java.util.List;
import lombok.Data;

@Data
@JsonInclude(JsonInclude.Include.NON_NULL)
@ValidationRule(
    value = "[has(self.concurrency), has(self.rates), has(self.stages)].filter(x, x).size() <= 1",
    message = "give one of load.concurrency (closed loop), load.rates (open loop) or load.stages (a shaped open-loop profile)")
@ValidationRule(
    value = "!has(self.arrival) || !has(self.concurrency)",
    message = "load.arrival applies to open-loop load (rates or stages), not to concurrency levels",
    fieldPath = ".arrival")
@ValidationRule(
    value = "!has(self.duration) || !has(self.requests)",
    message = "give load.duration or load.requests per level, not both",
    fieldPath = ".requests")
@ValidationRule(
    value = "!has(self.concurrency) || self.concurrency.all(c, c >= 1 && c <= 100000)",
    message = "each concurrency level must be between 1 and 100000",
    fieldPath = ".concurrency")
@ValidationRule(
    value = "!has(self.rates) || self.rates.all(r, r > 0.0 && r <= 100000.0)",
    message = "each rate must be above 0 and at most 100000 requests per second",
    fieldPath = ".rates")
@ValidationRule(
    value = "!has(self.parallelism) || !has(self.concurrency) || self.concurrency.all(c, c >= self.parallelism)",
    message = "load.parallelism must not exceed the lowest concurrency level: each load pod needs at least one request in flight",
    fieldPath = ".parallelism")
@ValidationRule(
    value = "!has(self.stages) || !has(self.duration)",
    message = "load.duration would be ignored with load.stages: each stage has its own duration",
    fieldPath = ".duration")
public class LoadSpec {

  public enum Arrival { Constant, Poisson }

  @Size(min = 1, max = 32)
  @JsonPropertyDescription("Closed loop: each level keeps this many requests in flight, a new one as soon as one finishes.")
  private List<Integer> concurrency;

  @Size(min = 1, max = 32)
  @JsonPropertyDescription("Open loop: each level sends this many requests per second whether or not earlier ones finished (no coordinated omission), e.g. [0.5, 5, 30].")
  private List<Double> rates;

  @Size(min = 1, max = 32)
  @JsonPropertyDescription("Open loop shaped over time, measured as one level: e.g. 10 req/s for 5m, 100 req/s for 5m, 10 req/s for 5m (Burst).")
  private List<LoadStage> stages;

  @JsonPropertyDescription("Open-loop inter-arrival times: Constant spacing or Poisson (exponential gaps). Default Poisson.")
  private Arrival arrival;

  @Pattern(ApiGroup.DURATION_PATTERN)
  @Size(max = 32)
  @ValidationRule(value = "duration(self) <= duration('1h')", messageExpression = "'must be at most 1h, got ' + self")
  @JsonPropertyDescription("Load before each level's measurement starts, discarded from results. Default 30s.")
  private String warmup;

  @Pattern(ApiGroup.DURATION_PATTERN)
  @Size(max = 32)
  @ValidationRule(value = "duration(self) > duration('0s') && duration(self) <= duration('168h')", messageExpression = "'must be above 0s and at most 168h, got ' + self")
  @JsonPropertyDescription("How long each level is measured. Default 2m.")
  private String duration;

  @Min(1)
  @Max(100000000)
  @JsonPropertyDescription("Measure each level for this many requests instead of a duration.")
  private Integer requests;

  @Min(0)
  @Max(10000000)
  @JsonPropertyDescription("Fewest measured requests per level. A level of one load (not a staged one) that has not reached this when its duration ends goes on at the same load until it has, for at most its duration again. A percentile is published only with samples enough for it (p50: 20, p95: 200, p99: 1000); the others are omitted with the reason in percentilesOmitted. Default 200 (enough for p95); 1000 for p99; 0 for none.")
  private Integer minRequests;

  @Min(1)
  @Max(64)
  @JsonPropertyDescription("Load pods per level (an Indexed Job); the load is split between them and their histograms merged. Default 1.")
  private Integer parallelism;
}
