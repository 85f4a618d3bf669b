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
  @JsonPropertyDescription("Failed requests by class: TIMEOUT (including requests unfinished when the level stopped waiting), THROTTLED (429, Bedrock ThrottlingException), MODEL_NOT_READY (Bedrock ModelNotReadyException), CLIENT_ERROR (other 4xx), SERVER_ERROR (5xx), BROKEN_STREAM (ended before its end marker), STREAM_ERROR (an error inside the stream), CONNECT (no connection), HTTP_STATUS (any other non-2xx).")
  private java.util.Map<String, Long> errorsByClass;
  @JsonPropertyDescription("Goodput: requests per second that succeeded within the SLO's per-request limits (TTFT within slo.ttftP95, TPOT within slo.tpot and E2E within slo.e2eP95 where given), as vLLM's --goodput counts them.")
  private Double goodputRequestsPerSecond;
  @JsonPropertyDescription("Share of the level's requests (failed ones included) that succeeded within the SLO's per-request limits.")
  private Double goodputShare;
  @JsonPropertyDescription("Time to first content token, ms.")
  private Percentiles ttftMs;
  @JsonPropertyDescription("Inter-token latency, ms.")
  private Percentiles itlMs;
  @JsonPropertyDescription("Time per output token after the first, ms.")
  private Percentiles tpotMs;
  @JsonPropertyDescription("Percentiles left out because the level had too few samples for them (a percentile needs ten samples beyond it: p50 20, p95 200, p99 1000), e.g. \"ttftMs p99 (187 samples)\". A left-out percentile is never estimated.")
  private String percentilesOmitted;
  @JsonPropertyDescription("End-to-end request latency, ms, over every request: a failed one at the time it took to fail, one unfinished when the level stopped waiting at that time.")
  private Percentiles e2eMs;
  @JsonPropertyDescription("Completed requests per second.")
  private Double requestsPerSecond;
  @JsonPropertyDescription("Output tokens per second.")
  private Double outputTokensPerSecond;
  @JsonPropertyDescription("Mean prompt tokens per successful request (server-reported usage).")
  private Double inputTokensPerRequest;
  @JsonPropertyDescription("Mean completion tokens per successful request (server-reported usage).")
  private Double outputTokensPerRequest;
  @JsonPropertyDescription("Prompt tokens per successful request as the server counted them (cached parts included): median.")
  private Double inputTokensP50;
  @JsonPropertyDescription("Prompt tokens per successful request as the server counted them: 95th percentile.")
  private Double inputTokensP95;
  @JsonPropertyDescription("Output tokens per successful request as the server counted them: median.")
  private Double outputTokensP50;
  @JsonPropertyDescription("Output tokens per successful request as the server counted them: 95th percentile.")
  private Double outputTokensP95;
  @JsonPropertyDescription("Successful requests by the server's stop reason (OpenAI finish_reason: length, stop; Bedrock stopReason: max_tokens, end_turn).")
  private java.util.Map<String, Long> stopReasons;
  @JsonPropertyDescription("Set when the level did not do the work it asked for, so its latencies, req/s and cost per request do not compare with other targets': OutputShort (mean output under 95% of the requested length). Absent when the lengths held.")
  private String lengthCheck;
  @JsonPropertyDescription("Client side: fraction of prompt tokens the responses' usage reports as read from the cache (Bedrock cacheReadInputTokens; OpenAI cached_tokens). Prompt tokens include the cached ones on every target, so this is at most 1.")
  private Double cacheHitRate;
  @JsonPropertyDescription("Client side: fraction of prompt tokens written to the prompt cache (Bedrock cacheWriteInputTokens, billed at the cache-write price); 0 where the target reports none.")
  private Double cacheWriteRate;
  @JsonPropertyDescription("Mean end-to-end request latency, ms. For AgentCore targets it is the billed session time per request.")
  private Double e2eMeanMs;
  @JsonPropertyDescription("Server side: share of prompt tokens the model servers found in their prefix cache during the level (vLLM prefix_cache_hits / prefix_cache_queries, warm-up included). Self-managed targets only.")
  private Double prefixCacheHitRate;
  @JsonPropertyDescription("Client scheduling lag p99, ms: how late the load generator sent requests. High values mark the result unreliable.")
  private Double schedulingLagP99Ms;
  @JsonPropertyDescription("Whether this level met the SLO; absent when it could not be judged (too few samples for the SLO's percentiles, see percentilesOmitted).")
  private Boolean meetsSlo;
  @JsonPropertyDescription("Why the level failed or is marked, when it is.")
  private String message;
  @JsonPropertyDescription("When the level finished, measured or failed (RFC 3339). The next level's load starts execution.cooldown after it.")
  private String finishedAt;
}
