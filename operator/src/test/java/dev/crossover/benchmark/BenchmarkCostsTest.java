package dev.crossover.benchmark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.crossover.api.v1alpha1.BedrockTarget;
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
}
