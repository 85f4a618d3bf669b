package dev.crossover.platform.inference;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import java.util.Map;
import lombok.AllArgsConstructor;
import lombok.Builder;
import lombok.Data;
import lombok.NoArgsConstructor;

@Data
@Builder
@NoArgsConstructor
@AllArgsConstructor
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true) // the API server adds defaults Crossover does not model
public class InferencePoolSpec {
  /** Pods of the pool (selector.matchLabels). */
  private Selector selector;
  /** Ports of the model servers, 1 to 8. */
  private List<Port> targetPorts;
  /** The endpoint picker Service. */
  private EndpointPickerRef endpointPickerRef;

  @Data
  @Builder
  @NoArgsConstructor
  @AllArgsConstructor
  @JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true) // the API server adds defaults Crossover does not model
  public static class Selector {
    private Map<String, String> matchLabels;
  }

  @Data
  @Builder
  @NoArgsConstructor
  @AllArgsConstructor
  @JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true) // the API server adds defaults Crossover does not model
  public static class Port {
    private Integer number;
  }

  @Data
  @Builder
  @NoArgsConstructor
  @AllArgsConstructor
  @JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true) // the API server adds defaults Crossover does not model
  public static class EndpointPickerRef {
    private String kind;
    private String name;
    private Port port;
    /** FailOpen or FailClose. */
    private String failureMode;
  }
}
