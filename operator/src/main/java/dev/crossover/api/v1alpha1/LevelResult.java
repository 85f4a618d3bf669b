package dev.crossover.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import lombok.Data;

@Data
@JsonInclude(JsonInclude.Include.NON_NULL)
public class LevelResult {
  @JsonPropertyDescription("Target name.")
  private String target;
  @JsonPropertyDescription("The load level as given: concurrency N, rate R req/s, or the stage profile.")
  private String level;
  @JsonPropertyDescription("Pending, Running, Succeeded or Failed.")
  private String state;
  @JsonPropertyDescription("Requests measured (warm-up excluded).")
  private Long requests;
  @JsonPropertyDescription("Failed requests.")
  private Long errors;
  @JsonPropertyDescription("errors / requests.")
  private Double errorRate;
  @JsonPropertyDescription("Time to first content token, ms.")
  private Percentiles ttftMs;
  @JsonPropertyDescription("Inter-token latency, ms.")
  private Percentiles itlMs;
  @JsonPropertyDescription("Time per output token after the first, ms.")
  private Percentiles tpotMs;
  @JsonPropertyDescription("End-to-end request latency, ms.")
  private Percentiles e2eMs;
  @JsonPropertyDescription("Completed requests per second.")
  private Double requestsPerSecond;
  @JsonPropertyDescription("Output tokens per second.")
  private Double outputTokensPerSecond;
  @JsonPropertyDescription("Mean prompt tokens per successful request (server-reported usage).")
  private Double inputTokensPerRequest;
  @JsonPropertyDescription("Mean completion tokens per successful request (server-reported usage).")
  private Double outputTokensPerRequest;
  @JsonPropertyDescription("Fraction of prompt tokens served from cache (Bedrock cache reads; vLLM prefix-cache hits).")
  private Double cacheHitRate;
  @JsonPropertyDescription("Client scheduling lag p99, ms: how late the load generator sent requests. High values mark the result unreliable.")
  private Double schedulingLagP99Ms;
  @JsonPropertyDescription("Whether this level met the SLO.")
  private Boolean meetsSlo;
  @JsonPropertyDescription("Why the level failed or is marked, when it is.")
  private String message;
}
