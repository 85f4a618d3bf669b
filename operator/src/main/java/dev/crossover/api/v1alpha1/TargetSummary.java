package dev.crossover.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import lombok.Data;

@Data
@JsonInclude(JsonInclude.Include.NON_NULL)
public class TargetSummary {
  @JsonPropertyDescription("Target name.")
  private String name;
  @JsonPropertyDescription("Gateway, Platform, OpenAI, Bedrock or AgentCore.")
  private String kind;
  @JsonPropertyDescription("URL or model id measured.")
  private String endpoint;
  @JsonPropertyDescription("Highest measured load level meeting the SLO, e.g. \"concurrency 50\" or \"rate 30\".")
  private String maxLoadMeetingSlo;
  @JsonPropertyDescription("Requests per second sustained at that level: capacity used by the cost model.")
  private Double sloRequestsPerSecond;
  @JsonPropertyDescription("Lowest TTFT p95 over all levels, ms.")
  private Double bestTtftP95Ms;
  @JsonPropertyDescription("USD per 1M tokens (input + output) at the SLO-meeting load.")
  private String costPerMillionTokensUSD;
  @JsonPropertyDescription("Why there is no cost figure, or what it assumes (e.g. a simulated platform priced as its instance type).")
  private String costNote;
  @JsonPropertyDescription("USD per month with no traffic at all under the assumed traffic profile: the self-managed floor fleet and fixed costs; 0 for per-token billing.")
  private String idleMonthlyUSD;
  @JsonPropertyDescription("The fixed monthly costs at the fleet floor, line by line with the source of each price (GPU nodes, EKS control plane, gateway and endpoint-picker pods, line items).")
  private java.util.List<MonthlyCostItem> fixedMonthlyCosts;
  @JsonPropertyDescription("Bedrock on demand with prompt caching: USD per month at the SLO-meeting load with and without caching at the measured cache read and write shares.")
  private CachingSaving promptCachingSaving;
  @JsonPropertyDescription("Prefix-cache-aware routing only: the capacity it bought over a round-robin target on the same model and instance type, as monthly cost.")
  private RoutingSaving prefixCacheRoutingSaving;
  @JsonPropertyDescription("Latency this gateway adds over the direct platform path at the lowest load level both measured (the hop alone, least queueing), ms, with a 95% confidence interval.")
  private GatewayOverhead gatewayAddedLatency;
  @JsonPropertyDescription("Gateway added TTFT at every load level both this gateway and its direct platform target were measured at.")
  private java.util.List<GatewayOverhead> gatewayAddedLatencyByLevel;
}
