package dev.crossover.cost;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.crossover.api.v1alpha1.CostSpec;
import dev.crossover.api.v1alpha1.PlatformPricingSpec;
import dev.crossover.api.v1alpha1.PriceOverride;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class PriceCatalogTest {

  private static final PriceKey G5_2XL = PriceKey.ec2OnDemand("g5.2xlarge");
  private static final String HAIKU = "anthropic.claude-3-haiku-20240307-v1:0";
  private static final Instant FETCHED = Instant.parse("2026-11-22T10:00:00Z");
  private static final Instant REFETCHED = Instant.parse("2026-11-22T16:00:00Z");

  private static PriceOverride pin(String key, String usd) {
    PriceOverride o = new PriceOverride();
    o.setKey(key);
    o.setUsd(usd);
    return o;
  }

  @Test
  void embeddedDefaultsCarryTheirSourceAndDate() {
    PriceQuote quote = PriceCatalog.embedded().require(G5_2XL);

    assertThat(quote.usd()).isEqualByComparingTo("1.212");
    assertThat(quote.unit()).isEqualTo(PriceUnit.USD_PER_HOUR);
    assertThat(quote.origin()).isEqualTo(PriceOrigin.EMBEDDED);
    assertThat(quote.provenance()).startsWith("Catalog (").contains("factualminds.com").contains("2026-11");
  }

  @Test
  void everyFactsFigureIsEmbeddedUnderItsKey() {
    PriceCatalog catalog = PriceCatalog.embedded();
    assertThat(catalog.require(PriceKey.ec2OnDemand("g5.12xlarge")).usd()).isEqualByComparingTo("5.672");
    assertThat(catalog.require(PriceKey.ec2OnDemand("g6.2xlarge")).usd()).isEqualByComparingTo("0.9776");
    assertThat(catalog.require(PriceKey.ec2OnDemand("p5.48xlarge")).usd()).isEqualByComparingTo("55.04");
    assertThat(catalog.require(PriceKey.eks("standard")).usd()).isEqualByComparingTo("0.10");
    assertThat(catalog.require(PriceKey.eks("extended")).usd()).isEqualByComparingTo("0.60");
    assertThat(catalog.require(PriceKey.bedrockInput("meta.llama3-1-70b-instruct-v1:0")).usd()).isEqualByComparingTo("0.72");
    assertThat(catalog.require(PriceKey.bedrockOutput("anthropic.claude-3-5-haiku-20241022-v1:0")).usd()).isEqualByComparingTo("4");
    assertThat(catalog.require(PriceKey.CMI_PER_CMU_MINUTE).usd()).isEqualByComparingTo("0.0785");
    assertThat(catalog.require(PriceKey.AGENTCORE_VCPU_HOUR).usd()).isEqualByComparingTo("0.0895");
    assertThat(catalog.require(PriceKey.AGENTCORE_GB_HOUR).usd()).isEqualByComparingTo("0.00945");
    assertThat(catalog.require(PriceKey.CACHE_READ_MULTIPLIER).unit()).isEqualTo(PriceUnit.MULTIPLE_OF_INPUT_PRICE);
  }

  @Test
  void spotEstimateIsTheConservativeEndOfTheQuotedRange() {
    // costnimbus.com: 35-50% below on-demand; we take 35% below: 1.212 x 0.65 = 0.7878.
    PriceQuote spot = PriceCatalog.embedded().instanceHourly("g5.2xlarge", CostSpec.InstancePricing.Spot);
    assertThat(spot.usd()).isEqualByComparingTo("0.7878");
    assertThat(spot.source()).contains("estimate").contains("costnimbus.com");
  }

  @Test
  void pinnedBeatsLiveAndEmbeddedAndSurvivesARefresh() {
    PriceCatalog catalog = PriceCatalog.embedded()
        .withLivePrices(List.of(PriceQuote.live(G5_2XL, new BigDecimal("1.30"), "Pricing API GetProducts AmazonEC2", FETCHED)));
    assertThat(catalog.require(G5_2XL).origin()).as("live beats embedded").isEqualTo(PriceOrigin.LIVE);
    assertThat(catalog.require(G5_2XL).usd()).isEqualByComparingTo("1.30");

    PriceCatalog pinned = catalog.withPins(List.of(pin("ec2/g5.2xlarge", "0.95")));
    PriceQuote quote = pinned.require(G5_2XL);
    assertThat(quote.origin()).isEqualTo(PriceOrigin.PINNED);
    assertThat(quote.usd()).isEqualByComparingTo("0.95");
    assertThat(quote.provenance()).isEqualTo("Pinned (spec.cost.prices)");

    // A later refresh from AWS updates the live layer but cannot displace the pin.
    PriceCatalog refreshed = pinned.withLivePrices(
        List.of(PriceQuote.live(G5_2XL, new BigDecimal("1.40"), "Pricing API GetProducts AmazonEC2", REFETCHED)));
    assertThat(refreshed.require(G5_2XL).usd()).isEqualByComparingTo("0.95");
    assertThat(refreshed.require(G5_2XL).origin()).isEqualTo(PriceOrigin.PINNED);
    assertThat(refreshed.shadowedLivePrices()).singleElement()
        .satisfies(q -> assertThat(q.usd()).isEqualByComparingTo("1.40"))
        .satisfies(q -> assertThat(q.provenance()).contains("fetched 2026-11-22T16:00:00Z"));

    // Removing the override from the spec un-pins it: the newest live price shows through.
    assertThat(refreshed.withPins(List.of()).require(G5_2XL).usd()).isEqualByComparingTo("1.40");
  }

  @Test
  void aRefreshOfSomeKeysKeepsTheOtherLivePrices() {
    PriceKey llamaIn = PriceKey.bedrockInput("meta.llama3-1-70b-instruct-v1:0");
    PriceCatalog catalog = PriceCatalog.embedded()
        .withLivePrices(List.of(PriceQuote.live(llamaIn, new BigDecimal("0.99"), "Pricing API AmazonBedrock", FETCHED)))
        .withLivePrices(List.of(PriceQuote.live(G5_2XL, new BigDecimal("1.25"), "Pricing API AmazonEC2", REFETCHED)));

    assertThat(catalog.require(llamaIn).usd()).isEqualByComparingTo("0.99");
    assertThat(catalog.require(G5_2XL).usd()).isEqualByComparingTo("1.25");
  }

  @Test
  void anUnknownPriceIsAnErrorNamingTheKeyToPinNeverZero() {
    PriceCatalog catalog = PriceCatalog.embedded();
    PriceKey pt = PriceKey.bedrockProvisionedThroughput(HAIKU);

    assertThat(catalog.find(pt)).isEmpty();
    assertThatThrownBy(() -> catalog.require(pt))
        .isInstanceOf(UnknownPriceException.class)
        .hasMessageContaining("bedrock-pt/" + HAIKU)
        .hasMessageContaining("USD/model-unit-hour")
        .hasMessageContaining("spec.cost.prices");
    assertThatThrownBy(() -> catalog.instanceHourly("g5.2xlarge", CostSpec.InstancePricing.Reserved))
        .isInstanceOf(UnknownPriceException.class)
        .hasMessageContaining("instanceHourlyUSD");
    assertThatThrownBy(() -> catalog.bedrockTokenPrices("no.such-model-v1:0"))
        .isInstanceOf(UnknownPriceException.class)
        .hasMessageContaining("bedrock-input/no.such-model-v1:0");
  }

  @Test
  void keysFollowThePriceOverridePattern() {
    assertThat(PriceKey.parse("bedrock-input/arn:aws:bedrock:us-east-1:123456789012:imported-model/abc").sku())
        .isEqualTo("arn:aws:bedrock:us-east-1:123456789012:imported-model/abc");
    assertThatThrownBy(() -> PriceKey.parse("gpu/g5.2xlarge")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> PriceKey.parse("ec2-ri/g5.2xlarge")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> PriceKey.parse("ec2/g5 2xlarge")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> PriceCatalog.embedded().withPins(List.of(pin("ec2/g5.2xlarge", "1"), pin("ec2/g5.2xlarge", "2"))))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("pinned twice");
    assertThatThrownBy(() -> PriceCatalog.embedded().withPins(List.of(pin("ec2/g5.2xlarge", "about one"))))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void cachePricesAreDerivedFromTheInputPriceUnlessTheModelHasItsOwn() {
    // Claude 3 Haiku input $0.25/1M: read 0.10 x 0.25 = 0.025, write 1.25 x 0.25 = 0.3125.
    BedrockTokenPrices derived = PriceCatalog.embedded().bedrockTokenPrices(HAIKU);
    assertThat(derived.cacheRead().usd()).isEqualByComparingTo("0.025");
    assertThat(derived.cacheWrite().usd()).isEqualByComparingTo("0.3125");
    assertThat(derived.cacheRead().source()).contains("0.10 x bedrock-input/" + HAIKU).contains("knbrlo.com");

    // A pinned input price flows into the derived cache price; the derivation stays as weak as
    // its embedded multiplier: 0.10 x 0.20 = 0.020.
    BedrockTokenPrices pinnedInput = PriceCatalog.embedded()
        .withPins(List.of(pin("bedrock-input/" + HAIKU, "0.20"))).bedrockTokenPrices(HAIKU);
    assertThat(pinnedInput.cacheRead().usd()).isEqualByComparingTo("0.020");
    assertThat(pinnedInput.cacheRead().origin()).isEqualTo(PriceOrigin.EMBEDDED);

    BedrockTokenPrices own = PriceCatalog.embedded()
        .withPins(List.of(pin("bedrock-cache-read/" + HAIKU, "0.03"))).bedrockTokenPrices(HAIKU);
    assertThat(own.cacheRead().usd()).isEqualByComparingTo("0.03");
    assertThat(own.cacheRead().origin()).isEqualTo(PriceOrigin.PINNED);
  }

  @Test
  void aPlatformsPinnedNodePriceIsHowReservedCapacityIsPriced() {
    PlatformPricingSpec platform = new PlatformPricingSpec();
    platform.setInstanceHourlyUSD("3.402");
    platform.setControlPlaneHourlyUSD("0.05");
    PriceCatalog catalog = PriceCatalog.embedded();

    PriceQuote node = catalog.nodeHourly("g5.12xlarge", CostSpec.InstancePricing.Reserved, platform);
    assertThat(node.usd()).isEqualByComparingTo("3.402");
    assertThat(node.origin()).isEqualTo(PriceOrigin.PINNED);
    assertThat(node.provenance()).contains("instanceHourlyUSD").contains("Reserved");
    assertThat(catalog.controlPlaneHourly("standard", platform).usd()).isEqualByComparingTo("0.05");

    // Without the platform's pins: the catalog's on-demand price, its extended-support control plane.
    assertThat(catalog.nodeHourly("g5.12xlarge", CostSpec.InstancePricing.OnDemand, new PlatformPricingSpec()).usd())
        .isEqualByComparingTo("5.672");
    assertThat(catalog.controlPlaneHourly("extended", null).usd()).isEqualByComparingTo("0.60");
  }

  @Test
  void reservedOrSavingsPlanRateIsItsOwnKeyWithNoDefault() {
    PriceCatalog catalog = PriceCatalog.embedded();
    // No embedded figure: a reserved rate depends on term and payment, so it must be pinned (or read from AWS).
    assertThatThrownBy(() -> catalog.instanceHourly("g5.12xlarge", CostSpec.InstancePricing.Reserved))
        .isInstanceOf(UnknownPriceException.class).hasMessageContaining("ec2-reserved/g5.12xlarge");
    // Seed 002's 1-year reserved g5.12xlarge: $5.67/h less ~40% = $3.402/h.
    PriceQuote reserved = catalog.withPins(List.of(pin("ec2-reserved/g5.12xlarge", "3.402")))
        .instanceHourly("g5.12xlarge", CostSpec.InstancePricing.Reserved);
    assertThat(reserved.usd()).isEqualByComparingTo("3.402");
    assertThat(reserved.unit()).isEqualTo(PriceUnit.USD_PER_HOUR);
    assertThat(reserved.provenance()).startsWith("Pinned");
  }

  @Test
  void supportPodRatesAreDerivedFromTheCpuNodePriceHalfPerVcpuHalfPerGib() {
    // m5.large $0.096/h, 2 vCPU, 8 GiB: 0.048 / 2 = $0.024 per vCPU-h, 0.048 / 8 = $0.006 per GiB-h.
    PriceQuote m5 = PriceCatalog.embedded().require(PriceKey.ec2OnDemand("m5.large"));
    PodResourceRates rates = PodResourceRates.derivedFrom(m5, 2, 8);
    assertThat(rates.usdPerVcpuHour()).isEqualByComparingTo("0.024");
    assertThat(rates.usdPerGiBHour()).isEqualByComparingTo("0.006");
    // A pod of the node's own shape costs the node: 2 x 0.024 + 8 x 0.006 = 0.096.
    assertThat(rates.usdPerVcpuHour().multiply(BigDecimal.valueOf(2)).add(rates.usdPerGiBHour().multiply(BigDecimal.valueOf(8))))
        .isEqualByComparingTo("0.096");
    assertThat(rates.source()).startsWith("derived: half of m5.large").contains("Catalog (AWS EC2 on-demand pricing page");
  }
}
