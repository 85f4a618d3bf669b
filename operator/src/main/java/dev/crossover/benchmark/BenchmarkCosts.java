package dev.crossover.benchmark;

import dev.crossover.api.v1alpha1.BedrockTarget;
import dev.crossover.api.v1alpha1.BreakEvenPoint;
import dev.crossover.api.v1alpha1.CachingSaving;
import dev.crossover.api.v1alpha1.CostSpec;
import dev.crossover.api.v1alpha1.PlatformPricingSpec;
import dev.crossover.api.v1alpha1.PodPricingSpec;
import dev.crossover.api.v1alpha1.RoutingSaving;
import dev.crossover.aws.InstanceTypeCatalog;
import dev.crossover.cost.AgentCoreRuntimeCost;
import dev.crossover.cost.BedrockTokenCost;
import dev.crossover.cost.BreakEvenAnalysis;
import dev.crossover.cost.BreakEvenSolver;
import dev.crossover.cost.CostCurve;
import dev.crossover.cost.CostLine;
import dev.crossover.cost.CostSettings;
import dev.crossover.cost.Crossing;
import dev.crossover.cost.CustomModelImportCost;
import dev.crossover.cost.Figures;
import dev.crossover.cost.PodResourceRates;
import dev.crossover.cost.PriceCatalog;
import dev.crossover.cost.PriceKey;
import dev.crossover.cost.PriceQuote;
import dev.crossover.cost.ProvisionedThroughputCost;
import dev.crossover.cost.SelfManagedCost;
import dev.crossover.cost.SupportPod;
import dev.crossover.cost.TrafficUnits;
import dev.crossover.cost.UnknownPriceException;
import dev.crossover.cost.WithFixedCosts;
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
 * capacity the run measured (the highest level meeting the SLO), sized by the traffic profile;
 * managed cost is per token at the token mix the run measured (or per model unit, CMU or
 * session-second). A price nobody knows becomes a message, never a zero.
 */
public final class BenchmarkCosts {

  /** A break-even band whose ends differ by more than this factor cannot decide between the two. */
  static final double TOO_WIDE_FACTOR = 2.0;

  /** What the run measured of one target, and what it runs on (self-managed) or how it is billed (managed). */
  public record Measured(String target, boolean selfManaged, Optional<PlatformFacts> platform, String bedrockModelId,
      double sloRequestsPerSecond, double inputTokensPerRequest, double outputTokensPerRequest,
      Optional<BedrockBilling> bedrock, Optional<CapacityRange> capacity, Optional<AgentCoreFacts> agentCore) {

    public Measured(String target, boolean selfManaged, Optional<PlatformFacts> platform, String bedrockModelId,
        double sloRequestsPerSecond, double inputTokensPerRequest, double outputTokensPerRequest) {
      this(target, selfManaged, platform, bedrockModelId, sloRequestsPerSecond, inputTokensPerRequest,
          outputTokensPerRequest, Optional.empty(), Optional.empty(), Optional.empty());
    }

    public Measured(String target, boolean selfManaged, Optional<PlatformFacts> platform, String bedrockModelId,
        double sloRequestsPerSecond, double inputTokensPerRequest, double outputTokensPerRequest,
        Optional<BedrockBilling> bedrock) {
      this(target, selfManaged, platform, bedrockModelId, sloRequestsPerSecond, inputTokensPerRequest,
          outputTokensPerRequest, bedrock, Optional.empty(), Optional.empty());
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
   * @param cacheReadShareOfInput input tokens served from the prompt cache (measured)
   * @param cacheWriteShareOfInput input tokens written to the prompt cache (measured), at the cache-write price
   */
  public record BedrockBilling(BedrockTarget.Pricing pricing, Optional<Integer> modelUnits, double cacheReadShareOfInput,
      double cacheWriteShareOfInput) {
    public BedrockBilling(BedrockTarget.Pricing pricing, Optional<Integer> modelUnits, double cacheReadShareOfInput) {
      this(pricing, modelUnits, cacheReadShareOfInput, 0);
    }
  }

  /**
   * The platform behind a self-managed target. simulated: a simulator priced as its instance type.
   *
   * @param gpusPerNode the platform's nodes.gpusPerNode, else empty (then the instance catalog's)
   * @param supportPods the CPU pods it runs besides the model servers (gateway, endpoint picker),
   *     as rendered, with their resource requests
   */
  public record PlatformFacts(String instanceType, int replicas, int tensorParallelSize, PlatformPricingSpec pins,
      boolean simulated, Optional<Integer> gpusPerNode, List<SupportPod> supportPods, String model,
      boolean prefixCacheAware) {

    public PlatformFacts(String instanceType, int replicas, int tensorParallelSize, PlatformPricingSpec pins,
        boolean simulated) {
      this(instanceType, replicas, tensorParallelSize, pins, simulated, Optional.empty(), List.of(), null, false);
    }

    public PlatformFacts(String instanceType, int replicas, int tensorParallelSize, PlatformPricingSpec pins,
        boolean simulated, Optional<Integer> gpusPerNode, List<SupportPod> supportPods) {
      this(instanceType, replicas, tensorParallelSize, pins, simulated, gpusPerNode, supportPods, null, false);
    }

    public PlatformFacts {
      supportPods = List.copyOf(supportPods);
    }

    PlatformFacts withSupportPods(List<SupportPod> pods) {
      return new PlatformFacts(instanceType, replicas, tensorParallelSize, pins, simulated, gpusPerNode, pods, model,
          prefixCacheAware);
    }
  }

  /**
   * How sure the measured capacity is: the SLO-meeting level's throughput less its sampling error
   * (low) up to the next level's throughput, which missed the SLO (high), or the sampling error
   * above when the highest level met the SLO.
   */
  public record CapacityRange(double lowRequestsPerSecond, double highRequestsPerSecond, String basis) {}

  /**
   * What prices an AgentCore target: its session size (spec, or assumed defaults the note names),
   * the measured mean session duration, and the model its agent calls.
   */
  public record AgentCoreFacts(String modelId, double vcpus, double memoryGb, double activeCpuShare,
      double meanSessionSeconds, String assumptions) {

    AgentCoreFacts withAssumption(String more) {
      return new AgentCoreFacts(modelId, vcpus, memoryGb, activeCpuShare, meanSessionSeconds,
          assumptions.isEmpty() ? more : assumptions + "; " + more);
    }
  }

  /**
   * @param curves   each priced target's monthly cost curve, for the report's chart
   * @param analyses each self-managed x managed comparison, with its traffic bands
   * @param upToTokens the traffic range analysed (tokens/month)
   * @param idleMonthlyUsd each priced target's monthly cost at zero traffic
   * @param fixedCosts each self-managed target's fixed monthly costs at its floor, line by line
   * @param cachingSavings Bedrock on-demand targets with prompt caching: with and without it
   * @param assumptions the traffic profile and rates the figures assume, in one line
   */
  public record Result(Map<String, String> costPerMillionTokensUsd, Map<String, String> notes,
      List<BreakEvenPoint> breakEven, Optional<String> recommendation, Map<String, CostCurve> curves,
      List<BreakEvenAnalysis> analyses, BigDecimal upToTokens, Map<String, BigDecimal> idleMonthlyUsd,
      Map<String, List<CostLine>> fixedCosts, Map<String, CachingSaving> cachingSavings, String assumptions,
      Map<String, RoutingSaving> routingSavings) {

    public static Result empty() {
      return new Result(Map.of(), Map.of(), List.of(), Optional.empty(), Map.of(), List.of(), BigDecimal.ONE, Map.of(),
          Map.of(), Map.of(), "", Map.of());
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
    Map<String, SelfManagedCost> selfManaged = new LinkedHashMap<>();
    Map<String, CostCurve> managed = new LinkedHashMap<>();
    Map<String, Measured> byName = new LinkedHashMap<>();
    Map<String, BigDecimal> idle = new LinkedHashMap<>();
    Map<String, List<CostLine>> fixed = new LinkedHashMap<>();
    Map<String, CachingSaving> caching = new LinkedHashMap<>();
    String podRatesSource = null;
    for (Measured m : measured) {
      byName.put(m.target(), m);
      if (!(m.sloRequestsPerSecond() > 0) || !(m.tokensPerRequest() > 0)) {
        notes.put(m.target(), !(m.sloRequestsPerSecond() > 0) ? "no level met the SLO: no capacity to price"
            : "no token counts: the responses reported no usage" + (m.agentCore().isPresent()
                ? " (AgentCore does not); set workload.inputTokens and outputTokens to price the model's tokens" : ""));
        continue;
      }
      try {
        CostCurve curve;
        if (m.selfManaged()) {
          SelfManagedCost s = selfManagedCurve(m, settings, prices, m.sloRequestsPerSecond());
          curve = s;
          selfManaged.put(m.target(), s);
          fixed.put(m.target(), s.breakdown(BigDecimal.ZERO));
          if (!s.supportPods().isEmpty()) {
            podRatesSource = s.podRates().source();
          }
        } else {
          curve = WithFixedCosts.of(managedCurve(m, settings, prices, notes), settings.lineItemsFor(false));
          managed.put(m.target(), curve);
        }
        idle.put(m.target(), curve.idleMonthlyUsd());
        BigDecimal tokens = units(settings, m).tokensPerMonthAtRequestsPerSecond(m.sloRequestsPerSecond());
        BigDecimal perToken = curve.monthlyUsd(tokens).divide(tokens, MathContext.DECIMAL64);
        perMillion.put(m.target(), perToken.multiply(BigDecimal.valueOf(1_000_000)).setScale(4, RoundingMode.HALF_UP)
            .stripTrailingZeros().toPlainString());
        cachingSaving(m, prices, tokens).ifPresent(c -> caching.put(m.target(), c));
        m.platform().filter(PlatformFacts::simulated).ifPresent(p -> note(notes, m.target(),
            "simulated platform priced as " + p.replicas() + " x " + p.instanceType()));
        if (m.selfManaged() && settings.instancePricing() == CostSpec.InstancePricing.Spot) {
          note(notes, m.target(), "spot prices: the capacity can be reclaimed at two minutes' notice, so the fleet"
              + " (and the SLO) can vanish with it");
        }
      } catch (UnknownPriceException | IllegalArgumentException e) {
        note(notes, m.target(), e.getMessage());
      }
    }
    List<BreakEvenPoint> points = new ArrayList<>();
    List<BreakEvenAnalysis> analyses = new ArrayList<>();
    String recommendation = null;
    for (var self : selfManaged.entrySet()) {
      Measured m = byName.get(self.getKey());
      TrafficUnits units = units(settings, m);
      for (var man : managed.entrySet()) {
        BreakEvenAnalysis analysis = BreakEvenSolver.solve(self.getValue(), man.getValue(), settings.maxTrafficLevel(), units);
        Optional<Band> band = band(m, man.getValue(), settings, prices, units, analysis);
        for (int i = 0; i < analysis.crossings().size(); i++) {
          BreakEvenPoint p = analysis.crossings().get(i).toStatus(self.getKey(), man.getKey());
          if (i == 0) {
            band.ifPresent(b -> b.fill(p));
          }
          points.add(p);
        }
        analyses.add(analysis);
        if (recommendation == null) {
          recommendation = analysis.recommendation() + band.map(b -> " " + b.sentence()).orElse("");
        }
      }
    }
    Map<String, CostCurve> curves = new LinkedHashMap<>(selfManaged);
    curves.putAll(managed);
    String assumptions = "traffic profile: " + settings.profile().describe() + "; " + settings.hoursPerMonth()
        + " h/month; self-managed nodes " + settings.instancePricing()
        + (podRatesSource == null ? "" : "; support pods " + podRatesSource);
    return new Result(perMillion, notes, points, Optional.ofNullable(recommendation), curves, analyses,
        settings.maxTrafficLevel(), idle, fixed, caching, assumptions, routingSavings(selfManaged, byName, settings));
  }

  /**
   * Each prefix-cache-aware target against a round-robin one on the same model and instance type
   * (scenario 3's pair): both priced at the round-robin target's SLO-meeting traffic, so the
   * capacity the routing bought shows as replicas, and replicas as dollars.
   */
  private static Map<String, RoutingSaving> routingSavings(Map<String, SelfManagedCost> selfManaged,
      Map<String, Measured> byName, CostSettings settings) {
    Map<String, RoutingSaving> savings = new LinkedHashMap<>();
    for (var aware : selfManaged.entrySet()) {
      PlatformFacts a = byName.get(aware.getKey()).platform().orElseThrow();
      if (!a.prefixCacheAware() || a.model() == null) {
        continue;
      }
      for (var plain : selfManaged.entrySet()) {
        Measured rr = byName.get(plain.getKey());
        PlatformFacts r = rr.platform().orElseThrow();
        if (r.prefixCacheAware() || !a.model().equals(r.model()) || !a.instanceType().equals(r.instanceType())) {
          continue;
        }
        BigDecimal tokens = units(settings, rr).tokensPerMonthAtRequestsPerSecond(rr.sloRequestsPerSecond());
        RoutingSaving s = new RoutingSaving();
        s.setComparedWith(plain.getKey());
        s.setCapacityRatio(aware.getValue().sloTokensPerSecondPerReplica() / plain.getValue().sloTokensPerSecondPerReplica());
        s.setTokensPerMonth(tokens.setScale(0, RoundingMode.HALF_UP).toPlainString());
        s.setMonthlyUSDSaved(usd(plain.getValue().monthlyUsd(tokens).subtract(aware.getValue().monthlyUsd(tokens))));
        savings.put(aware.getKey(), s);
        break;
      }
    }
    return savings;
  }

  private static void note(Map<String, String> notes, String target, String note) {
    notes.merge(target, note, (a, b) -> a + "; " + b);
  }

  // ---- self-managed

  private SelfManagedCost selfManagedCurve(Measured m, CostSettings settings, PriceCatalog prices, double sloRps) {
    PlatformFacts p = m.platform().orElseThrow(() -> new IllegalArgumentException("the platform behind the target is unknown"));
    int gpusPerNode = p.gpusPerNode().or(() -> instanceTypes.find(p.instanceType()).map(t -> t.gpus()))
        .orElseThrow(() -> new IllegalArgumentException("GPUs per node of " + p.instanceType() + " unknown: the instance"
            + " catalog does not list it; set the platform's nodes.gpusPerNode"));
    int tp = Math.max(1, p.tensorParallelSize());
    int nodesPerReplica = Math.max(1, (tp + gpusPerNode - 1) / gpusPerNode);
    int replicasPerNode = Math.max(1, gpusPerNode / tp);
    double perReplica = sloRps * m.tokensPerRequest() / Math.max(1, p.replicas());
    CostSettings.Profile profile = settings.profile();
    List<SupportPod> pods = p.supportPods();
    PodResourceRates rates = pods.isEmpty() ? null : podRates(settings.podPricing(), prices);
    return new SelfManagedCost(m.target(), settings.hoursPerMonth(),
        prices.nodeHourly(p.instanceType(), settings.instancePricing(), p.pins()),
        nodesPerReplica, perReplica, profile.peakToMean(), profile.floor(p.replicas()),
        prices.controlPlaneHourly("standard", p.pins()),
        pods, rates, settings.operationsMonthlyUsd(), replicasPerNode, profile.hoursPerDay(),
        settings.lineItemsFor(true));
  }

  /** Pinned rates, or rates derived from the CPU node type's price (PodResourceRates.derivedFrom). */
  static PodResourceRates podRates(PodPricingSpec spec, PriceCatalog prices) {
    if (spec.getVcpuHourlyUSD() != null || spec.getGibHourlyUSD() != null) {
      if (spec.getVcpuHourlyUSD() == null || spec.getGibHourlyUSD() == null) {
        throw new IllegalArgumentException("spec.cost.podPricing needs both vcpuHourlyUSD and gibHourlyUSD, or neither");
      }
      return new PodResourceRates(new BigDecimal(spec.getVcpuHourlyUSD()), new BigDecimal(spec.getGibHourlyUSD()),
          "Pinned (spec.cost.podPricing: $" + spec.getVcpuHourlyUSD() + "/vCPU-h, $" + spec.getGibHourlyUSD() + "/GiB-h)");
    }
    String type = Optional.ofNullable(spec.getNodeInstanceType()).orElse(PodResourceRates.DEFAULT_NODE_TYPE);
    int[] shape = PodResourceRates.shape(type).orElseThrow(() -> new IllegalArgumentException("spec.cost.podPricing"
        + ".nodeInstanceType " + type + ": its vCPUs and memory are unknown; pin vcpuHourlyUSD and gibHourlyUSD instead"));
    PriceQuote node = prices.require(PriceKey.ec2OnDemand(type));
    return PodResourceRates.derivedFrom(node, shape[0], shape[1]);
  }

  // ---- managed

  private CostCurve managedCurve(Measured m, CostSettings settings, PriceCatalog prices, Map<String, String> notes) {
    if (m.agentCore().isPresent()) {
      return agentCoreCurve(m, m.agentCore().get(), prices, notes);
    }
    if (m.bedrockModelId() == null) {
      throw new IllegalArgumentException("not priced: an OpenAI-compatible endpoint outside the cluster has no cost model");
    }
    double inputShare = m.inputTokensPerRequest() / m.tokensPerRequest();
    BedrockBilling billing = m.bedrock().orElse(new BedrockBilling(BedrockTarget.Pricing.OnDemand, Optional.empty(), 0));
    CostSettings.Profile profile = settings.profile();
    return switch (billing.pricing()) {
      case OnDemand -> new BedrockTokenCost(m.target(), prices.bedrockTokenPrices(m.bedrockModelId()), inputShare,
          share(billing.cacheReadShareOfInput()), Math.min(share(billing.cacheWriteShareOfInput()),
              1 - share(billing.cacheReadShareOfInput())), false);
      case Batch -> new BedrockTokenCost(m.target(), prices.bedrockTokenPrices(m.bedrockModelId()), inputShare, 0, 0, true);
      case ProvisionedThroughput -> new ProvisionedThroughputCost(m.target(),
          prices.require(PriceKey.bedrockProvisionedThroughput(m.bedrockModelId())),
          units(billing, "model units (bedrock.modelUnits)"), settings.hoursPerMonth());
      // Copies loaded during the hours of operation (one busy period a day, or one as long as the
      // month around the clock), sized for the peak like the self-managed fleet it is compared with.
      case CustomModelImport -> {
        int days = Math.max(1, settings.hoursPerMonth() / 24);
        boolean allDay = profile.hoursPerDay() >= 24;
        yield new CustomModelImportCost(m.target(), prices.require(PriceKey.CMI_PER_CMU_MINUTE),
            units(billing, "Custom Model Units per copy (bedrock.modelUnits)"),
            m.sloRequestsPerSecond() * m.tokensPerRequest() / profile.peakToMean(),
            allDay ? 1 : days, allDay ? settings.hoursPerMonth() * 60 : profile.hoursPerDay() * 60, settings.hoursPerMonth());
      }
    };
  }

  /**
   * AgentCore Runtime: each request is one session billed for its measured mean duration (memory
   * the whole time, vCPUs for the active share of it), per second, plus the model's tokens at
   * Bedrock on-demand prices. Idle time between sessions is not billed (active consumption only).
   */
  private static CostCurve agentCoreCurve(Measured m, AgentCoreFacts a, PriceCatalog prices, Map<String, String> notes) {
    if (a.modelId() == null || a.modelId().isBlank()) {
      throw new IllegalArgumentException("not priced: set agentCore.modelId so the model tokens the agent uses are priced"
          + " (the runtime's vCPU- and GB-hours alone would understate it)");
    }
    double inputShare = m.inputTokensPerRequest() / m.tokensPerRequest();
    BedrockTokenCost model = BedrockTokenCost.onDemand(m.target() + "-model", prices.bedrockTokenPrices(a.modelId()), inputShare);
    note(notes, m.target(), "AgentCore runtime priced per second of the measured mean session (" + Figures.rate(a.meanSessionSeconds())
        + " s): " + Figures.rate(a.memoryGb()) + " GB for all of it, " + Figures.rate(a.vcpus()) + " vCPU for "
        + Figures.rate(100 * a.activeCpuShare()) + "% of it" + (a.assumptions().isEmpty() ? "" : " (" + a.assumptions() + ")")
        + "; model tokens at " + a.modelId() + " on-demand prices");
    return new AgentCoreRuntimeCost(m.target(), prices.require(PriceKey.AGENTCORE_VCPU_HOUR),
        prices.require(PriceKey.AGENTCORE_GB_HOUR), a.vcpus(), a.memoryGb(), a.meanSessionSeconds() * a.activeCpuShare(),
        a.meanSessionSeconds(), m.tokensPerRequest(), model);
  }

  /** Bedrock on demand with prompt caching seen: the month at capacity with and without caching. */
  private static Optional<CachingSaving> cachingSaving(Measured m, PriceCatalog prices, BigDecimal tokens) {
    Optional<BedrockBilling> b = m.bedrock().filter(x -> x.pricing() == BedrockTarget.Pricing.OnDemand
        && (x.cacheReadShareOfInput() > 0 || x.cacheWriteShareOfInput() > 0));
    if (b.isEmpty() || m.bedrockModelId() == null) {
      return Optional.empty();
    }
    double inputShare = m.inputTokensPerRequest() / m.tokensPerRequest();
    var tokenPrices = prices.bedrockTokenPrices(m.bedrockModelId());
    double read = share(b.get().cacheReadShareOfInput());
    double write = Math.min(share(b.get().cacheWriteShareOfInput()), 1 - read);
    BigDecimal with = new BedrockTokenCost(m.target(), tokenPrices, inputShare, read, write, false).monthlyUsd(tokens);
    BigDecimal without = BedrockTokenCost.onDemand(m.target(), tokenPrices, inputShare).monthlyUsd(tokens);
    CachingSaving c = new CachingSaving();
    c.setCacheReadShare(read);
    c.setCacheWriteShare(write);
    c.setWithCachingMonthlyUSD(usd(with));
    c.setWithoutCachingMonthlyUSD(usd(without));
    c.setSavingMonthlyUSD(usd(without.subtract(with)));
    return Optional.of(c);
  }

  private static double share(double v) {
    return Math.min(1, Math.max(0, v));
  }

  private static String usd(BigDecimal v) {
    return v.setScale(2, RoundingMode.HALF_UP).toPlainString();
  }

  // ---- the break-even band

  /** The first crossing's traffic at the capacity range's two ends. */
  private record Band(BigDecimal low, BigDecimal high, double lowRps, double highRps, CapacityRange capacity,
      boolean tooWide, boolean open) {

    void fill(BreakEvenPoint p) {
      p.setTokensPerMonthLow(low.setScale(0, RoundingMode.HALF_UP).toPlainString());
      p.setTokensPerMonthHigh(high.setScale(0, RoundingMode.HALF_UP).toPlainString());
      p.setRequestsPerSecondLow(lowRps);
      p.setRequestsPerSecondHigh(highRps);
      p.setBand(sentence());
    }

    String sentence() {
      String range = Figures.tokens(low) + "-" + Figures.tokens(high) + " tokens/month (" + Figures.rate(lowRps) + "-"
          + Figures.rate(highRps) + " req/s)";
      String basis = "capacity " + Figures.rate(capacity.lowRequestsPerSecond()) + "-"
          + Figures.rate(capacity.highRequestsPerSecond()) + " req/s, " + capacity.basis();
      if (open) {
        return "Break-even band: at one end of the capacity range the curves do not cross in the analysed range ("
            + basis + "): too uncertain to decide.";
      }
      return "Break-even band " + range + " from the " + basis
          + (tooWide ? ": the band spans more than " + Figures.rate(TOO_WIDE_FACTOR) + "x, too wide to decide; measure"
              + " load levels between the SLO-meeting level and the next." : ".");
    }

  }

  private Optional<Band> band(Measured m, CostCurve managedCurve, CostSettings settings, PriceCatalog prices,
      TrafficUnits units, BreakEvenAnalysis point) {
    if (m.capacity().isEmpty() || point.crossings().isEmpty()) {
      return Optional.empty();
    }
    CapacityRange c = m.capacity().get();
    Optional<Crossing> atHighCapacity = firstCrossing(m, c.highRequestsPerSecond(), managedCurve, settings, prices, units);
    Optional<Crossing> atLowCapacity = firstCrossing(m, c.lowRequestsPerSecond(), managedCurve, settings, prices, units);
    BigDecimal first = point.crossings().getFirst().tokensPerMonth();
    if (atHighCapacity.isEmpty() || atLowCapacity.isEmpty()) {
      return Optional.of(new Band(first, first, units.requestsPerSecond(first), units.requestsPerSecond(first), c, true, true));
    }
    BigDecimal low = atHighCapacity.get().tokensPerMonth().min(atLowCapacity.get().tokensPerMonth()).min(first);
    BigDecimal high = atHighCapacity.get().tokensPerMonth().max(atLowCapacity.get().tokensPerMonth()).max(first);
    boolean tooWide = low.signum() == 0
        || high.divide(low, MathContext.DECIMAL64).compareTo(BigDecimal.valueOf(TOO_WIDE_FACTOR)) > 0;
    return Optional.of(new Band(low, high, units.requestsPerSecond(low), units.requestsPerSecond(high), c, tooWide, false));
  }

  private Optional<Crossing> firstCrossing(Measured m, double rps, CostCurve managedCurve, CostSettings settings,
      PriceCatalog prices, TrafficUnits units) {
    if (!(rps > 0)) {
      return Optional.empty();
    }
    SelfManagedCost curve = selfManagedCurve(m, settings, prices, rps);
    return BreakEvenSolver.solve(curve, managedCurve, settings.maxTrafficLevel(), units).crossings().stream().findFirst();
  }

  /** The first point's band, for `kubectl get br`. */
  static Optional<String> compactBand(List<BreakEvenPoint> points) {
    return points.stream().filter(p -> p.getTokensPerMonthLow() != null).findFirst().map(p -> {
      boolean open = p.getBand() != null && p.getBand().contains("do not cross");
      boolean wide = p.getBand() != null && p.getBand().contains("too wide");
      return open ? "open (too uncertain)" : Figures.tokens(new BigDecimal(p.getTokensPerMonthLow())) + "-"
          + Figures.tokens(new BigDecimal(p.getTokensPerMonthHigh())) + " tok/mo" + (wide ? " (too wide)" : "");
    }).or(() -> points.stream().findFirst().map(p -> Figures.tokens(new BigDecimal(p.getTokensPerMonth())) + " tok/mo"));
  }

  private static int units(BedrockBilling billing, String what) {
    return billing.modelUnits().orElseThrow(() -> new IllegalArgumentException(
        "unknown " + what + ": set it in the spec, or let the operator read it from Bedrock (crossover.aws.enabled)"));
  }

  private static TrafficUnits units(CostSettings settings, Measured m) {
    return new TrafficUnits(settings.hoursPerMonth(), m.tokensPerRequest());
  }
}
