package dev.crossover.cost;

import static dev.crossover.cost.CostModelsTest.CATALOG;
import static dev.crossover.cost.CostModelsTest.HAIKU;
import static dev.crossover.cost.CostModelsTest.LLAMA_70B;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.crossover.api.v1alpha1.BreakEvenPoint;
import dev.crossover.api.v1alpha1.CostSpec;
import java.math.BigDecimal;
import java.math.MathContext;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class BreakEvenSolverTest {

  private static final TrafficUnits MONTH_730 = new TrafficUnits(730, 1000);
  /** The ADR compares instance cost with API cost only, so its cross-check leaves the control plane out. */
  private static final PriceQuote NO_CONTROL_PLANE = PriceQuote.pinned(PriceKey.eks("standard"), BigDecimal.ZERO,
      "seed 002 compares instance cost only");
  /** Seed 002: g5.12xlarge ~$5.67/h with a 1-year Reserved Instance ~40% discount: 5.67 x 0.6 = 3.402. */
  private static final PriceQuote ADR_RESERVED_G5_12XL = PriceQuote.pinned(PriceKey.ec2OnDemand("g5.12xlarge"),
      new BigDecimal("3.402"), "seed 002: $5.67/h less ~40% (1-year reserved)");

  private static BedrockTokenCost linear(String name, String usdPerMillion) {
    PriceQuote price = PriceQuote.pinned(PriceKey.bedrockInput("test.model-v1:0"), new BigDecimal(usdPerMillion), "test");
    return BedrockTokenCost.onDemand(name, new BedrockTokenPrices(price, price, price, price), 0.5);
  }

  private static SelfManagedCost steps(String name, PriceQuote node, PriceQuote controlPlane, double sloTokensPerSecond,
      int minReplicas, int hours) {
    return new SelfManagedCost(name, hours, node, 1, sloTokensPerSecond, 1.0, minReplicas, controlPlane, List.of(), null,
        BigDecimal.ZERO);
  }

  private static BedrockTokenCost haiku() {
    return BedrockTokenCost.onDemand("bedrock-haiku", CATALOG.bedrockTokenPrices(HAIKU), 0.7);  // $0.55/1M
  }

  @Test
  void findsANarrowStepCrossingThatSamplingMisses() {
    // 500-hour month. Self-managed: node $2/h x 500 = $1,000 per replica, EKS $0.10 x 500 = $50;
    // one replica serves 1,000 tok/s x 500 x 3600 = 1.8B tokens/month; so $1,050 up to 1.8B, then $2,050.
    // Managed: $0.5834/1M, a line that passes $1,050 at 1,050 / 0.5834e-6 = 1,799,794,309.22 tokens,
    // just below the 1.8B step (where it costs 0.5834 x 1,800 = $1,050.12). Self-managed is cheaper
    // only on a window 205,691 tokens wide out of 2 billion.
    PriceQuote node = PriceQuote.pinned(PriceKey.ec2OnDemand("g5.2xlarge"), new BigDecimal("2"), "test");
    SelfManagedCost self = steps("self", node, CATALOG.require(PriceKey.eks("standard")), 1000, 1, 500);
    BedrockTokenCost managed = linear("managed", "0.5834");
    TrafficUnits month = new TrafficUnits(500, 1000);
    BigDecimal upTo = new BigDecimal("2e9");

    BreakEvenAnalysis analysis = BreakEvenSolver.solve(self, managed, upTo, month);

    assertThat(analysis.crossings()).hasSize(2);
    Crossing enter = analysis.crossings().get(0);
    assertThat(enter.kind()).isEqualTo(Crossing.Kind.CONTINUOUS);
    assertThat(enter.tokensPerMonth()).isCloseTo(new BigDecimal("1799794309.22"), within(new BigDecimal("0.01")));
    assertThat(enter.monthlyUsd()).isCloseTo(new BigDecimal("1050"), within(new BigDecimal("1e-20")));
    assertThat(self.monthlyUsd(enter.tokensPerMonth()))
        .isCloseTo(managed.monthlyUsd(enter.tokensPerMonth()), within(new BigDecimal("1e-20")));
    assertThat(enter.cheaperBelow()).isEqualTo("managed");
    assertThat(enter.cheaperAbove()).isEqualTo("self");
    Crossing leave = analysis.crossings().get(1);
    assertThat(leave.kind()).isEqualTo(Crossing.Kind.STEP);
    assertThat(leave.tokensPerMonth()).isEqualByComparingTo("1.8e9");
    assertThat(leave.monthlyUsd()).as("the line's cost where the step jumps over it").isEqualByComparingTo("1050.12");
    assertThat(leave.cheaperAbove()).isEqualTo("managed");
    // In the window self-managed saves at most 0.5834 x 1,800 - 1,050 = $0.12.
    assertThat(analysis.bands().get(1).largestMonthlySavingUsd()).isEqualByComparingTo("0.12");

    // The same curves sampled at 1,000 log-spaced traffic levels from 1M to 2B tokens/month: managed
    // is cheaper at every sample, so a sampling solver would report no break-even at all.
    List<BigDecimal> samples = IntStream.range(0, 1000)
        .mapToObj(i -> new BigDecimal(1e6 * Math.pow(2000, i / 999.0), MathContext.DECIMAL64)).toList();
    assertThat(samples).allMatch(t -> managed.monthlyUsd(t).compareTo(self.monthlyUsd(t)) < 0);
  }

  @Test
  void aCurveTouchingAStepWithoutCrossingIsNoBreakEven() {
    // Replica $1.8 x 500 = $900, no control plane, 1.8B tokens per replica; managed $0.5/1M reaches
    // $900 exactly at 1.8B, where self-managed then jumps to $1,800: equal at one point, never cheaper.
    PriceQuote node = PriceQuote.pinned(PriceKey.ec2OnDemand("g5.2xlarge"), new BigDecimal("1.8"), "test");
    SelfManagedCost self = steps("self", node, NO_CONTROL_PLANE, 1000, 1, 500);

    BreakEvenAnalysis analysis = BreakEvenSolver.solve(self, linear("managed", "0.5"), new BigDecimal("1e10"),
        new TrafficUnits(500, 1000));

    assertThat(analysis.crossings()).isEmpty();
    assertThat(analysis.bands()).singleElement().satisfies(b -> assertThat(b.cheaper()).isEqualTo("managed"));
  }

  @Test
  void adrHaikuVersusReservedG5TwelveXlargeNeverCrossesAtTheAdrsOwnThroughput() {
    // Reserved g5.12xlarge: 3.402 x 730 = $2,483.46/month. At the ADR's 3.7B tokens/month per instance
    // (2,000 tok/s at 70% = 1,400 tok/s -> 3,679,200,000 tokens) a full instance costs
    // 2,483.46 / 3,679.2M = $0.675/1M, above Haiku's $0.55: Haiku stays cheaper at every volume,
    // which is the ADR's own "approximate parity", not a break-even.
    SelfManagedCost vllm = steps("vllm-g5.12xl-reserved", ADR_RESERVED_G5_12XL, NO_CONTROL_PLANE, 1400, 1, 730);

    BreakEvenAnalysis analysis = BreakEvenSolver.solve(vllm, haiku(), new BigDecimal("1e11"), MONTH_730);

    assertThat(analysis.crossings()).isEmpty();
    assertThat(analysis.recommendation())
        .startsWith("Up to 100B tokens/month bedrock-haiku is always cheaper than vllm-g5.12xl-reserved");
  }

  @Test
  void adrBreakEvenNeedsEightySixPercentOfTwoThousandTokensPerSecond() {
    // Haiku reaches one reserved instance's $2,483.46 at 2,483.46 / 0.55e-6 = 4,515,381,818 tokens/month
    // (the ADR's "3-5B per instance"), but only if one instance serves that much:
    // 4,515,381,818 / (730 x 3600) = 1,718.18 tok/s sustained, 86% of the ADR's 2,000 tok/s.
    assertThat(BreakEvenSolver.solve(steps("v", ADR_RESERVED_G5_12XL, NO_CONTROL_PLANE, 1718, 1, 730), haiku(),
        new BigDecimal("1e11"), MONTH_730).crossings()).isEmpty();
    assertThat(BreakEvenSolver.solve(steps("v", ADR_RESERVED_G5_12XL, NO_CONTROL_PLANE, 1719, 1, 730), haiku(),
        new BigDecimal("1e11"), MONTH_730).crossings()).isNotEmpty();
  }

  @Test
  void adrBreakEvenAtFullThroughputIsASawtooth() {
    // At the full 2,000 tok/s one instance serves 2000 x 730 x 3600 = 5,256,000,000 tokens/month.
    //   c1 = 2,483.46 / 0.55e-6 = 4,515,381,818.18  self-managed cheaper above (continuous)
    //   c2 = 5,256,000,000: a second instance ($4,966.92) jumps over Haiku's 0.55 x 5,256 = $2,890.80
    //   c3 = 4,966.92 / 0.55e-6 = 9,030,763,636.36  self-managed cheaper again
    //   c4 = 10,512,000,000: a third instance ($7,450.38) jumps over Haiku's $5,781.60
    SelfManagedCost vllm = steps("vllm-g5.12xl-reserved", ADR_RESERVED_G5_12XL, NO_CONTROL_PLANE, 2000, 1, 730);

    BreakEvenAnalysis analysis = BreakEvenSolver.solve(vllm, haiku(), new BigDecimal("1.1e10"), MONTH_730);

    assertThat(analysis.crossings()).extracting(Crossing::kind).containsExactly(
        Crossing.Kind.CONTINUOUS, Crossing.Kind.STEP, Crossing.Kind.CONTINUOUS, Crossing.Kind.STEP);
    assertThat(analysis.crossings()).extracting(Crossing::cheaperAbove).containsExactly(
        "vllm-g5.12xl-reserved", "bedrock-haiku", "vllm-g5.12xl-reserved", "bedrock-haiku");
    BigDecimal cent = new BigDecimal("0.01");
    assertThat(analysis.crossings().get(0).tokensPerMonth()).isCloseTo(new BigDecimal("4515381818.18"), within(cent));
    assertThat(analysis.crossings().get(0).monthlyUsd()).isCloseTo(new BigDecimal("2483.46"), within(cent));
    assertThat(analysis.crossings().get(1).tokensPerMonth()).isEqualByComparingTo("5256000000");
    assertThat(analysis.crossings().get(1).monthlyUsd()).isEqualByComparingTo("2890.80");
    assertThat(analysis.crossings().get(2).tokensPerMonth()).isCloseTo(new BigDecimal("9030763636.36"), within(cent));
    assertThat(analysis.crossings().get(3).tokensPerMonth()).isEqualByComparingTo("10512000000");
    assertThat(analysis.crossings().get(3).monthlyUsd()).isEqualByComparingTo("5781.60");
    // Bands: Haiku, vLLM, Haiku, vLLM, Haiku; the largest saving of vLLM in its first window is at
    // the end of it: 2,890.80 - 2,483.46 = $407.34.
    assertThat(analysis.bands()).extracting(TrafficBand::cheaper).containsExactly(
        "bedrock-haiku", "vllm-g5.12xl-reserved", "bedrock-haiku", "vllm-g5.12xl-reserved", "bedrock-haiku");
    assertThat(analysis.bands().get(1).largestMonthlySavingUsd()).isEqualByComparingTo("407.34");
    assertThat(analysis.recommendation()).startsWith(
        "Below 4.52B tokens/month (1.72 req/s) use bedrock-haiku (cheaper by up to $2,483.46/month);"
            + " from 4.52B to 5.26B use vllm-g5.12xl-reserved (cheaper by up to $407.34/month);")
        // Last band: just past 10.512B three instances cost 7,450.38 against Haiku's 5,781.60: $1,668.78.
        .endsWith("above 10.5B bedrock-haiku is cheaper by up to $1,668.78/month (checked up to 11B tokens/month).");
  }

  @Test
  void seed000StyleRecommendationForFourG5TwoXlargeAgainstBedrockLlama70b() {
    // a1-litellm: at least 4 x g5.2xlarge ($3,539.04) + EKS $73 = $3,612.04; each replica measured at
    // 800 tok/s meeting the SLO -> 800 x 730 x 3600 = 2,102,400,000 tokens/month.
    // bedrock-llama70b: $0.72/1M either way. Crossing: 3,612.04 / 0.72e-6 = 5,016,722,222.22 tokens/month
    // (inside the first four replicas' 8.41B), = 5,016,722,222.22 / 2,628,000 s / 1,000 tokens = 1.91 req/s.
    // Above it each replica's $884.76 buys 2.1024B tokens that Bedrock sells for $1,513.73, so
    // self-managed stays cheaper; its largest saving up to 100B is at 47 replicas' capacity
    // (98,812,800,000 tokens): 0.72 x 98,812.8 - (47 x 884.76 + 73) = 71,145.216 - 41,656.72 = $29,488.50.
    SelfManagedCost a1 = steps("a1-litellm", CATALOG.instanceHourly("g5.2xlarge", CostSpec.InstancePricing.OnDemand),
        CATALOG.require(PriceKey.eks("standard")), 800, 4, 730);
    BedrockTokenCost llama = BedrockTokenCost.onDemand("bedrock-llama70b", CATALOG.bedrockTokenPrices(LLAMA_70B), 0.7);

    BreakEvenAnalysis analysis = BreakEvenSolver.solve(a1, llama, new BigDecimal("1e11"), MONTH_730);

    assertThat(analysis.crossings()).singleElement().satisfies(c -> {
      assertThat(c.tokensPerMonth()).isCloseTo(new BigDecimal("5016722222.22"), within(new BigDecimal("0.01")));
      assertThat(c.requestsPerSecond()).isCloseTo(1.90895, org.assertj.core.data.Offset.offset(1e-5));
      assertThat(c.kind()).isEqualTo(Crossing.Kind.CONTINUOUS);
    });
    assertThat(analysis.recommendation()).isEqualTo(
        "Below 5.02B tokens/month (1.91 req/s) use bedrock-llama70b (cheaper by up to $3,612.04/month);"
            + " above it a1-litellm is cheaper by up to $29,488.50/month (checked up to 100B tokens/month).");

    BreakEvenPoint status = analysis.crossings().getFirst().toStatus("a1-litellm", "bedrock-llama70b");
    assertThat(status.getTokensPerMonth()).isEqualTo("5016722222");
    assertThat(status.getMonthlyUSD()).isEqualTo("3612.04");
    assertThat(status.getCheaperAbove()).isEqualTo("a1-litellm");
    assertThat(status.getSelfManaged()).isEqualTo("a1-litellm");
    assertThat(status.getManaged()).isEqualTo("bedrock-llama70b");
  }

  @Test
  void crossingsBetweenTwoStepFunctionsAreFoundToo() {
    // CMI: Llama 8B, 2 CMUs x $0.0785 x 2,100 billed minutes = $329.70 per copy, 12.6M tokens per copy.
    // Self-managed: one g6.2xlarge at $0.9776 x 730 = $713.648 + EKS $73 = $786.648, 1,000 tok/s
    // -> 2,628,000,000 tokens. CMI is cheaper while copies x 329.70 < 786.648, i.e. up to 2 copies
    // (659.40); the 3rd copy, added one token past 25.2M tokens, jumps to $989.10 over $786.648.
    CustomModelImportCost cmi = new CustomModelImportCost("llama8b-cmi", CATALOG.require(PriceKey.CMI_PER_CMU_MINUTE), 2,
        1000, 30, 7, 730);
    SelfManagedCost self = steps("vllm-g6", CATALOG.require(PriceKey.ec2OnDemand("g6.2xlarge")),
        CATALOG.require(PriceKey.eks("standard")), 1000, 1, 730);

    BreakEvenAnalysis analysis = BreakEvenSolver.solve(self, cmi, new BigDecimal("1e8"), MONTH_730);

    assertThat(analysis.crossings()).singleElement().satisfies(c -> {
      assertThat(c.tokensPerMonth()).isEqualByComparingTo("25200000");
      assertThat(c.kind()).isEqualTo(Crossing.Kind.STEP);
      assertThat(c.cheaperAbove()).isEqualTo("vllm-g6");
      assertThat(c.monthlyUsd()).as("self-managed does not jump there").isEqualByComparingTo("786.648");
    });
  }
}
