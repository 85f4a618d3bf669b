package dev.crossover.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Max;
import io.fabric8.generator.annotation.Min;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Size;
import java.util.List;
import lombok.Data;

@Data
@JsonInclude(JsonInclude.Include.NON_NULL)
public class CostSpec {

  /**
   * Spot: capacity can be reclaimed at two minutes' notice. Reserved: a reserved instance or
   * Savings Plan's effective hourly rate (price key ec2-reserved/<type>, pinned or from AWS).
   */
  public enum InstancePricing { OnDemand, Spot, Reserved }

  @Min(1)
  @Max(744)
  @JsonPropertyDescription("Hours in a month for monthly figures. Default 730.")
  private Integer hoursPerMonth;

  @JsonPropertyDescription("Which instance price self-managed cost uses: OnDemand, Spot (capacity can vanish at two minutes' notice), or Reserved "
      + "(a reserved instance or Savings Plan effective hourly rate, price key ec2-reserved/<type>). Default OnDemand.")
  private InstancePricing instancePricing;

  @Pattern(ApiGroup.USD_PATTERN)
  @JsonPropertyDescription("Monthly cost of the people who run self-managed serving (operations FTE share), added to self-managed cost. Default 0.")
  private String operationsMonthlyUSD;

  @Size(max = 64)
  @JsonPropertyDescription("Pinned prices that override the catalog and live AWS prices.")
  private List<PriceOverride> prices;

  @Size(max = 32)
  @JsonPropertyDescription("Monthly traffic levels (tokens per month, e.g. \"1e9\") at which monthly cost is reported. Default: a log sweep from 1e6 to 1e11.")
  private List<String> trafficLevels;

  @JsonPropertyDescription("The traffic shape monthly figures assume: peak to mean, hours per day, the self-managed floor and scale to zero.")
  private TrafficProfileSpec trafficProfile;

  @Size(max = 32)
  @JsonPropertyDescription("Monthly costs Crossover does not run, added to the targets they apply to (e.g. Langfuse, Prometheus, on-call people).")
  private List<CostLineItem> lineItems;

  @JsonPropertyDescription("How gateway and endpoint-picker pods are priced from their resource requests. Default: rates derived from m5.large.")
  private PodPricingSpec podPricing;
}
