package dev.crossover.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import java.util.List;
import lombok.Data;

/** Hourly cost in USD, as decimal strings so no precision is lost on the way through JSON. */
@Data
@JsonInclude(JsonInclude.Include.NON_NULL)
public class HourlyCost {
  @JsonPropertyDescription("Total USD per hour.")
  private String total;

  @JsonPropertyDescription("The items that make up the total.")
  private List<CostItem> items;
}
