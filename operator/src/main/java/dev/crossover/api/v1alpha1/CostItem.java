package dev.crossover.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import lombok.AllArgsConstructor;
import lombok.Data;
import lombok.NoArgsConstructor;

@Data
@NoArgsConstructor
@AllArgsConstructor
@JsonInclude(JsonInclude.Include.NON_NULL)
public class CostItem {
  @JsonPropertyDescription("What is charged, e.g. \"4 x g5.2xlarge on-demand\" or \"EKS control plane\".")
  private String item;

  @JsonPropertyDescription("USD per hour for this item.")
  private String usdPerHour;

  @JsonPropertyDescription("Where the unit price came from: Pinned (spec), AWS (Pricing API, with date) or Catalog (embedded default, with its source and date).")
  private String source;
}
