package dev.crossover.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Default;
import io.fabric8.generator.annotation.Max;
import io.fabric8.generator.annotation.Min;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Size;
import io.fabric8.generator.annotation.ValidationRule;
import lombok.Data;

@Data
@JsonInclude(JsonInclude.Include.NON_NULL)
public class LiteLLMSpec {

  /** LiteLLM router_settings.routing_strategy values. */
  public enum RoutingStrategy {
    @JsonProperty("simple-shuffle") SIMPLE_SHUFFLE,
    @JsonProperty("least-busy") LEAST_BUSY,
    @JsonProperty("usage-based-routing-v2") USAGE_BASED_ROUTING_V2,
    @JsonProperty("latency-based-routing") LATENCY_BASED_ROUTING,
    @JsonProperty("cost-based-routing") COST_BASED_ROUTING
  }

  @Default("simple-shuffle")
  @JsonPropertyDescription("How LiteLLM's router picks among backends (router_settings.routing_strategy); simple-shuffle honours weights.")
  private RoutingStrategy routingStrategy;

  @Min(0)
  @Max(10)
  @Default("0")
  @JsonPropertyDescription("Retries LiteLLM makes on a failed call. 0 keeps benchmark error counts honest.")
  private Integer numRetries;

  @Pattern(ApiGroup.DURATION_PATTERN)
  @Size(max = 32)
  @ValidationRule(value = "duration(self) > duration('0s') && duration(self) <= duration('24h')", messageExpression = "'must be above 0s and at most 24h, got ' + self")
  @Default("600s")
  @JsonPropertyDescription("Per-request timeout.")
  private String timeout;

  @JsonPropertyDescription("Secret with a PostgreSQL URL (default key: databaseUrl). LiteLLM keeps virtual keys, budgets and rate limits in a database; tenants need it.")
  private SecretKeyRef databaseUrlSecretRef;
}
