package dev.crossover.cost;

import dev.crossover.api.v1alpha1.CostLineItem;
import dev.crossover.api.v1alpha1.CostSpec;
import dev.crossover.api.v1alpha1.PodPricingSpec;
import dev.crossover.api.v1alpha1.TrafficProfileSpec;
import java.util.Objects;
import java.util.Optional;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * A BenchmarkRun's CostSpec with its defaults applied and its strings parsed, so cost code never
 * handles nulls or decimal strings.
 *
 * @param hoursPerMonth default 730 (8,760 h / 12)
 * @param instancePricing default OnDemand
 * @param operationsMonthlyUsd operations FTE share added to self-managed cost, default 0
 * @param trafficLevels tokens per month at which monthly cost is reported, ascending; default a
 *     1-2-5 log sweep from 1e6 to 1e11
 * @param profile the traffic profile (peak to mean, hours per day, floor, scale to zero)
 * @param lineItems spec.cost.lineItems with their amounts parsed
 * @param podPricing spec.cost.podPricing, never null
 */
public record CostSettings(int hoursPerMonth, CostSpec.InstancePricing instancePricing, BigDecimal operationsMonthlyUsd,
    List<BigDecimal> trafficLevels, Profile profile, List<LineItem> lineItems, PodPricingSpec podPricing) {

  /**
   * @param minReplicas the floor the spec sets, or empty: the measured platform's replicas
   */
  public record Profile(double peakToMean, int hoursPerDay, Optional<Integer> minReplicas, boolean scaleToZero) {

    public static final Profile FLAT = new Profile(1.0, 24, Optional.empty(), false);

    /** The floor of a platform that runs {@code platformReplicas}. */
    public int floor(int platformReplicas) {
      return scaleToZero ? 0 : minReplicas.orElse(Math.max(1, platformReplicas));
    }

    /** How the report and status name the profile. */
    public String describe() {
      return "peak/mean " + Figures.rate(peakToMean) + ", " + hoursPerDay + " h/day, floor "
          + (scaleToZero ? "0 (scale to zero)" : minReplicas.map(m -> m + " replica(s)").orElse("the platform's replicas"));
    }
  }

  public record LineItem(String name, BigDecimal monthlyUsd, CostLineItem.AppliesTo appliesTo) {
    public boolean appliesTo(boolean selfManaged) {
      return appliesTo == CostLineItem.AppliesTo.All
          || (selfManaged ? appliesTo == CostLineItem.AppliesTo.SelfManaged : appliesTo == CostLineItem.AppliesTo.Managed);
    }

    public CostLine line() {
      return new CostLine(name, monthlyUsd, "spec.cost.lineItems");
    }
  }

  public CostSettings {
    trafficLevels = List.copyOf(trafficLevels);
    lineItems = List.copyOf(lineItems);
    Objects.requireNonNull(profile);
    Objects.requireNonNull(podPricing);
  }

  public CostSettings(int hoursPerMonth, CostSpec.InstancePricing instancePricing, BigDecimal operationsMonthlyUsd,
      List<BigDecimal> trafficLevels) {
    this(hoursPerMonth, instancePricing, operationsMonthlyUsd, trafficLevels, Profile.FLAT, List.of(), new PodPricingSpec());
  }

  /** @throws IllegalArgumentException for a traffic level or amount that is not a non-negative number */
  public static CostSettings from(CostSpec spec) {
    CostSpec cost = spec == null ? new CostSpec() : spec;
    int hours = cost.getHoursPerMonth() == null ? TrafficUnits.DEFAULT_HOURS_PER_MONTH : cost.getHoursPerMonth();
    CostSpec.InstancePricing pricing = cost.getInstancePricing() == null
        ? CostSpec.InstancePricing.OnDemand : cost.getInstancePricing();
    BigDecimal operations = cost.getOperationsMonthlyUSD() == null
        ? BigDecimal.ZERO : nonNegative("operationsMonthlyUSD", cost.getOperationsMonthlyUSD());
    List<BigDecimal> levels = cost.getTrafficLevels() == null || cost.getTrafficLevels().isEmpty()
        ? defaultSweep()
        : cost.getTrafficLevels().stream().map(l -> nonNegative("trafficLevels", l).stripTrailingZeros()).sorted().distinct().toList();
    TrafficProfileSpec t = Optional.ofNullable(cost.getTrafficProfile()).orElseGet(TrafficProfileSpec::new);
    Profile profile = new Profile(Optional.ofNullable(t.getPeakToMean()).orElse(1.0),
        Optional.ofNullable(t.getHoursPerDay()).orElse(24), Optional.ofNullable(t.getMinReplicas()),
        Boolean.TRUE.equals(t.getScaleToZero()));
    if (!(profile.peakToMean() >= 1)) {
      throw new IllegalArgumentException("spec.cost.trafficProfile.peakToMean must be at least 1: " + profile.peakToMean());
    }
    List<LineItem> items = new ArrayList<>();
    for (CostLineItem i : Optional.ofNullable(cost.getLineItems()).orElse(List.of())) {
      items.add(new LineItem(i.getName(), nonNegative("lineItems[" + i.getName() + "].monthlyUSD", i.getMonthlyUSD()),
          Optional.ofNullable(i.getAppliesTo()).orElse(CostLineItem.AppliesTo.SelfManaged)));
    }
    return new CostSettings(hours, pricing, operations, levels, profile, items,
        Optional.ofNullable(cost.getPodPricing()).orElseGet(PodPricingSpec::new));
  }

  /** Line items that a self-managed (or managed) target pays. */
  public List<CostLine> lineItemsFor(boolean selfManaged) {
    return lineItems.stream().filter(i -> i.appliesTo(selfManaged)).map(LineItem::line).toList();
  }

  /** 1, 2, 5 x 10^k tokens/month for k = 6..10, then 1e11: 16 levels. */
  static List<BigDecimal> defaultSweep() {
    List<BigDecimal> levels = new ArrayList<>();
    for (int exponent = 6; exponent <= 10; exponent++) {
      for (int mantissa : new int[] {1, 2, 5}) {
        levels.add(BigDecimal.valueOf(mantissa).scaleByPowerOfTen(exponent));
      }
    }
    levels.add(BigDecimal.ONE.scaleByPowerOfTen(11));
    return levels;
  }

  /** The top of the range the break-even solver searches: the highest reported level. */
  public BigDecimal maxTrafficLevel() {
    return trafficLevels.getLast();
  }

  private static BigDecimal nonNegative(String field, String value) {
    try {
      BigDecimal parsed = new BigDecimal(value.trim());
      if (parsed.signum() < 0) {
        throw new IllegalArgumentException("spec.cost." + field + " must not be negative: " + value);
      }
      return parsed;
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("spec.cost." + field + " is not a number: \"" + value + "\"", e);
    }
  }
}
