package dev.crossover.benchmark;

import dev.crossover.api.v1alpha1.AgentCoreTarget;
import dev.crossover.api.v1alpha1.BenchmarkRun;
import dev.crossover.api.v1alpha1.BenchmarkTarget;
import dev.crossover.api.v1alpha1.LevelResult;
import dev.crossover.api.v1alpha1.MonthlyCostItem;
import dev.crossover.api.v1alpha1.TargetSummary;
import dev.crossover.api.v1alpha1.TokenDistribution;
import dev.crossover.api.v1alpha1.WorkloadSpec;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.Optional;

/** What the cost model needs of a target's measured levels, and where its answers go in the target's summary. */
final class CostInputs {

  /** z for a two-sided 95% interval. */
  static final double Z95 = 1.96;
  /** AgentCore session size when the spec gives none: assumptions the cost note states. */
  static final double DEFAULT_SESSION_VCPUS = 1;
  static final double DEFAULT_SESSION_GB = 2;

  private CostInputs() {}

  /**
   * @param basis    the level the token mix is read from (the capacity level, else the last measured)
   * @param capacity the highest level meeting the SLO, if any
   * @param levels   all of the target's levels, in increasing load
   */
  static BenchmarkCosts.Measured measured(BenchmarkRun run, ResolvedBenchmarkTarget t, LevelResult basis,
      Optional<LevelResult> capacity, List<LevelResult> levels) {
    Optional<BenchmarkTarget> spec = run.getSpec().getTargets().stream().filter(x -> t.name().equals(x.getName())).findFirst();
    Optional<AgentCoreTarget> agentCore = spec.map(BenchmarkTarget::getAgentCore);
    double in = Optional.ofNullable(basis.getInputTokensPerRequest()).orElse(0.0);
    double out = Optional.ofNullable(basis.getOutputTokensPerRequest()).orElse(0.0);
    boolean requestedLengths = agentCore.isPresent() && in + out <= 0;
    if (requestedLengths) {
      // AgentCore's responses carry no token usage: the workload's requested lengths stand in.
      WorkloadSpec w = Optional.ofNullable(run.getSpec().getWorkload()).orElseGet(WorkloadSpec::new);
      in = mean(w.getInputTokens());
      out = mean(w.getOutputTokens());
    }
    return new BenchmarkCosts.Measured(t.name(), t.selfManaged(), t.platform(), t.bedrockModelId(),
        capacity.map(LevelResult::getRequestsPerSecond).orElse(0.0), in, out,
        BedrockBillings.of(run, t.name(), basis),
        capacity.flatMap(c -> capacityRange(c, levels)),
        agentCore.map(a -> agentCoreFacts(a, basis)).map(f -> requestedLengths ? f.withAssumption(
            "model tokens per request are the workload's requested lengths: AgentCore reports no usage") : f));
  }

  private static double mean(TokenDistribution d) {
    return d == null || d.getMean() == null ? 0 : d.getMean();
  }

  /**
   * The capacity's plausible range: the SLO-meeting level's throughput less its 95% Poisson error
   * (1.96 / sqrt(successful requests)), up to the next measured level's throughput (which missed
   * the SLO, so the capacity lies below it), or the error above when no level follows.
   */
  static Optional<BenchmarkCosts.CapacityRange> capacityRange(LevelResult capacity, List<LevelResult> levels) {
    Double rps = capacity.getRequestsPerSecond();
    if (rps == null || !(rps > 0)) {
      return Optional.empty();
    }
    long requests = Optional.ofNullable(capacity.getRequests()).orElse(0L);
    double ok = requests * (1 - Optional.ofNullable(capacity.getErrorRate()).orElse(0.0));
    double error = ok > 0 ? Z95 / Math.sqrt(ok) : 1;
    double low = rps * Math.max(0, 1 - error);
    int at = levels.indexOf(capacity);
    Optional<LevelResult> next = levels.subList(at + 1, levels.size()).stream()
        .filter(l -> "Succeeded".equals(l.getState()) && l.getRequestsPerSecond() != null).findFirst();
    if (next.isPresent() && next.get().getRequestsPerSecond() > rps) {
      return Optional.of(new BenchmarkCosts.CapacityRange(low, next.get().getRequestsPerSecond(), "from " + capacity.getLevel()
          + " (met the SLO, less its sampling error) to " + next.get().getLevel() + " (missed it)"));
    }
    return Optional.of(new BenchmarkCosts.CapacityRange(low, rps * (1 + error), capacity.getLevel()
        + " with its sampling error (" + requests + " requests); no higher level bounds it"));
  }

  static BenchmarkCosts.AgentCoreFacts agentCoreFacts(AgentCoreTarget a, LevelResult basis) {
    StringBuilder assumed = new StringBuilder();
    double vcpus = Optional.ofNullable(a.getSessionVcpus()).orElseGet(() -> {
      assumed.append("assumed ").append(DEFAULT_SESSION_VCPUS).append(" vCPU");
      return DEFAULT_SESSION_VCPUS;
    });
    double gb = Optional.ofNullable(a.getSessionMemoryGB()).orElseGet(() -> {
      assumed.append(assumed.isEmpty() ? "assumed " : ", ").append(DEFAULT_SESSION_GB).append(" GB");
      return DEFAULT_SESSION_GB;
    });
    double active = Optional.ofNullable(a.getActiveCpuShare()).orElseGet(() -> {
      assumed.append(assumed.isEmpty() ? "assumed " : ", ").append("CPU active the whole session (an upper bound)");
      return 1.0;
    });
    if (!assumed.isEmpty()) {
      assumed.append(": set agentCore.sessionVcpus, sessionMemoryGB and activeCpuShare");
    }
    // The mean session time; the median stands in for a level stored before the mean was kept.
    double seconds = Optional.ofNullable(basis.getE2eMeanMs())
        .or(() -> Optional.ofNullable(basis.getE2eMs()).map(p -> p.getP50())).orElse(0.0) / 1000;
    return new BenchmarkCosts.AgentCoreFacts(a.getModelId(), vcpus, gb, active, seconds, assumed.toString());
  }

  /** The cost figures of one target, into its summary. */
  static void fill(TargetSummary summary, BenchmarkCosts.Result costs) {
    String name = summary.getName();
    summary.setCostPerMillionTokensUSD(costs.costPerMillionTokensUsd().get(name));
    summary.setCostNote(costs.notes().get(name));
    Optional.ofNullable(costs.idleMonthlyUsd().get(name)).ifPresent(v -> summary.setIdleMonthlyUSD(usd(v)));
    Optional.ofNullable(costs.fixedCosts().get(name)).ifPresent(lines -> summary.setFixedMonthlyCosts(lines.stream()
        .map(l -> new MonthlyCostItem(l.item(), usd(l.monthlyUsd()), l.source())).toList()));
    summary.setPromptCachingSaving(costs.cachingSavings().get(name));
    summary.setPrefixCacheRoutingSaving(costs.routingSavings().get(name));
  }

  static String usd(BigDecimal v) {
    return v.setScale(2, RoundingMode.HALF_UP).toPlainString();
  }
}
