package dev.crossover.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.kubernetes.api.model.Condition;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import lombok.Data;

/**
 * What every Crossover status carries, following the Kubernetes API conventions: the generation
 * the status describes and a list of conditions keyed by type.
 */
@Data
@JsonInclude(JsonInclude.Include.NON_NULL)
public abstract class ConditionedStatus {

  @JsonPropertyDescription("The metadata.generation this status describes. Older than metadata.generation: the controller has not acted on the latest spec yet.")
  private Long observedGeneration;

  @JsonPropertyDescription("Current state, one entry per condition type (Ready, and kind-specific ones). Each says why in reason and message.")
  private List<Condition> conditions = new ArrayList<>();

  @JsonIgnore
  public Optional<Condition> condition(String type) {
    return conditions == null ? Optional.empty()
        : conditions.stream().filter(c -> type.equals(c.getType())).findFirst();
  }

  @JsonIgnore
  public boolean isTrue(String type) {
    return condition(type).map(c -> "True".equals(c.getStatus())).orElse(false);
  }

  /**
   * Sets a condition. lastTransitionTime moves only when the status value changes, so watchers
   * can tell how long a state has held.
   */
  public void setCondition(String type, boolean status, String reason, String message, Long generation) {
    setCondition(type, status ? "True" : "False", reason, message, generation);
  }

  public void setCondition(String type, String status, String reason, String message, Long generation) {
    if (conditions == null) {
      conditions = new ArrayList<>();
    }
    Condition existing = condition(type).orElse(null);
    String now = Instant.now().truncatedTo(ChronoUnit.SECONDS).toString();
    Condition next = new Condition();
    next.setType(type);
    next.setStatus(status);
    next.setReason(reason);
    next.setMessage(message);
    next.setObservedGeneration(generation);
    next.setLastTransitionTime(
        existing != null && Objects.equals(existing.getStatus(), status) ? existing.getLastTransitionTime() : now);
    if (existing != null) {
      conditions.set(conditions.indexOf(existing), next);
    } else {
      conditions.add(next);
    }
  }
}
