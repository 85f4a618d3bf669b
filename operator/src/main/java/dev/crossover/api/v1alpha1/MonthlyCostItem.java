package dev.crossover.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import lombok.AllArgsConstructor;
import lombok.Data;
import lombok.NoArgsConstructor;

/** One line of a monthly cost breakdown, with where its price came from. */
@Data
@NoArgsConstructor
@AllArgsConstructor
@JsonInclude(JsonInclude.Include.NON_NULL)
public class MonthlyCostItem {
  @JsonPropertyDescription("What is charged, e.g. \"4 x g5.2xlarge (ec2), 4 replicas\" or \"EKS control plane (standard)\".")
  private String item;

  @JsonPropertyDescription("USD per month.")
  private String monthlyUSD;

  @JsonPropertyDescription("Where the price came from: Pinned, AWS (with fetch time), Catalog (source, date), or how a rate was derived.")
  private String source;
}
