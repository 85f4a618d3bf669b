package dev.crossover.benchmark;

import dev.crossover.api.v1alpha1.BenchmarkRunSpec;
import dev.crossover.api.v1alpha1.LoadSpec;
import dev.crossover.api.v1alpha1.LoadStage;
import dev.crossover.api.v1alpha1.TokenDistribution;
import dev.crossover.api.v1alpha1.WorkloadSpec;
import dev.crossover.loadgen.load.LoadModel;
import dev.crossover.loadgen.plan.RunPlan;
import dev.crossover.loadgen.workload.Scenario;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Turns a BenchmarkRun spec into its load levels: the scenario preset of the benchmark plan
 * (loadgen's {@link Scenario}: levels, closed or open loop, time per level), with every field
 * the spec gives taking precedence. Pure: the same spec and seed give the same plan.
 */
public final class LevelPlanner {

  static final String DEFAULT_WARMUP = "30s";
  static final String DEFAULT_DURATION = "2m";
  /** Enough samples for a p95 (see LevelResults.MIN_SAMPLES): levels go on until they have them. */
  static final int DEFAULT_MIN_REQUESTS = 200;

  private LevelPlanner() {}

  public static List<PlannedLevel> plan(BenchmarkRunSpec spec, long defaultSeed) {
    Optional<Scenario> preset = preset(spec.getScenario());
    LoadSpec load = Optional.ofNullable(spec.getLoad()).orElseGet(LoadSpec::new);
    WorkloadSpec workload = Optional.ofNullable(spec.getWorkload()).orElseGet(WorkloadSpec::new);
    long seed = Optional.ofNullable(workload.getSeed()).orElse(defaultSeed);
    String warmup = Optional.ofNullable(load.getWarmup()).orElse(DEFAULT_WARMUP);
    String duration = Optional.ofNullable(load.getDuration())
        .orElse(preset.map(s -> goDuration(s.levelDuration)).orElse(DEFAULT_DURATION));
    Long maxRequests = load.getRequests() == null ? null : load.getRequests().longValue();
    long minRequests = Optional.ofNullable(load.getMinRequests()).orElse(DEFAULT_MIN_REQUESTS);
    if (maxRequests != null) {
      minRequests = Math.min(minRequests, maxRequests);
    }
    // A level too short for its percentiles goes on at its load for at most its duration again.
    RunPlan.Load extension = new RunPlan.Load(null, null, null, null, null, null,
        minRequests > 0 ? minRequests : null, minRequests > 0 ? duration : null);
    int shards = Optional.ofNullable(load.getParallelism()).orElse(1);
    String openModel = load.getArrival() == LoadSpec.Arrival.Constant ? "constant" : "poisson";
    RunPlan.WorkloadSpec work = workload(preset, workload);

    List<PlannedLevel> levels = new ArrayList<>();
    if (load.getConcurrency() != null) {
      for (int c : load.getConcurrency()) {
        levels.add(level("concurrency " + c, "closed", List.of(new RunPlan.StageSpec(duration, null, c)), warmup,
            maxRequests, seed, work, shards));
      }
    } else if (load.getRates() != null) {
      for (double r : load.getRates()) {
        levels.add(level("rate " + number(r), openModel, List.of(new RunPlan.StageSpec(duration, r, null)), warmup,
            maxRequests, seed, work, shards));
      }
    } else if (load.getStages() != null) {
      levels.add(stagedLevel(load.getStages(), openModel, warmup, maxRequests, seed, work, shards));
    } else if (preset.isPresent()) {
      levels.addAll(presetLevels(preset.get(), duration, warmup, maxRequests, seed, work, shards));
    } else {
      // Admission (CEL) requires load for scenario Custom; this guards direct callers.
      throw new IllegalArgumentException("scenario Custom needs load.concurrency, load.rates or load.stages");
    }
    return levels.stream().map(l -> withMinimum(l, extension)).toList();
  }

  /** Single-stage levels get the minimum request count; a staged level's shape is what it measures. */
  private static PlannedLevel withMinimum(PlannedLevel level, RunPlan.Load extension) {
    RunPlan.Load l = level.load();
    if (l.stages().size() != 1 || extension.minRequests() == null) {
      return level;
    }
    return new PlannedLevel(level.label(), new RunPlan.Load(l.model(), l.stages(), l.warmup(), l.maxRequests(), l.seed(),
        l.drainTimeout(), extension.minRequests(), l.stages().get(0).duration()), level.workload(), level.shards());
  }

  private static List<PlannedLevel> presetLevels(Scenario s, String duration, String warmup, Long maxRequests,
      long seed, RunPlan.WorkloadSpec work, int shards) {
    if (s == Scenario.BURST) {
      // One run of three stages: the burst and the recovery are measured together.
      List<LoadStage> stages = s.levels.stream().map(r -> {
        LoadStage stage = new LoadStage();
        stage.setRate(r.doubleValue());
        stage.setDuration(duration);
        return stage;
      }).toList();
      return List.of(stagedLevel(stages, "poisson", warmup, maxRequests, seed, work, shards));
    }
    boolean closed = s.loadModel == LoadModel.CLOSED;
    return s.levels.stream().map(l -> closed
        ? level("concurrency " + l, "closed", List.of(new RunPlan.StageSpec(duration, null, l)), warmup, maxRequests, seed, work, shards)
        : level("rate " + l, "poisson", List.of(new RunPlan.StageSpec(duration, l.doubleValue(), null)), warmup, maxRequests,
            seed, work, shards))
        .toList();
  }

  private static PlannedLevel stagedLevel(List<LoadStage> stages, String model, String warmup, Long maxRequests,
      long seed, RunPlan.WorkloadSpec work, int shards) {
    List<RunPlan.StageSpec> specs = stages.stream()
        .map(s -> new RunPlan.StageSpec(s.getDuration(), s.getRate(), null)).toList();
    String label = "stages " + stages.stream().map(s -> number(s.getRate())).collect(Collectors.joining("/"));
    return level(label, model, specs, warmup, maxRequests, seed, work, shards);
  }

  private static PlannedLevel level(String label, String model, List<RunPlan.StageSpec> stages, String warmup,
      Long maxRequests, long seed, RunPlan.WorkloadSpec work, int shards) {
    return new PlannedLevel(label, new RunPlan.Load(model, stages, warmup, maxRequests, seed, null), work, shards);
  }

  private static RunPlan.WorkloadSpec workload(Optional<Scenario> preset, WorkloadSpec w) {
    // Prompts start with a nonce unless the scenario shares system prompts on purpose: caches
    // must not hit by accident.
    boolean shared = (w.getSharedSystemPrompts() != null && w.getSharedSystemPrompts() > 0)
        || preset.map(s -> s == Scenario.REPEATED_SYSTEM_PROMPTS || s == Scenario.MULTI_TENANT).orElse(false);
    return new RunPlan.WorkloadSpec(
        preset.map(s -> s.id).orElse("synthetic"),
        lengths(w.getInputTokens()),
        lengths(w.getOutputTokens()),
        shared ? null : Boolean.TRUE,
        null,
        w.getToolLatency(),
        w.getTurns(),
        w.getToolCalls(),
        w.getSharedSystemPrompts() != null && w.getSharedSystemPrompts() > 0 ? w.getSharedSystemPrompts() : null,
        w.getSystemPromptTokens());
  }

  /** loadgen's length spec: "500", or "normal:mean:stddev:min:max". */
  static String lengths(TokenDistribution d) {
    if (d == null) {
      return null;
    }
    if (d.getStddev() == null || d.getStddev() == 0) {
      return Integer.toString(d.getMean());
    }
    int min = Optional.ofNullable(d.getMin()).orElse(1);
    int max = Optional.ofNullable(d.getMax()).orElse(d.getMean() * 4);
    return "normal:%d:%d:%d:%d".formatted(d.getMean(), d.getStddev(), min, max);
  }

  static Optional<Scenario> preset(BenchmarkRunSpec.Scenario scenario) {
    if (scenario == null) {
      return Optional.empty();
    }
    return Optional.ofNullable(switch (scenario) {
      case SimpleInference -> Scenario.SIMPLE_INFERENCE;
      case CustomImportVsVLLM -> Scenario.CUSTOM_IMPORT;
      case RepeatedSystemPrompts -> Scenario.REPEATED_SYSTEM_PROMPTS;
      case GatewayOverhead -> Scenario.GATEWAY_OVERHEAD;
      case MultiTurnAgent -> Scenario.MULTI_TURN_AGENT;
      case MultiTenant -> Scenario.MULTI_TENANT;
      case BreakEvenSweep -> Scenario.BREAK_EVEN_SWEEP;
      case Soak -> Scenario.SOAK;
      case Burst -> Scenario.BURST;
      case Custom -> null;
    });
  }

  private static String goDuration(java.time.Duration d) {
    long s = d.toSeconds();
    return s % 3600 == 0 ? s / 3600 + "h" : s % 60 == 0 ? s / 60 + "m" : s + "s";
  }

  private static String number(double v) {
    return v == Math.rint(v) ? Long.toString((long) v) : String.format(Locale.ROOT, "%s", v);
  }
}
