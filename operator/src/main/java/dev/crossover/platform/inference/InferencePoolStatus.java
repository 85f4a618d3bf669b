package dev.crossover.platform.inference;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import io.fabric8.kubernetes.api.model.Condition;
import java.util.List;
import lombok.Data;

/** Per-parent (Gateway) status of an InferencePool: whether each Gateway accepted it. */
@Data
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public class InferencePoolStatus {
  private List<Parent> parents;

  @Data
  @JsonIgnoreProperties(ignoreUnknown = true)
  public static class Parent {
    private List<Condition> conditions;
  }
}
