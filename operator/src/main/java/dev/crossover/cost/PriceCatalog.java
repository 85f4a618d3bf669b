package dev.crossover.cost;

import dev.crossover.api.v1alpha1.CostSpec;
import dev.crossover.api.v1alpha1.PlatformPricingSpec;
import dev.crossover.api.v1alpha1.PriceOverride;
import java.math.BigDecimal;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Prices in three layers, looked up in order of precedence: pinned (the user's overrides) beats
 * live (read from AWS) beats embedded (dated defaults from FACTS.md). Immutable: a refresh or a new
 * set of pins yields a new catalog, so a reconcile never sees a half-updated one (hold the current
 * catalog in an AtomicReference). A live refresh cannot displace a pin, because pins are a separate
 * layer consulted first; {@link #shadowedLivePrices()} tells status which AWS figures a pin hides.
 */
public final class PriceCatalog {

  private final Map<PriceKey, PriceQuote> pinned;
  private final Map<PriceKey, PriceQuote> live;
  private final Map<PriceKey, PriceQuote> embedded;

  private PriceCatalog(Map<PriceKey, PriceQuote> pinned, Map<PriceKey, PriceQuote> live,
      Map<PriceKey, PriceQuote> embedded) {
    this.pinned = Map.copyOf(pinned);
    this.live = Map.copyOf(live);
    this.embedded = Map.copyOf(embedded);
  }

  /** The catalog with only the embedded defaults. */
  public static PriceCatalog embedded() {
    return new PriceCatalog(Map.of(), Map.of(), byKey(EmbeddedPrices.all().stream(), PriceOrigin.EMBEDDED));
  }

  /**
   * Replaces the pinned layer with the spec's overrides (the spec is the whole truth about pins:
   * removing an override un-pins it). Duplicate keys are rejected rather than letting the last one
   * win silently.
   *
   * @throws IllegalArgumentException for a malformed key or amount, or a key given twice
   */
  public PriceCatalog withPins(List<PriceOverride> overrides) {
    Map<PriceKey, PriceQuote> pins = new LinkedHashMap<>();
    for (PriceOverride o : overrides == null ? List.<PriceOverride>of() : overrides) {
      PriceKey key = PriceKey.parse(o.getKey());
      BigDecimal usd;
      try {
        usd = new BigDecimal(o.getUsd());
      } catch (NumberFormatException | NullPointerException e) {
        throw new IllegalArgumentException("Price override " + key + " has no decimal USD amount: " + o.getUsd(), e);
      }
      if (pins.put(key, PriceQuote.pinned(key, usd, "spec.cost.prices")) != null) {
        throw new IllegalArgumentException("Price " + key + " is pinned twice in spec.cost.prices");
      }
    }
    return new PriceCatalog(pins, live, embedded);
  }

  /** Convenience for a whole CostSpec. */
  public PriceCatalog withPins(CostSpec cost) {
    return withPins(cost == null ? null : cost.getPrices());
  }

  /**
   * Merges prices read from AWS into the live layer: a key refreshed replaces its older live price,
   * keys not in this refresh keep theirs (an EC2 refresh must not drop Bedrock prices). Pins are
   * untouched.
   */
  public PriceCatalog withLivePrices(Collection<PriceQuote> refreshed) {
    Map<PriceKey, PriceQuote> merged = new LinkedHashMap<>(live);
    merged.putAll(byKey(refreshed.stream(), PriceOrigin.LIVE));
    return new PriceCatalog(pinned, merged, embedded);
  }

  /** The strongest layer's price for this key, or empty when no layer has it. */
  public Optional<PriceQuote> find(PriceKey key) {
    return Stream.of(pinned, live, embedded)
        .map(layer -> layer.get(key))
        .filter(q -> q != null)
        .findFirst();
  }

  /** @throws UnknownPriceException when no layer has the key */
  public PriceQuote require(PriceKey key) {
    return find(key).orElseThrow(() -> new UnknownPriceException(key, null));
  }

  /**
   * Hourly price of one instance. Reserved (reserved instance or Savings Plan) has no embedded
   * figure: its key {@code ec2-reserved/<type>} must be pinned (or read from AWS).
   */
  public PriceQuote instanceHourly(String instanceType, CostSpec.InstancePricing pricing) {
    return switch (pricing == null ? CostSpec.InstancePricing.OnDemand : pricing) {
      case OnDemand -> require(PriceKey.ec2OnDemand(instanceType));
      case Spot -> find(PriceKey.ec2Spot(instanceType)).orElseThrow(() -> new UnknownPriceException(
          PriceKey.ec2Spot(instanceType), "spot prices come from DescribeSpotPriceHistory"));
      case Reserved -> find(PriceKey.ec2Reserved(instanceType)).orElseThrow(() -> new UnknownPriceException(
          PriceKey.ec2Reserved(instanceType), "a reserved instance or Savings Plan rate depends on term, payment and"
              + " commitment, so there is no default; or pin the platform's pricing.instanceHourlyUSD"));
    };
  }

  /**
   * Hourly price of one node of an InferencePlatform: the platform's own pin
   * (pricing.instanceHourlyUSD, the way to price reserved capacity) wins over the catalog.
   */
  public PriceQuote nodeHourly(String instanceType, CostSpec.InstancePricing pricing, PlatformPricingSpec platform) {
    if (platform != null && platform.getInstanceHourlyUSD() != null) {
      PriceKey key = pricing == CostSpec.InstancePricing.Spot ? PriceKey.ec2Spot(instanceType)
          : pricing == CostSpec.InstancePricing.Reserved ? PriceKey.ec2Reserved(instanceType) : PriceKey.ec2OnDemand(instanceType);
      return PriceQuote.pinned(key, new BigDecimal(platform.getInstanceHourlyUSD()),
          "InferencePlatform spec.pricing.instanceHourlyUSD" + (pricing == null ? "" : ", " + pricing));
    }
    return instanceHourly(instanceType, pricing);
  }

  /** Hourly EKS control plane price: the platform's pin, else the catalog's for the support tier. */
  public PriceQuote controlPlaneHourly(String supportTier, PlatformPricingSpec platform) {
    PriceKey key = PriceKey.eks(supportTier);
    if (platform != null && platform.getControlPlaneHourlyUSD() != null) {
      return PriceQuote.pinned(key, new BigDecimal(platform.getControlPlaneHourlyUSD()),
          "InferencePlatform spec.pricing.controlPlaneHourlyUSD");
    }
    return require(key);
  }

  /**
   * The four token prices of a Bedrock model, USD per 1M tokens. Cache prices are taken from their
   * own key when present (pinned or live), otherwise derived from the input price and the cache
   * multipliers, with the derivation in the quote's source.
   */
  public BedrockTokenPrices bedrockTokenPrices(String modelId) {
    PriceQuote input = require(PriceKey.bedrockInput(modelId));
    PriceQuote output = require(PriceKey.bedrockOutput(modelId));
    return new BedrockTokenPrices(input, output,
        cachePrice(PriceKey.bedrockCacheRead(modelId), PriceKey.CACHE_READ_MULTIPLIER, input),
        cachePrice(PriceKey.bedrockCacheWrite(modelId), PriceKey.CACHE_WRITE_MULTIPLIER, input));
  }

  /** Every price read from AWS that this catalog holds (pinned or not). */
  public Collection<PriceQuote> liveQuotes() {
    return live.values();
  }

  /** Live prices that a pin hides, so status can show the user what AWS currently says. */
  public List<PriceQuote> shadowedLivePrices() {
    return live.values().stream().filter(q -> pinned.containsKey(q.key())).toList();
  }

  private PriceQuote cachePrice(PriceKey ownKey, PriceKey multiplierKey, PriceQuote input) {
    Optional<PriceQuote> own = find(ownKey);
    if (own.isPresent()) {
      return own.get();
    }
    PriceQuote multiplier = require(multiplierKey);
    // The derived figure is as strong as its weaker ingredient: a pinned input price times an
    // embedded multiplier is still partly a catalog guess.
    PriceOrigin weaker = input.origin().compareTo(multiplier.origin()) >= 0 ? input.origin() : multiplier.origin();
    PriceQuote weakerQuote = weaker == input.origin() ? input : multiplier;
    return new PriceQuote(ownKey, input.usd().multiply(multiplier.usd()), weaker,
        multiplier.usd().toPlainString() + " x " + input.key() + " [" + input.provenance() + "; " + multiplier.provenance() + "]",
        weakerQuote.catalogAsOf(), weakerQuote.fetchedAt());
  }

  private static Map<PriceKey, PriceQuote> byKey(Stream<PriceQuote> quotes, PriceOrigin expected) {
    Map<PriceKey, PriceQuote> map = new LinkedHashMap<>();
    quotes.forEach(q -> {
      if (q.origin() != expected) {
        throw new IllegalArgumentException("Expected a " + expected + " price, got " + q);
      }
      map.put(q.key(), q);
    });
    return map;
  }
}
