package dev.crossover.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Size;
import lombok.Data;

/**
 * How CPU pods (gateway, endpoint picker) are priced from their resource requests: pinned rates,
 * or rates derived from a CPU node type's hourly price (half of it per vCPU, half per GiB, so a pod
 * of the node's own shape costs the node).
 */
@Data
@JsonInclude(JsonInclude.Include.NON_NULL)
public class PodPricingSpec {

  @Size(min = 1, max = 64)
  @Pattern("^[a-z0-9]+\\.[a-z0-9]+$")
  @JsonPropertyDescription("CPU node instance type the support pods run on; its price (spec.cost.prices ec2/<type>, AWS, or the catalog) gives the rates. Default m5.large.")
  private String nodeInstanceType;

  @Pattern(ApiGroup.USD_PATTERN)
  @JsonPropertyDescription("Pinned USD per requested vCPU-hour; with gibHourlyUSD it replaces the derived rates.")
  private String vcpuHourlyUSD;

  @Pattern(ApiGroup.USD_PATTERN)
  @JsonPropertyDescription("Pinned USD per requested GiB-hour of memory.")
  private String gibHourlyUSD;
}
