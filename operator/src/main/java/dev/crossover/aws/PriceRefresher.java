package dev.crossover.aws;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.crossover.cost.EmbeddedPrices;
import dev.crossover.cost.PriceCatalog;
import dev.crossover.cost.PriceKey;
import dev.crossover.cost.PriceQuote;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import org.jboss.logging.Logger;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.SpotPrice;
import software.amazon.awssdk.services.pricing.PricingClient;
import software.amazon.awssdk.services.pricing.model.Filter;
import software.amazon.awssdk.services.pricing.model.FilterType;

/**
 * Keeps the live layer of the {@link PriceCatalog} current: EC2 on-demand prices
 * (pricing:GetProducts, AmazonEC2) and spot prices (ec2:DescribeSpotPriceHistory) for the
 * instance types platforms use, and Bedrock on-demand token prices (pricing:GetProducts,
 * AmazonBedrock) for the models runs target, on a schedule. Each live price carries its source
 * and fetch time. A refresh only touches the live layer: pins (the spec's overrides) are applied
 * on top by each reconcile and always win; embedded prices stay for what AWS did not answer.
 */
public final class PriceRefresher {

  public static final String GET_PRODUCTS = "pricing:GetProducts";
  public static final String DESCRIBE_SPOT_PRICE_HISTORY = "ec2:DescribeSpotPriceHistory";
  private static final Logger LOG = Logger.getLogger(PriceRefresher.class);
  private static final ObjectMapper JSON = new ObjectMapper();

  /** What the last refresh did, for status: when it last succeeded, how many prices it holds, what failed. */
  public record RefreshState(Instant lastAttempt, Instant lastSuccess, int livePrices, List<AwsProblem> problems) {
    static RefreshState never() {
      return new RefreshState(null, null, 0, List.of());
    }
  }

  private final Optional<PricingClient> pricing;
  private final Optional<Ec2Client> ec2;
  private final Function<String, Optional<String>> bedrockModelName;
  private final String region;
  private final Clock clock;
  private final AtomicReference<PriceCatalog> catalog = new AtomicReference<>(PriceCatalog.embedded());
  private final AtomicReference<RefreshState> state = new AtomicReference<>(RefreshState.never());
  private final Set<String> instanceTypes = ConcurrentHashMap.newKeySet();
  private final Set<String> bedrockModels = ConcurrentHashMap.newKeySet();
  private final ScheduledExecutorService scheduler;
  private final java.util.concurrent.atomic.AtomicBoolean firstRefresh = new java.util.concurrent.atomic.AtomicBoolean();

  /**
   * @param bedrockModelName the model name Bedrock shows for a model id (ListFoundationModels): the
   *                         Pricing API names Bedrock products by it, not by id
   */
  PriceRefresher(Optional<PricingClient> pricing, Optional<Ec2Client> ec2, Function<String, Optional<String>> bedrockModelName,
      String region, Clock clock, ScheduledExecutorService scheduler) {
    this.pricing = pricing;
    this.ec2 = ec2;
    this.bedrockModelName = bedrockModelName;
    this.region = region;
    this.clock = clock;
    this.scheduler = scheduler;
    // Refresh what the embedded catalog prices, and whatever platforms and runs ask for later.
    EmbeddedPrices.all().stream().map(PriceQuote::key).forEach(k -> {
      if (k.item().equals("ec2")) {
        instanceTypes.add(k.sku());
      } else if (k.item().equals("bedrock-input")) {
        bedrockModels.add(k.sku());
      }
    });
  }

  static PriceRefresher off() {
    return new PriceRefresher(Optional.empty(), Optional.empty(), id -> Optional.empty(), "us-east-1", Clock.systemUTC(), null);
  }

  public boolean enabled() {
    return pricing.isPresent();
  }

  /** The current catalog: embedded defaults with the latest live prices over them (no pins: those are per spec). */
  public PriceCatalog catalog() {
    return catalog.get();
  }

  public RefreshState state() {
    return state.get();
  }

  /** Refreshes every {@code interval}, the first time at once; a zero interval: only when asked (tests). */
  void start(java.time.Duration interval) {
    if (enabled() && scheduler != null && !interval.isZero()) {
      scheduler.scheduleWithFixedDelay(this::refreshQuietly, 0, interval.toMillis(), TimeUnit.MILLISECONDS);
    }
  }

  /** A platform uses this instance type: price it from now on (at once if it is new, or nothing was read yet). */
  public void watchInstanceType(String instanceType) {
    boolean added = instanceTypes.add(instanceType);
    if (enabled() && scheduler != null && !firstRefreshAsked()) {
      scheduler.execute(this::refreshQuietly);
    } else if (added && enabled() && scheduler != null) {
      scheduler.execute(() -> refreshQuietly(List.of(instanceType), List.of()));
    }
  }

  /** A run targets this Bedrock model: price it from now on (at once if it is new, or nothing was read yet). */
  public void watchBedrockModel(String modelId) {
    boolean added = bedrockModels.add(modelId);
    if (enabled() && scheduler != null && !firstRefreshAsked()) {
      scheduler.execute(this::refreshQuietly);
    } else if (added && enabled() && scheduler != null) {
      scheduler.execute(() -> refreshQuietly(List.of(), List.of(modelId)));
    }
  }

  /** Whether a full refresh was already asked for (by the schedule or a first watcher); marks it asked. */
  private boolean firstRefreshAsked() {
    return !firstRefresh.compareAndSet(false, true);
  }

  private void refreshQuietly() {
    firstRefresh.set(true);
    refreshQuietly(List.copyOf(instanceTypes), List.copyOf(bedrockModels));
  }

  private void refreshQuietly(Collection<String> types, Collection<String> models) {
    try {
      refresh(types, models);
    } catch (RuntimeException e) {
      // Never let the schedule die: the next run tries again.
      LOG.warnf(e, "Price refresh failed");
    }
  }

  /** Refreshes everything watched now; returns the state afterwards. */
  public RefreshState refresh() {
    return refresh(List.copyOf(instanceTypes), List.copyOf(bedrockModels));
  }

  RefreshState refresh(Collection<String> types, Collection<String> models) {
    if (!enabled()) {
      state.set(new RefreshState(null, null, 0, List.of(AwsProblem.disabled(GET_PRODUCTS))));
      return state.get();
    }
    Instant started = clock.instant().truncatedTo(ChronoUnit.SECONDS);
    List<PriceQuote> quotes = new ArrayList<>();
    Map<String, AwsProblem> problems = new LinkedHashMap<>();
    for (String type : types) {
      attempt(GET_PRODUCTS, problems, () -> quotes.addAll(ec2(type, started)));
    }
    if (!types.isEmpty()) {
      attempt(DESCRIBE_SPOT_PRICE_HISTORY, problems, () -> quotes.addAll(spot(types, started)));
    }
    for (String model : models) {
      attempt(GET_PRODUCTS, problems, () -> quotes.addAll(bedrock(model, started)));
    }
    PriceCatalog updated = catalog.updateAndGet(c -> c.withLivePrices(quotes));
    int live = (int) updated.liveQuotes().size();
    RefreshState previous = state.get();
    state.set(new RefreshState(started, quotes.isEmpty() ? previous.lastSuccess() : started, live,
        List.copyOf(problems.values())));
    LOG.infof("Price refresh: %d prices from AWS, %d problem(s)%s", quotes.size(), problems.size(),
        problems.isEmpty() ? "" : ": " + problems.values().iterator().next().message());
    return state.get();
  }

  private static void attempt(String action, Map<String, AwsProblem> problems, Runnable call) {
    try {
      call.run();
    } catch (RuntimeException e) {
      problems.putIfAbsent(action, AwsProblem.of(action, e));
    }
  }

  /** The on-demand price of an instance type, if AWS has one. */
  Optional<PriceQuote> onDemand(String instanceType, Instant fetchedAt) {
    return ec2(instanceType, fetchedAt).stream().filter(q -> q.key().item().equals("ec2")).findFirst();
  }

  /**
   * Linux, shared tenancy, no pre-installed software: the on-demand price Karpenter's on-demand
   * nodes pay, and from the same product the reserved price of a 1-year standard No Upfront
   * reservation (its hourly rate is the whole effective rate: nothing paid up front), which stands
   * for reserved capacity. Other terms (3 years, partial or all upfront, Savings Plans): pin
   * ec2-reserved/<type> with their effective hourly rate.
   */
  List<PriceQuote> ec2(String instanceType, Instant fetchedAt) {
    List<Filter> filters = List.of(
        term("instanceType", instanceType), term("regionCode", region), term("operatingSystem", "Linux"),
        term("tenancy", "Shared"), term("preInstalledSw", "NA"), term("capacitystatus", "Used"));
    for (String product : pricing.orElseThrow().getProductsPaginator(r -> r.serviceCode("AmazonEC2").filters(filters)
        .formatVersion("aws_v1")).priceList()) {
      JsonNode p = parse(product);
      JsonNode attributes = p.path("product").path("attributes");
      if (!instanceType.equals(attributes.path("instanceType").asText())
          || !attributes.path("usagetype").asText().contains("BoxUsage")) {
        continue;
      }
      Optional<BigDecimal> usd = firstPrice(p.path("terms").path("OnDemand"), "Hrs");
      if (usd.isPresent() && usd.get().signum() > 0) {
        String sku = p.path("product").path("sku").asText();
        List<PriceQuote> quotes = new ArrayList<>();
        quotes.add(PriceQuote.live(PriceKey.ec2OnDemand(instanceType), usd.get(),
            "Pricing API GetProducts AmazonEC2 " + region + " Linux on-demand sku " + sku, fetchedAt));
        for (JsonNode term : iterable(p.path("terms").path("Reserved"))) {
          JsonNode a = term.path("termAttributes");
          if ("1yr".equals(a.path("LeaseContractLength").asText()) && "standard".equals(a.path("OfferingClass").asText())
              && "No Upfront".equals(a.path("PurchaseOption").asText())) {
            firstPrice(JSON.createArrayNode().add(term), "Hrs").filter(v -> v.signum() > 0).ifPresent(r -> quotes.add(
                PriceQuote.live(PriceKey.ec2Reserved(instanceType), r, "Pricing API GetProducts AmazonEC2 " + region
                    + " Linux reserved 1yr standard No Upfront sku " + sku, fetchedAt)));
            break;
          }
        }
        return quotes;
      }
    }
    return List.of();
  }

  /** The latest Linux/UNIX spot price in each zone; the highest zone's price, so the estimate does not flatter spot. */
  List<PriceQuote> spot(Collection<String> types, Instant fetchedAt) {
    Map<String, Map<String, SpotPrice>> latestByTypeAndZone = new TreeMap<>();
    ec2.orElseThrow().describeSpotPriceHistoryPaginator(r -> r.instanceTypesWithStrings(types)
            .productDescriptions("Linux/UNIX").startTime(fetchedAt))
        .spotPriceHistory().forEach(p -> latestByTypeAndZone
            .computeIfAbsent(p.instanceTypeAsString(), t -> new TreeMap<>())
            .merge(p.availabilityZone(), p, (a, b) -> a.timestamp().isAfter(b.timestamp()) ? a : b));
    List<PriceQuote> quotes = new ArrayList<>();
    latestByTypeAndZone.forEach((type, zones) -> zones.values().stream()
        .max(Comparator.comparing(p -> new BigDecimal(p.spotPrice())))
        .ifPresent(highest -> quotes.add(PriceQuote.live(PriceKey.ec2Spot(type), new BigDecimal(highest.spotPrice()),
            "EC2 DescribeSpotPriceHistory Linux/UNIX, highest of " + zones.size() + " zone(s): " + highest.availabilityZone()
                + " at " + highest.timestamp(), fetchedAt))));
    return quotes;
  }

  /**
   * On-demand input and output token prices of a Bedrock model, per 1M tokens. The Pricing API
   * names Bedrock products by model name and tells input from output by usage type; batch, cache,
   * long-context, provisioned and cross-region variants are left out. Prices per 1K tokens are scaled.
   */
  List<PriceQuote> bedrock(String modelId, Instant fetchedAt) {
    Optional<String> name = bedrockModelName.apply(modelId);
    if (name.isEmpty()) {
      return List.of();
    }
    Map<String, BigDecimal> perMillion = new LinkedHashMap<>();
    for (String product : pricing.orElseThrow().getProductsPaginator(r -> r.serviceCode("AmazonBedrock")
        .filters(term("regionCode", region), term("model", name.get())).formatVersion("aws_v1")).priceList()) {
      JsonNode p = parse(product);
      String usage = p.path("product").path("attributes").path("usagetype").asText().toLowerCase(java.util.Locale.ROOT);
      if (usage.matches(".*(batch|cache|lctx|long-context|provisioned|cross-region|priority|flex|latency).*")) {
        continue;
      }
      String side = usage.endsWith("input-tokens") ? "input" : usage.endsWith("output-tokens") ? "output" : null;
      if (side == null) {
        continue;
      }
      for (JsonNode term : iterable(p.path("terms").path("OnDemand"))) {
        for (JsonNode dimension : iterable(term.path("priceDimensions"))) {
          String unit = dimension.path("unit").asText().toLowerCase(java.util.Locale.ROOT);
          BigDecimal usd = new BigDecimal(dimension.path("pricePerUnit").path("USD").asText("0"));
          BigDecimal scale = unit.contains("1k") || unit.contains("thousand") ? BigDecimal.valueOf(1000)
              : unit.contains("1m") || unit.contains("million") ? BigDecimal.ONE : null;
          if (scale != null && usd.signum() > 0) {
            perMillion.putIfAbsent(side, usd.multiply(scale).stripTrailingZeros());
          }
        }
      }
    }
    if (!perMillion.containsKey("input") || !perMillion.containsKey("output")) {
      return List.of();
    }
    String source = "Pricing API GetProducts AmazonBedrock " + region + " \"" + name.get() + "\" on-demand";
    return List.of(
        PriceQuote.live(PriceKey.bedrockInput(modelId), perMillion.get("input"), source, fetchedAt),
        PriceQuote.live(PriceKey.bedrockOutput(modelId), perMillion.get("output"), source, fetchedAt));
  }

  private static Optional<BigDecimal> firstPrice(JsonNode terms, String unit) {
    for (JsonNode term : iterable(terms)) {
      for (JsonNode dimension : iterable(term.path("priceDimensions"))) {
        if (unit.equals(dimension.path("unit").asText())) {
          return Optional.of(new BigDecimal(dimension.path("pricePerUnit").path("USD").asText("0")).stripTrailingZeros());
        }
      }
    }
    return Optional.empty();
  }

  private static Iterable<JsonNode> iterable(JsonNode object) {
    List<JsonNode> values = new ArrayList<>();
    object.elements().forEachRemaining(values::add);
    return values;
  }

  private static JsonNode parse(String priceListEntry) {
    try {
      return JSON.readTree(priceListEntry);
    } catch (java.io.IOException e) {
      throw new IllegalStateException("A PriceList entry is not JSON: " + e.getMessage(), e);
    }
  }

  private static Filter term(String field, String value) {
    return Filter.builder().type(FilterType.TERM_MATCH).field(field).value(value).build();
  }
}
