package dev.crossover.platform.karpenter;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import io.fabric8.kubernetes.api.model.Condition;
import java.util.List;
import lombok.Data;

/** The part of a Karpenter object's status Crossover reads: its conditions (Ready among them). */
@Data
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public class KarpenterStatus {
  private List<Condition> conditions;
}
