package dev.crossover.platform.karpenter;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.Taint;
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
public class NodePoolSpec {
  /** Template of the NodeClaims Karpenter creates. */
  private Template template;
  /** How Karpenter may remove nodes: consolidationPolicy, consolidateAfter. */
  private Disruption disruption;
  /** Upper bounds on resources of all nodes of the pool, e.g. nvidia.com/gpu: 4. */
  private Map<String, Quantity> limits;

  @Data
  @Builder
  @NoArgsConstructor
  @AllArgsConstructor
  @JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true) // the API server adds defaults Crossover does not model
  public static class Template {
    private ObjectMeta metadata;
    private TemplateSpec spec;
  }

  @Data
  @Builder
  @NoArgsConstructor
  @AllArgsConstructor
  @JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true) // the API server adds defaults Crossover does not model
  public static class TemplateSpec {
    private NodeClassReference nodeClassRef;
    private List<Requirement> requirements;
    private List<Taint> taints;
    /** Duration after which nodes are replaced, e.g. 720h, or "Never". */
    private String expireAfter;
  }

  @Data
  @Builder
  @NoArgsConstructor
  @AllArgsConstructor
  @JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true) // the API server adds defaults Crossover does not model
  public static class NodeClassReference {
    private String group;
    private String kind;
    private String name;
  }

  /** A node selector requirement (key, operator In/NotIn/Exists/..., values). */
  @Data
  @Builder
  @NoArgsConstructor
  @AllArgsConstructor
  @JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true) // the API server adds defaults Crossover does not model
  public static class Requirement {
    private String key;
    private String operator;
    private List<String> values;
  }

  @Data
  @Builder
  @NoArgsConstructor
  @AllArgsConstructor
  @JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true) // the API server adds defaults Crossover does not model
  public static class Disruption {
    /** WhenEmpty or WhenEmptyOrUnderutilized. */
    private String consolidationPolicy;
    private String consolidateAfter;
  }
}
