package dev.crossover.cost;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.crossover.api.v1alpha1.CostSpec;
import dev.crossover.api.v1alpha1.PriceOverride;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

class CostModelsTest {

  static final PriceCatalog CATALOG = PriceCatalog.embedded();
  static final String HAIKU = "anthropic.claude-3-haiku-20240307-v1:0";
  static final String LLAMA_70B = "meta.llama3-1-70b-instruct-v1:0";
  static final String LLAMA_8B = "meta.llama3-1-8b-instruct-v1:0";

  static SelfManagedCost selfManaged(String name, PriceQuote node, double sloTokensPerSecond, int minReplicas, int hours) {
    return new SelfManagedCost(name, hours, node, 1, sloTokensPerSecond, 1.0, minReplicas,
        CATALOG.require(PriceKey.eks("standard")), List.of(), null, BigDecimal.ZERO);
  }

  static BigDecimal tokens(String t) {
    return new BigDecimal(t);
  }

  @Test
  void seed000FourG5TwoXlargeCost3539NotThe4800ItClaims() {
    // Seed 000: "GPU Instances (g5.2xlarge x4) ~$4,800"; FACTS.md: 4 x $1.212 x 730 h = $3,539.04.
    SelfManagedCost fourNodes = selfManaged("a1-litellm", CATALOG.instanceHourly("g5.2xlarge", CostSpec.InstancePricing.OnDemand),
        800, 4, 730);

    List<CostLine> lines = fourNodes.breakdown(BigDecimal.ZERO);
    assertThat(lines.get(0).item()).isEqualTo("4 x g5.2xlarge (ec2), 4 replica slot(s)");
    assertThat(lines.get(0).monthlyUsd()).isEqualByComparingTo("3539.04");
    assertThat(lines.get(0).monthlyUsd()).isLessThan(new BigDecimal("4800"));
    assertThat(lines.get(0).source()).contains("factualminds.com");
    // Seed 000's "EKS Cluster $73" is right: 0.10 x 730 = 73.00.
    assertThat(lines.get(1).monthlyUsd()).isEqualByComparingTo("73.00");
    // Idle, the four GPUs and the control plane are all paid: 3,539.04 + 73 = 3,612.04.
    assertThat(fourNodes.monthlyUsd(BigDecimal.ZERO)).isEqualByComparingTo("3612.04");
  }

  @Test
  void selfManagedIsAStepFunctionOfTrafficWithPodsAndOperations() {
    // One replica at 1,000 tok/s serves 1000 x 730 x 3600 = 2,628,000,000 tokens/month.
    // Fixed: EKS 73 + pods + FTE 5,000. Pods: gateway 2 x (0.5 vCPU x 0.04 + 1 GiB x 0.005) = 0.05/h,
    // EPP 1 x (0.25 x 0.04 + 0.5 x 0.005) = 0.0125/h -> 0.0625 x 730 = 45.625.
    // Per replica: 1.212 x 730 = 884.76.
    SelfManagedCost cost = new SelfManagedCost("b2-bifrost-llmd", 730,
        CATALOG.require(PriceKey.ec2OnDemand("g5.2xlarge")), 1, 1000, 1.0, 1,
        CATALOG.require(PriceKey.eks("standard")),
        List.of(new SupportPod("bifrost", 2, new BigDecimal("0.5"), new BigDecimal("1")),
            new SupportPod("epp", 1, new BigDecimal("0.25"), new BigDecimal("0.5"))),
        new PodResourceRates(new BigDecimal("0.04"), new BigDecimal("0.005"), "test rates"),
        new BigDecimal("5000"));

    assertThat(cost.tokensPerMonthPerReplica()).isEqualByComparingTo("2628000000");
    assertThat(cost.fixedMonthlyUsd()).isEqualByComparingTo("5118.625");        // 73 + 45.625 + 5000
    assertThat(cost.monthlyUsd(BigDecimal.ZERO)).isEqualByComparingTo("6003.385");      // + 884.76: one idle replica
    assertThat(cost.monthlyUsd(tokens("2628000000"))).isEqualByComparingTo("6003.385"); // exactly one replica's worth
    assertThat(cost.monthlyUsd(tokens("2628000001"))).isEqualByComparingTo("6888.145"); // one token more: a second node
    assertThat(cost.replicas(tokens("26280000000"))).isEqualTo(10);
    assertThat(cost.breakdown(tokens("2628000001"))).extracting(CostLine::item)
        .containsExactly("2 x g5.2xlarge (ec2), 2 replica slot(s)", "EKS control plane (standard)",
            "2 x bifrost pod (0.5 vCPU, 1 GiB requested)", "1 x epp pod (0.25 vCPU, 0.5 GiB requested)",
            "operations (FTE share)");
  }

  @Test
  void peakToMeanSizesTheFleetForThePeak() {
    // Peak 8x the mean (seed 002's 8:1): one replica absorbs 2,628,000,000 / 8 = 328,500,000 tokens/month of mean traffic.
    SelfManagedCost cost = new SelfManagedCost("peaky", 730, CATALOG.require(PriceKey.ec2OnDemand("g5.2xlarge")), 1,
        1000, 8.0, 1, CATALOG.require(PriceKey.eks("standard")), List.of(), null, BigDecimal.ZERO);
    assertThat(cost.tokensPerMonthPerReplica()).isEqualByComparingTo("328500000");
    assertThat(cost.replicas(tokens("328500001"))).isEqualTo(2);
  }

  private static SelfManagedCost fleet(String instance, double tokPerSecPerReplica, double peakToMean, int minReplicas,
      int replicasPerNode, double hoursPerDay, List<CostLine> items) {
    return new SelfManagedCost("fleet", 730, CATALOG.require(PriceKey.ec2OnDemand(instance)), 1, tokPerSecPerReplica,
        peakToMean, minReplicas, CATALOG.require(PriceKey.eks("standard")), List.of(), null, BigDecimal.ZERO,
        replicasPerNode, hoursPerDay, items);
  }

  @Test
  void hoursOfOperationRunTheFleetForThePeakOnlyThenKeepTheFloor() {
    // 12 h/day of 730: 365 h on, 365 h off. Peak 2x mean. One g5.2xlarge replica at 1,000 tok/s
    // absorbs 1000 x 365 x 3600 / 2 = 657,000,000 tokens/month of mean traffic.
    SelfManagedCost cost = fleet("g5.2xlarge", 1000, 2.0, 1, 1, 12, List.of());
    assertThat(cost.operatingHours()).isEqualByComparingTo("365");
    assertThat(cost.tokensPerMonthPerGroup()).isEqualByComparingTo("657000000");
    // Idle: the floor all month, 1.212 x 730 = 884.76, + EKS 73.
    assertThat(cost.idleMonthlyUsd()).isEqualByComparingTo("957.76");
    assertThat(cost.monthlyUsd(tokens("657000000"))).isEqualByComparingTo("957.76");
    // One token more: a second node for the 365 operating hours only: + 1.212 x 365 = 442.38.
    assertThat(cost.monthlyUsd(tokens("657000001"))).isEqualByComparingTo("1400.14");
    assertThat(cost.breakdown(tokens("657000001")).getFirst().item()).isEqualTo("2 x g5.2xlarge (ec2), 2 replica slot(s), 12 h/day (1 outside them)");
    assertThat(cost.breakdown(tokens("657000001")).getFirst().monthlyUsd()).isEqualByComparingTo("1327.14");
  }

  @Test
  void scaleToZeroLeavesOnlyTheFixedCostsIdleAndAFirstNodeWithTraffic() {
    SelfManagedCost cost = fleet("g5.2xlarge", 1000, 1.0, 0, 1, 24, List.of(new CostLine("Langfuse (self-hosted)",
        new BigDecimal("100"), "spec.cost.lineItems")));
    // Idle: EKS 73 + Langfuse 100, no GPU node.
    assertThat(cost.idleMonthlyUsd()).isEqualByComparingTo("173");
    assertThat(cost.breakdown(BigDecimal.ZERO)).extracting(CostLine::item).containsExactly(
        "0 x g5.2xlarge (ec2), 0 replica slot(s)", "EKS control plane (standard)", "Langfuse (self-hosted)");
    // Any traffic: one node all month, 173 + 884.76.
    assertThat(cost.monthlyUsd(BigDecimal.ONE)).isEqualByComparingTo("1057.76");
    assertThat(cost.pieces(tokens("1e9")).getFirst().fixedUsd()).isEqualByComparingTo("1057.76");
  }

  @Test
  void aFourGpuNodeHoldsFourReplicasAtTensorParallelOne() {
    // g5.12xlarge (4x A10G, $5.672/h), TP 1: 4 replicas per node, one node group = 4 x 500 tok/s =
    // 2,000 tok/s x 2,628,000 s = 5,256,000,000 tokens/month.
    SelfManagedCost four = fleet("g5.12xlarge", 500, 1.0, 4, 4, 24, List.of());
    assertThat(four.floorGroups()).isEqualTo(1);
    assertThat(four.tokensPerMonthPerGroup()).isEqualByComparingTo("5256000000");
    // Idle: one node 5.672 x 730 = 4,140.56 + EKS 73.
    assertThat(four.idleMonthlyUsd()).isEqualByComparingTo("4213.56");
    assertThat(four.replicas(tokens("5256000001"))).isEqualTo(8);
    // A floor of 5 replicas needs a second node.
    assertThat(fleet("g5.12xlarge", 500, 1.0, 5, 4, 24, List.of()).idleMonthlyUsd()).isEqualByComparingTo("8354.12");
  }

  @Test
  void lineItemsShiftAManagedCurveWithoutChangingItsSlope() {
    CostCurve bedrock = BedrockTokenCost.onDemand("b", CATALOG.bedrockTokenPrices(LLAMA_8B), 0.8);
    CostCurve withLangfuse = WithFixedCosts.of(bedrock, List.of(new CostLine("CloudWatch", new BigDecimal("30"), "spec")));
    assertThat(withLangfuse.idleMonthlyUsd()).isEqualByComparingTo("30");
    // 1e9 tokens x $0.22/M = 220, + 30.
    assertThat(withLangfuse.monthlyUsd(tokens("1e9"))).isEqualByComparingTo("250");
    assertThat(WithFixedCosts.of(bedrock, List.of())).isSameAs(bedrock);
  }

  @Test
  void adrHaikuSeventyThirtyMixIs55CentsPerMillionTokens() {
    // Seed 002: 0.7 x $0.25 + 0.3 x $1.25 = 0.175 + 0.375 = $0.55/1M = $0.00055/1K tokens.
    BedrockTokenCost haiku = BedrockTokenCost.onDemand("bedrock-haiku", CATALOG.bedrockTokenPrices(HAIKU), 0.7);

    assertThat(haiku.usdPerMillionTokens()).isEqualByComparingTo("0.55");
    assertThat(haiku.usdPerMillionTokens().divide(BigDecimal.valueOf(1000))).isEqualByComparingTo("0.00055");
    assertThat(haiku.monthlyUsd(tokens("1e9"))).isEqualByComparingTo("550");    // ADR: ~$550 at 1B
    assertThat(haiku.monthlyUsd(tokens("1e10"))).isEqualByComparingTo("5500");  // ADR: ~$5,500 at 10B
    assertThat(haiku.monthlyUsd(tokens("5e8"))).isEqualByComparingTo("275");    // ADR table: ~$275 at 500M
    assertThat(haiku.monthlyUsd(BigDecimal.ZERO)).isEqualByComparingTo("0");
  }

  @Test
  void promptCachingAndBatchChangeTheBlendedPrice() {
    // Haiku, 70% input; of the input, 50% read from cache (0.025), 10% written (0.3125), 40% plain (0.25):
    // input = 0.4 x 0.25 + 0.5 x 0.025 + 0.1 x 0.3125 = 0.1 + 0.0125 + 0.03125 = 0.14375
    // blended = 0.7 x 0.14375 + 0.3 x 1.25 = 0.100625 + 0.375 = 0.475625 per 1M.
    BedrockTokenCost cached = new BedrockTokenCost("haiku-cached", CATALOG.bedrockTokenPrices(HAIKU), 0.7, 0.5, 0.1, false);
    assertThat(cached.usdPerMillionTokens()).isEqualByComparingTo("0.475625");

    // Batch: Llama 3.1 70B $0.72/$0.72 -> 0.72 x 0.5 = 0.36 per 1M, whatever the mix.
    BedrockTokenCost batch = new BedrockTokenCost("llama70b-batch", CATALOG.bedrockTokenPrices(LLAMA_70B), 0.7, 0, 0, true);
    assertThat(batch.usdPerMillionTokens()).isEqualByComparingTo("0.36");

    assertThatThrownBy(() -> new BedrockTokenCost("x", CATALOG.bedrockTokenPrices(HAIKU), 0.7, 0.5, 0, true))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new BedrockTokenCost("x", CATALOG.bedrockTokenPrices(HAIKU), 0.7, 0.8, 0.3, false))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void adrG5TwelveXlargeMonthlyFigureAssumed720HoursNot730() {
    // Seed 002: "g5.12xlarge on-demand: ~$5.67/hour -> ~$4,082/month (730h)".
    PriceQuote adrPrice = PriceQuote.pinned(PriceKey.ec2OnDemand("g5.12xlarge"), new BigDecimal("5.67"), "seed 002");
    // 5.67 x 730 = 4,139.10: the ADR's $4,082 is 5.67 x 720 = 4,082.40.
    assertThat(selfManaged("vllm", adrPrice, 2000, 1, 730).monthlyUsdPerReplica()).isEqualByComparingTo("4139.10");
    assertThat(selfManaged("vllm", adrPrice, 2000, 1, 720).monthlyUsdPerReplica()).isEqualByComparingTo("4082.40");
    // With FACTS.md's $5.672/h: 5.672 x 730 = 4,140.56.
    assertThat(selfManaged("vllm", CATALOG.require(PriceKey.ec2OnDemand("g5.12xlarge")), 2000, 1, 730).monthlyUsdPerReplica())
        .isEqualByComparingTo("4140.56");
  }

  @Test
  void adrTokensPerInstanceMatch70PercentUtilisationNot60() {
    // Seed 002: "At 2,000 tokens/s with 60% utilization: ~3.7 B tokens/month per instance".
    // 2000 x 0.6 x 730 x 3600 = 3,153,600,000 (3.15B); 3.7B needs 70%: 2000 x 0.7 x 730 x 3600 = 3,679,200,000.
    TrafficUnits month = new TrafficUnits(730, 1000);
    assertThat(month.tokensPerMonthAt(2000 * 0.6)).isEqualByComparingTo("3153600000");
    assertThat(month.tokensPerMonthAt(2000 * 0.7)).isEqualByComparingTo("3679200000");
  }

  @Test
  void provisionedThroughputIsFlat() {
    // 2 model units x $39.60 (pinned: FACTS.md has no PT price) x 730 h = 57,816.00, at any traffic.
    PriceCatalog pinned = CATALOG.withPins(List.of(pinned("bedrock-pt/" + HAIKU, "39.60")));
    ProvisionedThroughputCost pt = new ProvisionedThroughputCost("haiku-pt",
        pinned.require(PriceKey.bedrockProvisionedThroughput(HAIKU)), 2, 730);
    assertThat(pt.monthlyUsd(BigDecimal.ZERO)).isEqualByComparingTo("57816.00");
    assertThat(pt.monthlyUsd(tokens("1e11"))).isEqualByComparingTo("57816.00");
    assertThatThrownBy(() -> new ProvisionedThroughputCost("wrong-unit", CATALOG.require(PriceKey.ec2OnDemand("g5.2xlarge")), 2, 730))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void customModelImportBillsWholeFiveMinuteWindowsIncludingTheIdleHour() {
    // 30 busy periods a month of 7 minutes each; a copy stays loaded 7 + 60 idle = 67 minutes,
    // billed as 14 windows of 5 = 70 minutes; 30 x 70 = 2,100 minutes.
    // Llama 3.1 8B: 2 CMUs x $0.0785 x 2,100 = $329.70 per copy.
    CustomModelImportCost cmi = new CustomModelImportCost("llama8b-cmi", CATALOG.require(PriceKey.CMI_PER_CMU_MINUTE), 2,
        1000, 30, 7, 730);
    assertThat(cmi.billedMinutesPerCopy()).isEqualTo(2100);
    assertThat(cmi.monthlyUsdPerCopy()).isEqualByComparingTo("329.70");

    // A copy serves 1,000 tok/s x 30 x 7 x 60 s = 12,600,000 tokens in the busy time.
    assertThat(cmi.tokensPerMonthPerCopy()).isEqualByComparingTo("12600000");
    assertThat(cmi.monthlyUsd(BigDecimal.ZERO)).isEqualByComparingTo("0");            // never loaded
    assertThat(cmi.monthlyUsd(BigDecimal.ONE)).isEqualByComparingTo("329.70");        // one copy
    assertThat(cmi.monthlyUsd(tokens("12600000"))).isEqualByComparingTo("329.70");
    assertThat(cmi.monthlyUsd(tokens("12600001"))).isEqualByComparingTo("659.40");    // a second copy

    // 10 busy minutes + 60 = 70: already whole windows, no rounding.
    assertThat(new CustomModelImportCost("x", CATALOG.require(PriceKey.CMI_PER_CMU_MINUTE), 2, 1000, 30, 10, 730)
        .billedMinutesPerCopy()).isEqualTo(2100);
    // 600 periods of 60 min + 60 idle = 72,000 minutes > 730 x 60 = 43,800: never evicted, always on.
    assertThat(new CustomModelImportCost("x", CATALOG.require(PriceKey.CMI_PER_CMU_MINUTE), 2, 1000, 600, 60, 730)
        .billedMinutesPerCopy()).isEqualTo(43800);
  }

  @Test
  void agentCoreRuntimeChargesActiveSecondsPlusModelTokens() {
    // 1B model tokens at 1,000 tokens per request = 1,000,000 requests.
    // vCPU: 1 vCPU x 1.8 s = 0.0005 vCPU-h x $0.0895 = $0.00004475/request -> $44.75
    // memory: 2 GB x 36 s = 0.02 GB-h x $0.00945 = $0.000189/request -> $189.00
    // model: Llama 3.1 8B $0.22/1M x 1,000M = $220.00. Total $453.75.
    BedrockTokenCost model = BedrockTokenCost.onDemand("llama8b", CATALOG.bedrockTokenPrices(LLAMA_8B), 0.7);
    AgentCoreRuntimeCost agent = new AgentCoreRuntimeCost("agentcore", CATALOG.require(PriceKey.AGENTCORE_VCPU_HOUR),
        CATALOG.require(PriceKey.AGENTCORE_GB_HOUR), 1, 2, 1.8, 36, 1000, model);

    assertThat(agent.runtimeUsdPerRequest()).isEqualByComparingTo("0.00023375");
    assertThat(agent.monthlyUsd(tokens("1e9"))).isEqualByComparingTo("453.75");
    assertThat(agent.monthlyUsd(BigDecimal.ZERO)).isEqualByComparingTo("0");
  }

  private static PriceOverride pinned(String key, String usd) {
    PriceOverride o = new PriceOverride();
    o.setKey(key);
    o.setUsd(usd);
    return o;
  }
}
