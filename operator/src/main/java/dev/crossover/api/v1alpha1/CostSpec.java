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

  public enum InstancePricing { OnDemand, Spot, Reserved }

  @Min(1)
  @Max(744)
  @JsonPropertyDescription("Hours in a month for monthly figures. Default 730.")
  private Integer hoursPerMonth;

  @JsonPropertyDescription("Which instance price self-managed cost uses. Default OnDemand.")
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
}
