package dev.crossover.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Max;
import io.fabric8.generator.annotation.Min;
import io.fabric8.generator.annotation.ValidationRule;
import lombok.Data;

/**
 * The shape of the traffic the monthly figures assume. Self-managed fleets are sized for the peak
 * (a GPU node started on demand takes 8-15 minutes, seed 002), run during the hours of operation,
 * and keep their floor outside them; managed services bill what is used.
 */
@Data
@JsonInclude(JsonInclude.Include.NON_NULL)
@ValidationRule(
    value = "!(has(self.scaleToZero) && self.scaleToZero && has(self.minReplicas) && self.minReplicas > 0)",
    message = "scaleToZero true means a floor of zero replicas: leave minReplicas out or set it to 0",
    fieldPath = ".minReplicas")
public class TrafficProfileSpec {

  @Min(1)
  @Max(100)
  @JsonPropertyDescription("Peak traffic over mean traffic during the hours of operation; self-managed replicas are sized for the peak. "
      + "1 = flat; seed 002 reports 8 (day/night). Default 1.")
  private Double peakToMean;

  @Min(1)
  @Max(24)
  @JsonPropertyDescription("Hours per day with traffic. Outside them self-managed keeps only its floor (minReplicas, or none with scaleToZero). Default 24.")
  private Integer hoursPerDay;

  @Min(0)
  @Max(256)
  @JsonPropertyDescription("Fewest model server replicas the self-managed fleet keeps (an autoscaling range's minimum). "
      + "Default: the platform's engine.replicas, i.e. the fleet that was measured is the floor.")
  private Integer minReplicas;

  @JsonPropertyDescription("Whether the self-managed fleet may scale to zero GPU nodes without traffic (the first request then waits for a node and the model: cold start). Default false.")
  private Boolean scaleToZero;
}
