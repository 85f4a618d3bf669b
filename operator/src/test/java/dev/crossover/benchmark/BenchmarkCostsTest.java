package dev.crossover.benchmark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.crossover.api.v1alpha1.AgentCoreTarget;
import dev.crossover.api.v1alpha1.BedrockTarget;
import dev.crossover.api.v1alpha1.BenchmarkRun;
import dev.crossover.api.v1alpha1.BenchmarkRunSpec;
import dev.crossover.api.v1alpha1.BenchmarkRunStatus;
import dev.crossover.api.v1alpha1.BreakEvenPoint;
import dev.crossover.api.v1alpha1.CachingSaving;
import dev.crossover.api.v1alpha1.CostLineItem;
import dev.crossover.api.v1alpha1.GatewayProfile;
import dev.crossover.api.v1alpha1.GatewayProfileSpec;
import dev.crossover.api.v1alpha1.InferencePlatform;
import dev.crossover.api.v1alpha1.LevelResult;
import dev.crossover.api.v1alpha1.PlatformPricingSpec;
import dev.crossover.api.v1alpha1.PodPricingSpec;
import dev.crossover.api.v1alpha1.RoutingSaving;
import dev.crossover.cost.SupportPod;
import dev.crossover.api.v1alpha1.TargetSummary;
import dev.crossover.api.v1alpha1.TrafficProfileSpec;
import dev.crossover.report.ReportInput;
import dev.crossover.report.ReportRenderer;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.util.LinkedHashMap;
import dev.crossover.api.v1alpha1.CostSpec;
import dev.crossover.api.v1alpha1.PriceOverride;
import dev.crossover.aws.InstanceTypeCatalog;
import dev.crossover.cost.PriceCatalog;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class BenchmarkCostsTest {

  private final BenchmarkCosts costs = new BenchmarkCosts(PriceCatalog.embedded(), InstanceTypeCatalog.embedded());

  // One g5.2xlarge replica that met the SLO at 2 req/s of 800 + 200 tokens: 2,000 tokens/s.
  private static final BenchmarkCosts.Measured PLATFORM = new BenchmarkCosts.Measured("a1", true,
      Optional.of(new BenchmarkCosts.PlatformFacts("g5.2xlarge", 1, 1, null, false)), null, 2.0, 800, 200);
  private static final BenchmarkCosts.Measured BEDROCK = new BenchmarkCosts.Measured("bedrock-llama8b", false,
      Optional.empty(), "meta.llama3-1-8b-instruct-v1:0", 5.0, 800, 200);

  @Test
  void costPerMillionTokensAtTheMeasuredCapacity() {
    var result = costs.compute(new CostSpec(), List.of(PLATFORM, BEDROCK));
    // Self-managed at capacity: (1.212 + 0.10) x 730 = $957.76/month for 2,000 x 730 x 3,600 =
    // 5,256M tokens: $0.18222 per 1M.
    assertThat(Double.parseDouble(result.costPerMillionTokensUsd().get("a1"))).isCloseTo(0.1822, within(0.00005));
    // Bedrock Llama 3.1 8B: $0.22 in and out (FACTS.md), whatever the mix.
    assertThat(result.costPerMillionTokensUsd().get("bedrock-llama8b")).isEqualTo("0.22");
  }

  @Test
  void breakEvenWhereBedrocksTokenBillMeetsTheFirstReplica() {
    var result = costs.compute(new CostSpec(), List.of(PLATFORM, BEDROCK));
    // 0.22 x T / 1e6 = 957.76  =>  T = 4,353,454,545 tokens/month, below one replica's 5,256M.
    assertThat(result.breakEven()).first().satisfies(p -> {
      assertThat(p.getSelfManaged()).isEqualTo("a1");
      assertThat(p.getManaged()).isEqualTo("bedrock-llama8b");
      assertThat(Long.parseLong(p.getTokensPerMonth())).isCloseTo(4_353_454_545L, within(2L));
      assertThat(p.getMonthlyUSD()).isEqualTo("957.76");
      assertThat(p.getCheaperAbove()).isEqualTo("a1");
    });
    assertThat(result.recommendation()).hasValueSatisfying(r -> assertThat(r).contains("bedrock-llama8b").contains("a1"));
  }

  @Test
  void aTargetWithoutSloCapacityOrPriceIsExplainedNotZero() {
    var noCapacity = new BenchmarkCosts.Measured("slow", true, PLATFORM.platform(), null, 0, 800, 200);
    var unknownType = new BenchmarkCosts.Measured("l40s", true,
        Optional.of(new BenchmarkCosts.PlatformFacts("g6e.xlarge", 1, 1, null, false)), null, 2.0, 800, 200);
    var result = costs.compute(new CostSpec(), List.of(noCapacity, unknownType));
    assertThat(result.costPerMillionTokensUsd()).isEmpty();
    assertThat(result.notes().get("slow")).contains("no level met the SLO");
    assertThat(result.notes().get("l40s")).contains("g6e.xlarge");
    assertThat(result.breakEven()).isEmpty();
  }

  private static BenchmarkCosts.Measured bedrock(String name, String model, BedrockTarget.Pricing pricing,
      Integer units, double cacheReadShare) {
    // 10 req/s of 800 + 200 tokens met the SLO: 10,000 tokens/s, 26,280M tokens in a 730-hour month.
    return new BenchmarkCosts.Measured(name, false, Optional.empty(), model, 10.0, 800, 200,
        Optional.of(new BenchmarkCosts.BedrockBilling(pricing, Optional.ofNullable(units), cacheReadShare)));
  }

  @Test
  void bedrockBillingKindsArePricedByTheirOwnRules() {
    CostSpec spec = new CostSpec();
    PriceOverride pt = new PriceOverride();
    pt.setKey("bedrock-pt/meta.llama3-1-70b-instruct-v1:0");
    pt.setUsd("20");
    spec.setPrices(List.of(pt));
    var result = costs.compute(spec, List.of(
        bedrock("cached", "meta.llama3-1-8b-instruct-v1:0", BedrockTarget.Pricing.OnDemand, null, 0.5),
        bedrock("batch", "meta.llama3-1-8b-instruct-v1:0", BedrockTarget.Pricing.Batch, null, 0),
        bedrock("pt", "meta.llama3-1-70b-instruct-v1:0", BedrockTarget.Pricing.ProvisionedThroughput, 2, 0),
        bedrock("cmi", "arn:aws:bedrock:us-east-1:123456789012:imported-model/abc",
            BedrockTarget.Pricing.CustomModelImport, 2, 0),
        bedrock("pt-unknown-units", "meta.llama3-1-70b-instruct-v1:0", BedrockTarget.Pricing.ProvisionedThroughput, null, 0)));
    Map<String, String> perMillion = result.costPerMillionTokensUsd();
    // Half the input read from the prompt cache at 0.10x: 0.8 x (0.5 x 0.22 + 0.5 x 0.022) + 0.2 x 0.22.
    assertThat(perMillion.get("cached")).isEqualTo("0.1408");
    // Batch: half the on-demand $0.22.
    assertThat(perMillion.get("batch")).isEqualTo("0.11");
    // 2 model units x $20/h x 730 h = $29,200 for 26,280M tokens.
    assertThat(Double.parseDouble(perMillion.get("pt"))).isCloseTo(1.1111, within(0.00005));
    // One copy loaded all month (43,800 minutes, already whole 5-minute windows) x 2 CMUs x
    // $0.0785 per CMU-minute = $6,876.60 for 26,280M tokens.
    assertThat(Double.parseDouble(perMillion.get("cmi"))).isCloseTo(0.2617, within(0.00005));
    assertThat(perMillion).doesNotContainKey("pt-unknown-units");
    assertThat(result.notes().get("pt-unknown-units")).contains("bedrock.modelUnits");
  }

  // ---- issue 17: the whole fleet, the traffic profile, every billing model, the band

  private static final KubernetesSerialization YAML = new KubernetesSerialization();

  /** Seed 000's B-1: 4 x g5.2xlarge with llm-d's picker, behind LiteLLM. */
  static InferencePlatform llmdPlatform() {
    InferencePlatform p = YAML.unmarshal("""
        apiVersion: crossover.dev/v1alpha1
        kind: InferencePlatform
        metadata: {name: llama70b, namespace: bench, uid: 7d3c2a5e-0000-4000-8000-000000000001}
        spec:
          model: {name: hugging-quants/Meta-Llama-3.1-70B-Instruct-AWQ-INT4}
          engine: {replicas: 4}
          nodes: {instanceType: g5.2xlarge}
          routing:
            mode: PrefixCacheAware
            gatewayRef: {name: inference-gateway, namespace: gw}
        """, InferencePlatform.class);
    return p;
  }

  static GatewayProfile liteLlm() {
    return YAML.unmarshal("""
        apiVersion: crossover.dev/v1alpha1
        kind: GatewayProfile
        metadata: {name: litellm, namespace: bench, uid: 7d3c2a5e-0000-4000-8000-000000000002}
        spec:
          type: LiteLLM
          backends: [{name: llama70b, platformRef: {name: llama70b}}]
        """, GatewayProfile.class);
  }

  private static CostSpec withLangfuse() {
    CostSpec spec = new CostSpec();
    CostLineItem langfuse = new CostLineItem();
    langfuse.setName("Langfuse (self-hosted)");
    langfuse.setMonthlyUSD("100");
    spec.setLineItems(List.of(langfuse));
    return spec;
  }

  @Test
  void seed000sFixedCostTableIsReproducedLineByLineFromTheReport() {
    BenchmarkCosts.PlatformFacts facts = TargetResolver.withGateway(TargetResolver.facts(llmdPlatform()), liteLlm());
    var measured = new BenchmarkCosts.Measured("b1-litellm-llmd", true, Optional.of(facts), null, 2.0, 800, 200);
    BenchmarkCosts.Result result = costs.compute(withLangfuse(), List.of(measured));

    TargetSummary summary = new TargetSummary();
    summary.setName("b1-litellm-llmd");
    CostInputs.fill(summary, result);
    BenchmarkRun run = new BenchmarkRun();
    run.setMetadata(new ObjectMetaBuilder().withName("seed000").withNamespace("bench").build());
    run.setSpec(new BenchmarkRunSpec());
    BenchmarkRunStatus status = new BenchmarkRunStatus();
    status.setTargets(List.of(summary));
    status.setCostAssumptions(result.assumptions());
    run.setStatus(status);
    String md = ReportRenderer.files(new ReportInput(run, List.of(), List.of(), 1e11)).get(ReportRenderer.MARKDOWN);

    // Seed 000, Fixed Costs (Monthly), B-1: GPU ~$4,800, EKS $73, llm-d ~$50, gateway ~$50, Langfuse ~$100.
    Map<String, String> rows = new LinkedHashMap<>();
    String table = md.substring(md.indexOf("### b1-litellm-llmd"));
    for (String line : table.lines().skip(4).takeWhile(l -> l.startsWith("| ")).toList()) {
      String[] cells = line.split(" \\| ");
      rows.put(cells[0].substring(2), cells[1]);
    }
    assertThat(rows).containsExactly(
        // 4 x $1.212 x 730 h (the floor is the platform's 4 replicas): not seed 000's ~$4,800.
        Map.entry("4 x g5.2xlarge (ec2), 4 replica slot(s)", "$3,539.04"),
        // $0.10 x 730: seed 000's $73 holds.
        Map.entry("EKS control plane (standard)", "$73.00"),
        // LiteLLM's rendered requests, 1 vCPU and 1 GiB, at m5.large's derived rates:
        // (1 x 0.024 + 1 x 0.006) x 730 = $21.90.
        Map.entry("1 x LiteLLM gateway pod (1 vCPU, 1 GiB requested)", "$21.90"),
        // The picker's Deployment requests nothing: nothing reserved, nothing priced (seed 000 guessed ~$50).
        Map.entry("1 x llm-d endpoint picker pod (0 vCPU, 0 GiB requested)", "$0.00"),
        Map.entry("Langfuse (self-hosted)", "$100.00"),
        Map.entry("**Total (idle cost)**", "**$3,733.94**"));
    assertThat(table).contains("derived: half of m5.large $0.096/h over its 2 vCPU");
    assertThat(md).contains("Cost figures assume traffic profile: peak/mean 1, 24 h/day, floor the platform's replicas");
    assertThat(summary.getIdleMonthlyUSD()).isEqualTo("3733.94");
  }

  @Test
  void theTrafficProfileSetsTheFloorThePeakAndTheHours() {
    BenchmarkCosts.PlatformFacts four = new BenchmarkCosts.PlatformFacts("g5.2xlarge", 4, 1, null, false);
    var m = new BenchmarkCosts.Measured("a1", true, Optional.of(four), null, 8.0, 800, 200);
    CostSpec spec = new CostSpec();
    TrafficProfileSpec profile = new TrafficProfileSpec();
    profile.setPeakToMean(8.0);
    profile.setHoursPerDay(12);
    profile.setMinReplicas(1);
    spec.setTrafficProfile(profile);
    var result = costs.compute(spec, List.of(m));
    // Floor 1 replica (the spec's, not the platform's 4): idle 1.212 x 730 + 73 = 957.76.
    assertThat(result.idleMonthlyUsd().get("a1")).isEqualByComparingTo("957.76");
    // 8 req/s x 1,000 tokens over 4 replicas: 2,000 tok/s each; 12 h/day of 730 h = 365 h; peak 8x:
    // one replica absorbs 2000 x 365 x 3600 / 8 = 328,500,000 tokens/month. The measured 8 req/s
    // as mean traffic (21,024,000,000 tokens/month) needs 64 replicas for 365 h plus the floor's
    // 365 h off: 1.212 x (64 x 365 + 1 x 365) + 73 = 28,827.42, i.e. $1.37117 per 1M tokens.
    assertThat(Double.parseDouble(result.costPerMillionTokensUsd().get("a1"))).isCloseTo(28827.42 / 21024, within(0.00005));
    assertThat(result.assumptions()).contains("peak/mean 8, 12 h/day, floor 1 replica(s)");

    profile.setMinReplicas(null);
    profile.setScaleToZero(true);
    // Scale to zero: only the control plane idles.
    assertThat(costs.compute(spec, List.of(m)).idleMonthlyUsd().get("a1")).isEqualByComparingTo("73");
  }

  @Test
  void gpusPerNodeFromTheSpecTakesEffectForTypesTheCatalogLacks() {
    PlatformPricingSpec pins = new PlatformPricingSpec();
    pins.setInstanceHourlyUSD("4");
    // x9.4xlarge is in no catalog: without nodes.gpusPerNode its node count is unknown.
    var unknown = new BenchmarkCosts.PlatformFacts("x9.4xlarge", 4, 1, pins, false, Optional.empty(), List.of());
    var known = new BenchmarkCosts.PlatformFacts("x9.4xlarge", 4, 1, pins, false, Optional.of(4), List.of());
    var result = costs.compute(new CostSpec(), List.of(
        new BenchmarkCosts.Measured("unknown", true, Optional.of(unknown), null, 2.0, 800, 200),
        new BenchmarkCosts.Measured("known", true, Optional.of(known), null, 2.0, 800, 200)));
    assertThat(result.notes().get("unknown")).contains("nodes.gpusPerNode");
    // 4 GPUs per node at TP 1: the 4 replicas share one node, $4 x 730 + 73 = 2,993.
    assertThat(result.idleMonthlyUsd().get("known")).isEqualByComparingTo("2993");
  }

  @Test
  void spotCarriesTheNoteThatCapacityCanVanishAndReservedNeedsItsRate() {
    CostSpec spot = new CostSpec();
    spot.setInstancePricing(CostSpec.InstancePricing.Spot);
    var result = costs.compute(spot, List.of(PLATFORM));
    // 0.65 x 1.212 = 0.7878/h x 730 + 73 = 648.094 for 5,256M tokens.
    assertThat(Double.parseDouble(result.costPerMillionTokensUsd().get("a1"))).isCloseTo(648.094 / 5256, within(0.00005));
    assertThat(result.notes().get("a1")).contains("reclaimed at two minutes' notice");

    CostSpec reserved = new CostSpec();
    reserved.setInstancePricing(CostSpec.InstancePricing.Reserved);
    assertThat(costs.compute(reserved, List.of(PLATFORM)).notes().get("a1")).contains("ec2-reserved/g5.2xlarge");
    PriceOverride rate = new PriceOverride();
    rate.setKey("ec2-reserved/g5.2xlarge");
    rate.setUsd("0.75");
    reserved.setPrices(List.of(rate));
    // 0.75 x 730 + 73 = 620.5.
    assertThat(costs.compute(reserved, List.of(PLATFORM)).idleMonthlyUsd().get("a1")).isEqualByComparingTo("620.5");
  }

  @Test
  void cacheWritesArePricedAtTheirOwnRateAndTheSavingIsReported() {
    var sonnet = new BenchmarkCosts.Measured("sonnet", false, Optional.empty(), "anthropic.claude-3-5-sonnet-20240620-v1:0",
        10.0, 800, 200, Optional.of(new BenchmarkCosts.BedrockBilling(BedrockTarget.Pricing.OnDemand, Optional.empty(), 0.5, 0.1)));
    var result = costs.compute(new CostSpec(), List.of(sonnet));
    // Input $3, cache read 0.3 (0.10x), cache write 3.75 (1.25x), output $15.
    // 0.8 x (0.4 x 3 + 0.5 x 0.3 + 0.1 x 3.75) + 0.2 x 15 = 0.8 x 1.725 + 3 = 4.38 per 1M.
    assertThat(result.costPerMillionTokensUsd().get("sonnet")).isEqualTo("4.38");
    // 10 req/s x 1,000 tokens x 2,628,000 s = 26,280M tokens: 115,106.40 with caching, 141,912.00 without.
    CachingSaving saving = result.cachingSavings().get("sonnet");
    assertThat(saving.getWithCachingMonthlyUSD()).isEqualTo("115106.40");
    assertThat(saving.getWithoutCachingMonthlyUSD()).isEqualTo("141912.00");
    assertThat(saving.getSavingMonthlyUSD()).isEqualTo("26805.60");
    assertThat(saving.getCacheWriteShare()).isEqualTo(0.1);
  }

  @Test
  void agentCoreIsPricedFromSessionSecondsPlusTheModelsTokens() {
    // 10 s mean session, 1 vCPU active all of it, 2 GB: (10 x 0.0895 + 2 x 10 x 0.00945) / 3600 =
    // 1.084 / 3600 = $0.000301111 per request of 1,000 tokens: $0.301111 per 1M; Claude 3 Haiku
    // 0.8 x 0.25 + 0.2 x 1.25 = $0.45 per 1M. Total $0.7511 per 1M, nothing idle.
    var agent = new BenchmarkCosts.Measured("baseline", false, Optional.empty(), null, 5.0, 800, 200, Optional.empty(),
        Optional.empty(), Optional.of(new BenchmarkCosts.AgentCoreFacts("anthropic.claude-3-haiku-20240307-v1:0", 1, 2, 1.0,
            10, "assumed 1 vCPU, 2 GB")));
    var result = costs.compute(new CostSpec(), List.of(agent, PLATFORM));
    assertThat(result.costPerMillionTokensUsd().get("baseline")).isEqualTo("0.7511");
    assertThat(result.idleMonthlyUsd().get("baseline")).isEqualByComparingTo("0");
    assertThat(result.notes().get("baseline")).contains("per second of the measured mean session (10 s)").contains("assumed 1 vCPU");
    assertThat(result.curves()).containsKey("baseline");
    // Baseline now takes part in the crossover: 957.76 / 0.7511e-6 = 1,275M tokens/month.
    assertThat(result.breakEven()).extracting(BreakEvenPoint::getManaged).contains("baseline");

    var noModel = new BenchmarkCosts.Measured("nomodel", false, Optional.empty(), null, 5.0, 800, 200, Optional.empty(),
        Optional.empty(), Optional.of(new BenchmarkCosts.AgentCoreFacts(null, 1, 2, 1.0, 10, "")));
    assertThat(costs.compute(new CostSpec(), List.of(noModel)).notes().get("nomodel")).contains("agentCore.modelId");
  }

  @Test
  void theBreakEvenIsABandFromTheCapacitysUncertainty() {
    // 0.55 req/s of 1,000 tokens met the SLO on one g5.2xlarge: 550 tok/s, 1,445.4M tokens/month per replica.
    // Bedrock Llama 3.1 70B at $0.72 per 1M meets the one-replica cost 957.76 at 1,330.2M tokens/month.
    // Capacity 600 tok/s (1,576.8M per replica): the same 1,330.2M. Capacity 500 tok/s (1,314M per
    // replica): the first replica is full before, so Bedrock meets two replicas' 1,842.52 at 2,559.1M.
    var platform = new BenchmarkCosts.Measured("a1", true, PLATFORM.platform(), null, 0.55, 800, 200, Optional.empty(),
        Optional.of(new BenchmarkCosts.CapacityRange(0.5, 0.6, "test")), Optional.empty());
    var bedrock = new BenchmarkCosts.Measured("llama70b", false, Optional.empty(), "meta.llama3-1-70b-instruct-v1:0",
        5.0, 800, 200);
    var result = costs.compute(new CostSpec(), List.of(platform, bedrock));
    BreakEvenPoint first = result.breakEven().getFirst();
    assertThat(Long.parseLong(first.getTokensPerMonth())).isCloseTo(1_330_222_222L, within(2L));
    assertThat(Long.parseLong(first.getTokensPerMonthLow())).isCloseTo(1_330_222_222L, within(2L));
    assertThat(Long.parseLong(first.getTokensPerMonthHigh())).isCloseTo(2_559_055_556L, within(2L));
    // As req/s: / 2,628,000 s / 1,000 tokens.
    assertThat(first.getRequestsPerSecondHigh()).isCloseTo(0.97376, within(0.00001));
    // 2,559 / 1,330 = 1.92: narrow enough to decide.
    assertThat(first.getBand()).doesNotContain("too wide");
    assertThat(BenchmarkCosts.compactBand(result.breakEven())).hasValue("1.33B-2.56B tok/mo");

    // Capacity down to 450 tok/s: one replica costs more per token than Bedrock, the curves never cross.
    var uncertain = new BenchmarkCosts.Measured("a1", true, PLATFORM.platform(), null, 0.55, 800, 200, Optional.empty(),
        Optional.of(new BenchmarkCosts.CapacityRange(0.45, 0.6, "test")), Optional.empty());
    var wide = costs.compute(new CostSpec(), List.of(uncertain, bedrock));
    assertThat(wide.breakEven().getFirst().getBand()).contains("too uncertain to decide");
    assertThat(wide.recommendation()).hasValueSatisfying(r -> assertThat(r).contains("too uncertain to decide"));
    assertThat(BenchmarkCosts.compactBand(wide.breakEven())).hasValue("open (too uncertain)");
  }

  @Test
  void theCapacityRangeRunsFromTheSloLevelsErrorToTheNextLevel() {
    LevelResult at10 = level("concurrency 10", 400, 4.0, true);
    LevelResult at50 = level("concurrency 50", 900, 9.0, false);
    var range = CostInputs.capacityRange(at10, List.of(at10, at50)).orElseThrow();
    // 400 requests: 1.96 / sqrt(400) = 9.8% below 4 req/s = 3.608; the next level's 9 req/s above.
    assertThat(range.lowRequestsPerSecond()).isCloseTo(3.608, within(1e-9));
    assertThat(range.highRequestsPerSecond()).isEqualTo(9.0);
    var top = CostInputs.capacityRange(at10, List.of(at10)).orElseThrow();
    assertThat(top.highRequestsPerSecond()).isCloseTo(4.392, within(1e-9));
    assertThat(top.basis()).contains("no higher level bounds it");
  }

  private static LevelResult level(String label, long requests, double rps, boolean meets) {
    LevelResult r = new LevelResult();
    r.setLevel(label);
    r.setState("Succeeded");
    r.setRequests(requests);
    r.setErrorRate(0.0);
    r.setRequestsPerSecond(rps);
    r.setMeetsSlo(meets);
    return r;
  }

  @Test
  void agentCoreSessionSizeFromTheSpecOrStatedAssumptions() {
    AgentCoreTarget spec = new AgentCoreTarget();
    spec.setModelId("anthropic.claude-3-haiku-20240307-v1:0");
    LevelResult basis = level("concurrency 1", 100, 1, true);
    basis.setE2eMeanMs(12_500.0);
    var assumed = CostInputs.agentCoreFacts(spec, basis);
    assertThat(assumed.meanSessionSeconds()).isEqualTo(12.5);
    assertThat(assumed.vcpus()).isEqualTo(1);
    assertThat(assumed.assumptions()).contains("assumed 1.0 vCPU, 2.0 GB, CPU active the whole session");
    spec.setSessionVcpus(2.0);
    spec.setSessionMemoryGB(4.0);
    spec.setActiveCpuShare(0.25);
    var given = CostInputs.agentCoreFacts(spec, basis);
    assertThat(given.vcpus()).isEqualTo(2);
    assertThat(given.memoryGb()).isEqualTo(4);
    assertThat(given.activeCpuShare()).isEqualTo(0.25);
    assertThat(given.assumptions()).isEmpty();
  }

  @Test
  void lineItemsForManagedTargetsAreAddedToTheirCurve() {
    CostSpec spec = new CostSpec();
    CostLineItem cloudwatch = new CostLineItem();
    cloudwatch.setName("CloudWatch");
    cloudwatch.setMonthlyUSD("50");
    cloudwatch.setAppliesTo(CostLineItem.AppliesTo.Managed);
    spec.setLineItems(List.of(cloudwatch));
    var result = costs.compute(spec, List.of(PLATFORM, BEDROCK));
    assertThat(result.idleMonthlyUsd().get("bedrock-llama8b")).isEqualByComparingTo("50");
    // Not on the self-managed side: 1.212 x 730 + 73.
    assertThat(result.idleMonthlyUsd().get("a1")).isEqualByComparingTo("957.76");
  }

  @Test
  void supportPodRatesArePinnedOrDerivedFromTheNamedCpuNode() {
    BenchmarkCosts.PlatformFacts facts = TargetResolver.withGateway(TargetResolver.facts(llmdPlatform()), liteLlm());
    var m = new BenchmarkCosts.Measured("b1", true, Optional.of(facts), null, 2.0, 800, 200);
    CostSpec spec = new CostSpec();
    PodPricingSpec pods = new PodPricingSpec();
    pods.setVcpuHourlyUSD("0.05");
    pods.setGibHourlyUSD("0.01");
    spec.setPodPricing(pods);
    // LiteLLM 1 vCPU + 1 GiB: (0.05 + 0.01) x 730 = 43.80; + 4 x 884.76 + 73 = 3,655.84.
    assertThat(costs.compute(spec, List.of(m)).fixedCosts().get("b1")).filteredOn(l -> l.item().contains("LiteLLM"))
        .singleElement().satisfies(l -> {
          assertThat(l.monthlyUsd()).isEqualByComparingTo("43.80");
          assertThat(l.source()).startsWith("Pinned (spec.cost.podPricing");
        });
    pods.setVcpuHourlyUSD(null);
    pods.setGibHourlyUSD(null);
    pods.setNodeInstanceType("m5.xlarge");
    // m5.xlarge $0.192, 4 vCPU, 16 GiB: $0.024/vCPU-h and $0.006/GiB-h again, from another node.
    assertThat(costs.compute(spec, List.of(m)).fixedCosts().get("b1")).filteredOn(l -> l.item().contains("LiteLLM"))
        .singleElement().satisfies(l -> assertThat(l.source()).startsWith("derived: half of m5.xlarge"));
    pods.setNodeInstanceType("z1.tiny");
    assertThat(costs.compute(spec, List.of(m)).notes().get("b1")).contains("z1.tiny").contains("vcpuHourlyUSD");
  }

  @Test
  void thePlatformsGpusPerNodeReachesTheCostModel() {
    InferencePlatform p = llmdPlatform();
    assertThat(TargetResolver.facts(p).gpusPerNode()).isEmpty();
    p.getSpec().getNodes().setGpusPerNode(4);
    assertThat(TargetResolver.facts(p).gpusPerNode()).hasValue(4);
    // The endpoint picker comes from the platform, the gateway pods from the profile in front of it.
    assertThat(TargetResolver.facts(p).supportPods()).extracting(SupportPod::name).containsExactly("llm-d endpoint picker");
    assertThat(TargetResolver.withGateway(TargetResolver.facts(p), liteLlm()).supportPods()).extracting(SupportPod::name)
        .containsExactly("LiteLLM gateway", "llm-d endpoint picker");
  }

  @Test
  void eachGatewayTypeIsPricedByItsOwnRequestsAndNativeRunsNoPod() {
    GatewayProfile bifrost = liteLlm();
    bifrost.getSpec().setType(GatewayProfileSpec.Type.Bifrost);
    bifrost.getSpec().setReplicas(2);
    // Bifrost renders 500m and 256Mi: 2 pods x (0.5 x 0.024 + 0.25 x 0.006) x 730 = 19.71.
    BenchmarkCosts.PlatformFacts facts = TargetResolver.withGateway(TargetResolver.facts(llmdPlatform()), bifrost);
    var result = costs.compute(new CostSpec(), List.of(new BenchmarkCosts.Measured("b2", true, Optional.of(facts), null,
        2.0, 800, 200)));
    assertThat(result.fixedCosts().get("b2")).filteredOn(l -> l.item().contains("Bifrost")).singleElement()
        .satisfies(l -> {
          assertThat(l.item()).isEqualTo("2 x Bifrost gateway pod (0.5 vCPU, 0.25 GiB requested)");
          assertThat(l.monthlyUsd()).isEqualByComparingTo("19.71");
        });
    GatewayProfile nativePath = liteLlm();
    nativePath.getSpec().setType(GatewayProfileSpec.Type.Native);
    assertThat(SupportPods.gateway(nativePath)).isEmpty();
  }

  @Test
  void theCapacityPrefixCacheRoutingBoughtIsPricedAgainstRoundRobin() {
    // Same model on 4 x g5.2xlarge: round robin met the SLO at 8 req/s (2,000 tok/s per replica),
    // llm-d at 12 req/s (3,000 per replica): 1.5x. Floor 1 replica, so only what is needed runs.
    var rr = new BenchmarkCosts.PlatformFacts("g5.2xlarge", 4, 1, null, false, Optional.empty(), List.of(), "m", false);
    var llmd = new BenchmarkCosts.PlatformFacts("g5.2xlarge", 4, 1, null, false, Optional.empty(), List.of(), "m", true);
    var other = new BenchmarkCosts.PlatformFacts("g5.2xlarge", 4, 1, null, false, Optional.empty(), List.of(), "other", false);
    CostSpec spec = new CostSpec();
    TrafficProfileSpec profile = new TrafficProfileSpec();
    profile.setMinReplicas(1);
    spec.setTrafficProfile(profile);
    var result = costs.compute(spec, List.of(
        new BenchmarkCosts.Measured("a1-rr", true, Optional.of(rr), null, 8.0, 800, 200),
        new BenchmarkCosts.Measured("b1-llmd", true, Optional.of(llmd), null, 12.0, 800, 200),
        new BenchmarkCosts.Measured("x-other-model", true, Optional.of(other), null, 4.0, 800, 200)));
    RoutingSaving saving = result.routingSavings().get("b1-llmd");
    assertThat(saving.getComparedWith()).isEqualTo("a1-rr");
    assertThat(saving.getCapacityRatio()).isCloseTo(1.5, within(1e-12));
    // At round robin's 8 req/s (21,024M tokens/month): 4 replicas, 4 x 884.76 + 73 = 3,612.04;
    // llm-d's 7,884M per replica needs 3: 2,727.28. Saved: one node, 884.76.
    assertThat(saving.getTokensPerMonth()).isEqualTo("21024000000");
    assertThat(saving.getMonthlyUSDSaved()).isEqualTo("884.76");
    assertThat(result.routingSavings()).containsOnlyKeys("b1-llmd");
  }

  @Test
  void agentCoreTokensFallBackToTheWorkloadsRequestedLengthsAndSaySo() {
    BenchmarkRun run = YAML.unmarshal("""
        apiVersion: crossover.dev/v1alpha1
        kind: BenchmarkRun
        metadata: {name: baseline, namespace: bench}
        spec:
          scenario: SimpleInference
          workload: {inputTokens: {mean: 500}, outputTokens: {mean: 1000}}
          targets:
            - name: agent
              agentCore:
                agentRuntimeArn: arn:aws:bedrock-agentcore:us-east-1:123456789012:runtime/agent-abc
                modelId: anthropic.claude-3-haiku-20240307-v1:0
          aws: {serviceAccountName: sa}
        """, BenchmarkRun.class);
    var target = new ResolvedBenchmarkTarget("agent", "AgentCore", "arn", null, null, false, Optional.empty(), null);
    LevelResult basis = level("concurrency 10", 400, 4.0, true);
    basis.setE2eMeanMs(8000.0);
    var m = CostInputs.measured(run, target, basis, Optional.of(basis), List.of(basis));
    assertThat(m.inputTokensPerRequest()).isEqualTo(500);
    assertThat(m.outputTokensPerRequest()).isEqualTo(1000);
    assertThat(m.agentCore()).hasValueSatisfying(a -> {
      assertThat(a.meanSessionSeconds()).isEqualTo(8);
      assertThat(a.assumptions()).contains("requested lengths: AgentCore reports no usage");
    });
    assertThat(costs.compute(new CostSpec(), List.of(m)).costPerMillionTokensUsd()).containsKey("agent");
  }
}
