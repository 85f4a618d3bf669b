package dev.crossover.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Default;
import io.fabric8.generator.annotation.Max;
import io.fabric8.generator.annotation.Min;
import io.fabric8.generator.annotation.Size;
import io.fabric8.generator.annotation.ValidationRule;
import lombok.Data;

@Data
@JsonInclude(JsonInclude.Include.NON_NULL)
@ValidationRule(
    value = "!(has(self.prefixCacheWeight) && self.prefixCacheWeight == 0 && has(self.queueWeight) && self.queueWeight == 0 "
        + "&& has(self.kvCacheUtilizationWeight) && self.kvCacheUtilizationWeight == 0)",
    message = "at least one of prefixCacheWeight, queueWeight and kvCacheUtilizationWeight must be above 0: with every scorer weighted 0 the picker picks blindly")
public class EndpointPickerSpec {

  public enum FailureMode { FailOpen, FailClose }

  @Size(max = 512)
  @JsonPropertyDescription("Endpoint picker image. Defaults to llm-d's endpoint picker.")
  private String image;

  @Default("FailOpen")
  @JsonPropertyDescription("What the gateway does when the picker does not answer: FailOpen routes anyway, FailClose rejects.")
  private FailureMode failureMode;

  @Min(0)
  @Max(100)
  @Default("3")
  @JsonPropertyDescription("Weight of the prefix-cache scorer (favours pods that already hold the request's prefix).")
  private Integer prefixCacheWeight;

  @Min(0)
  @Max(100)
  @Default("2")
  @JsonPropertyDescription("Weight of the queue scorer (favours pods with shorter waiting queues).")
  private Integer queueWeight;

  @Min(0)
  @Max(100)
  @Default("2")
  @JsonPropertyDescription("Weight of the KV-cache utilization scorer (favours pods with free KV cache).")
  private Integer kvCacheUtilizationWeight;
}
