package dev.crossover.benchmark;

import dev.crossover.api.v1alpha1.BedrockTarget;
import dev.crossover.api.v1alpha1.BreakEvenPoint;
import dev.crossover.api.v1alpha1.CostSpec;
import dev.crossover.api.v1alpha1.PlatformPricingSpec;
import dev.crossover.aws.InstanceTypeCatalog;
import dev.crossover.cost.BedrockTokenCost;
import dev.crossover.cost.BreakEvenAnalysis;
import dev.crossover.cost.BreakEvenSolver;
import dev.crossover.cost.CostCurve;
import dev.crossover.cost.CostSettings;
import dev.crossover.cost.CustomModelImportCost;
import dev.crossover.cost.PriceCatalog;
import dev.crossover.cost.PriceKey;
import dev.crossover.cost.ProvisionedThroughputCost;
import dev.crossover.cost.SelfManagedCost;
import dev.crossover.cost.TrafficUnits;
import dev.crossover.cost.UnknownPriceException;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Cost per 1M tokens of each measured target and the break-even points between self-managed
 * and managed ones. Self-managed cost is a step function of traffic whose step is the
 * capacity the run measured (the highest level meeting the SLO); managed cost is per token at
 * the token mix the run measured. A price nobody knows becomes a message, never a zero.
 */
public final class BenchmarkCosts {

  /** What the run measured of one target, and what it runs on (self-managed) or how it is billed (Bedrock). */
  public record Measured(String target, boolean selfManaged, Optional<PlatformFacts> platform, String bedrockModelId,
      double sloRequestsPerSecond, double inputTokensPerRequest, double outputTokensPerRequest,
      Optional<BedrockBilling> bedrock) {

    public Measured(String target, boolean selfManaged, Optional<PlatformFacts> platform, String bedrockModelId,
        double sloRequestsPerSecond, double inputTokensPerRequest, double outputTokensPerRequest) {
      this(target, selfManaged, platform, bedrockModelId, sloRequestsPerSecond, inputTokensPerRequest,
          outputTokensPerRequest, Optional.empty());
    }

    double tokensPerRequest() {
      return inputTokensPerRequest + outputTokensPerRequest;
    }
  }

  /**
   * How a Bedrock target is billed (spec bedrock.pricing) and what the run saw of its prompt cache.
   *
   * @param modelUnits model units (Provisioned Throughput) or CMUs per copy (Custom Model Import):
   *     the spec's, else Bedrock's answer, else empty (then the cost says it is unknown)
   * @param cacheReadShareOfInput input tokens served from the prompt cache (measured); cache writes
   *     are not reported per level, so on-demand cost leaves them at the input price
   */
  public record BedrockBilling(BedrockTarget.Pricing pricing, Optional<Integer> modelUnits, double cacheReadShareOfInput) {}

  /** The platform behind a self-managed target. simulated: a simulator priced as its instance type. */
  public record PlatformFacts(String instanceType, int replicas, int tensorParallelSize, PlatformPricingSpec pins,
      boolean simulated) {}

  /**
   * @param curves   each priced target's monthly cost curve, for the report's chart
   * @param analyses each self-managed x managed comparison, with its traffic bands
   * @param upToTokens the traffic range analysed (tokens/month)
   */
  public record Result(Map<String, String> costPerMillionTokensUsd, Map<String, String> notes,
      List<BreakEvenPoint> breakEven, Optional<String> recommendation, Map<String, CostCurve> curves,
      List<BreakEvenAnalysis> analyses, BigDecimal upToTokens) {

    public static Result empty() {
      return new Result(Map.of(), Map.of(), List.of(), Optional.empty(), Map.of(), List.of(), BigDecimal.ONE);
    }
  }

  private final java.util.function.Supplier<PriceCatalog> catalog;
  private final InstanceTypeCatalog instanceTypes;

  public BenchmarkCosts(PriceCatalog catalog, InstanceTypeCatalog instanceTypes) {
    this(() -> catalog, instanceTypes);
  }

  /** @param catalog read at each computation: the live catalog, which a price refresh replaces */
  public BenchmarkCosts(java.util.function.Supplier<PriceCatalog> catalog, InstanceTypeCatalog instanceTypes) {
    this.catalog = catalog;
    this.instanceTypes = instanceTypes;
  }

  public Result compute(CostSpec costSpec, List<Measured> measured) {
    CostSettings settings = CostSettings.from(costSpec);
    PriceCatalog prices = catalog.get().withPins(costSpec);
    Map<String, String> perMillion = new LinkedHashMap<>();
    Map<String, String> notes = new LinkedHashMap<>();
    Map<String, CostCurve> selfManaged = new LinkedHashMap<>();
    Map<String, CostCurve> managed = new LinkedHashMap<>();
    Map<String, Measured> byName = new LinkedHashMap<>();
    for (Measured m : measured) {
      byName.put(m.target(), m);
      if (!(m.sloRequestsPerSecond() > 0) || !(m.tokensPerRequest() > 0)) {
        notes.put(m.target(), "no level met the SLO: no capacity to price");
        continue;
      }
      try {
        CostCurve curve = m.selfManaged() ? selfManagedCurve(m, settings, prices) : managedCurve(m, settings, prices);
        if (m.selfManaged()) {
          selfManaged.put(m.target(), curve);
        } else {
          managed.put(m.target(), curve);
        }
        BigDecimal tokens = units(settings, m).tokensPerMonthAtRequestsPerSecond(m.sloRequestsPerSecond());
        BigDecimal perToken = curve.monthlyUsd(tokens).divide(tokens, MathContext.DECIMAL64);
        perMillion.put(m.target(), perToken.multiply(BigDecimal.valueOf(1_000_000)).setScale(4, RoundingMode.HALF_UP)
            .stripTrailingZeros().toPlainString());
        m.platform().filter(PlatformFacts::simulated).ifPresent(p -> notes.put(m.target(),
            "simulated platform priced as " + p.replicas() + " x " + p.instanceType()));
      } catch (UnknownPriceException | IllegalArgumentException e) {
        notes.put(m.target(), e.getMessage());
      }
    }
    List<BreakEvenPoint> points = new ArrayList<>();
    List<BreakEvenAnalysis> analyses = new ArrayList<>();
    String recommendation = null;
    for (var self : selfManaged.entrySet()) {
      for (var man : managed.entrySet()) {
        TrafficUnits units = units(settings, byName.get(self.getKey()));
        BreakEvenAnalysis analysis = BreakEvenSolver.solve(self.getValue(), man.getValue(), settings.maxTrafficLevel(), units);
        analysis.crossings().forEach(c -> points.add(c.toStatus(self.getKey(), man.getKey())));
        analyses.add(analysis);
        if (recommendation == null) {
          recommendation = analysis.recommendation();
        }
      }
    }
    Map<String, CostCurve> curves = new LinkedHashMap<>(selfManaged);
    curves.putAll(managed);
    return new Result(perMillion, notes, points, Optional.ofNullable(recommendation), curves, analyses,
        settings.maxTrafficLevel());
  }

  private SelfManagedCost selfManagedCurve(Measured m, CostSettings settings, PriceCatalog prices) {
    PlatformFacts p = m.platform().orElseThrow(() -> new IllegalArgumentException("the platform behind the target is unknown"));
    int gpusPerNode = instanceTypes.find(p.instanceType()).map(t -> t.gpus()).orElse(p.tensorParallelSize());
    int nodesPerReplica = Math.max(1, (p.tensorParallelSize() + gpusPerNode - 1) / gpusPerNode);
    double perReplica = m.sloRequestsPerSecond() * m.tokensPerRequest() / Math.max(1, p.replicas());
    return new SelfManagedCost(m.target(), settings.hoursPerMonth(),
        prices.nodeHourly(p.instanceType(), settings.instancePricing(), p.pins()),
        nodesPerReplica, perReplica, 1.0, 1,
        prices.controlPlaneHourly("standard", p.pins()),
        List.of(), null, settings.operationsMonthlyUsd());
  }

  private CostCurve managedCurve(Measured m, CostSettings settings, PriceCatalog prices) {
    if (m.bedrockModelId() == null) {
      throw new IllegalArgumentException("not priced: only Bedrock targets have a managed cost model in this version "
          + "(AgentCore runtime vCPU- and GB-hours are not measured by the load generator)");
    }
    double inputShare = m.inputTokensPerRequest() / m.tokensPerRequest();
    BedrockBilling billing = m.bedrock().orElse(new BedrockBilling(BedrockTarget.Pricing.OnDemand, Optional.empty(), 0));
    return switch (billing.pricing()) {
      case OnDemand -> new BedrockTokenCost(m.target(), prices.bedrockTokenPrices(m.bedrockModelId()), inputShare,
          Math.min(1, Math.max(0, billing.cacheReadShareOfInput())), 0, false);
      case Batch -> new BedrockTokenCost(m.target(), prices.bedrockTokenPrices(m.bedrockModelId()), inputShare, 0, 0, true);
      case ProvisionedThroughput -> new ProvisionedThroughputCost(m.target(),
          prices.require(PriceKey.bedrockProvisionedThroughput(m.bedrockModelId())),
          units(billing, "model units (bedrock.modelUnits)"), settings.hoursPerMonth());
      // Steady traffic all month, like the self-managed nodes it is compared with: one busy period
      // as long as the month keeps one copy loaded; each copy serves what the run measured.
      case CustomModelImport -> new CustomModelImportCost(m.target(), prices.require(PriceKey.CMI_PER_CMU_MINUTE),
          units(billing, "Custom Model Units per copy (bedrock.modelUnits)"),
          m.sloRequestsPerSecond() * m.tokensPerRequest(), 1, settings.hoursPerMonth() * 60, settings.hoursPerMonth());
    };
  }

  private static int units(BedrockBilling billing, String what) {
    return billing.modelUnits().orElseThrow(() -> new IllegalArgumentException(
        "unknown " + what + ": set it in the spec, or let the operator read it from Bedrock (crossover.aws.enabled)"));
  }

  private static TrafficUnits units(CostSettings settings, Measured m) {
    return new TrafficUnits(settings.hoursPerMonth(), m.tokensPerRequest());
  }
}
