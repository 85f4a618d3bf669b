package dev.crossover.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Pattern;
import lombok.Data;

@Data
@JsonInclude(JsonInclude.Include.NON_NULL)
public class PlatformPricingSpec {

  @Pattern(ApiGroup.USD_PATTERN)
  @JsonPropertyDescription("Pinned hourly price of one node in USD, e.g. \"1.212\". Overrides the catalog and live prices.")
  private String instanceHourlyUSD;

  @Pattern(ApiGroup.USD_PATTERN)
  @JsonPropertyDescription("Pinned hourly price of the EKS control plane share charged to this platform in USD. Default from the catalog (0.10 standard support).")
  private String controlPlaneHourlyUSD;
}
