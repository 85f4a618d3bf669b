package dev.crossover.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import java.util.List;
import lombok.Data;
import lombok.EqualsAndHashCode;

@Data
@EqualsAndHashCode(callSuper = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public class GatewayProfileStatus extends ConditionedStatus {

  /** Condition types, besides Ready. */
  public static final String BACKENDS_RESOLVED = "BackendsResolved";
  public static final String GATEWAY_READY = "GatewayReady";

  @JsonPropertyDescription("OpenAI-compatible base URL clients use (the gateway Service, or for Native the platform's endpoint).")
  private String endpoint;

  @JsonPropertyDescription("Backends as the gateway was configured with them.")
  private List<ResolvedBackend> resolvedBackends;

  @JsonPropertyDescription("Number of backends resolved.")
  private Integer resolvedBackendCount;

  @JsonPropertyDescription("SHA-256 of the rendered gateway configuration; a change rolls the gateway pods.")
  private String configHash;

  @JsonPropertyDescription("Gateway replicas passing their readiness probe.")
  private Integer readyReplicas;

  @JsonPropertyDescription("Name of the Secret holding the master key (never the key itself).")
  private String masterKeySecret;
}
