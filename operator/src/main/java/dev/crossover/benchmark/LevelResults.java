package dev.crossover.benchmark;

import com.fasterxml.jackson.databind.JsonNode;
import dev.crossover.api.v1alpha1.LevelResult;
import dev.crossover.api.v1alpha1.Percentiles;
import dev.crossover.api.v1alpha1.SloSpec;
import dev.crossover.loadgen.result.Counter;
import dev.crossover.loadgen.result.RunResult;
import dev.crossover.loadgen.result.Summary;
import dev.crossover.operator.Durations;
import java.util.Optional;

/** Fills a level's status entry from a merged run result, and judges it against the SLO. */
public final class LevelResults {
  static final String DEFAULT_TTFT_P95 = "1s";
  static final double DEFAULT_MAX_ERROR_RATE = 0.01;

  private LevelResults() {}

  public static void fill(LevelResult level, RunResult merged, SloSpec slo) {
    JsonNode s = Summary.of(merged);
    level.setRequests(merged.total().counter(Counter.REQUESTS_SENT));
    level.setErrors(merged.total().counter(Counter.REQUESTS_FAILED));
    level.setErrorRate(s.path("errorRate").asDouble());
    if (!merged.total().errors().isEmpty()) {
      java.util.TreeMap<String, Long> byClass = new java.util.TreeMap<>();
      merged.total().errors().forEach((c, n) -> byClass.put(c.name(), n));
      level.setErrorsByClass(byClass);
    }
    if (s.has("goodputShare")) {
      level.setGoodputRequestsPerSecond(s.path("goodputRequestsPerSecond").asDouble());
      level.setGoodputShare(s.path("goodputShare").asDouble());
    }
    level.setTtftMs(percentiles(s.path("ttftMs")));
    level.setItlMs(percentiles(s.path("itlMs")));
    level.setTpotMs(percentiles(s.path("tpotMs")));
    level.setE2eMs(percentiles(s.path("e2eMs")));
    level.setRequestsPerSecond(s.path("requestsPerSecond").asDouble());
    level.setOutputTokensPerSecond(s.path("outputTokensPerSecond").asDouble());
    level.setCacheHitRate(s.path("cacheReadInputTokenShare").asDouble());
    level.setCacheWriteRate(s.path("cacheWriteInputTokenShare").asDouble());
    level.setPrefixCacheHitRate(s.has("serverPrefixCacheHitRate") ? s.path("serverPrefixCacheHitRate").asDouble() : null);
    long succeeded = merged.total().counter(Counter.REQUESTS_SUCCEEDED);
    if (succeeded > 0) {
      level.setInputTokensPerRequest((double) merged.total().counter(Counter.INPUT_TOKENS) / succeeded);
      level.setOutputTokensPerRequest((double) merged.total().counter(Counter.OUTPUT_TOKENS) / succeeded);
    }
    level.setSchedulingLagP99Ms(s.path("schedulingLagMs").path("p99").isMissingNode() ? null
        : s.path("schedulingLagMs").path("p99").asDouble());
    level.setMeetsSlo(meets(level, Optional.ofNullable(slo).orElseGet(SloSpec::new)));
    if (merged.flags().contains(RunResult.FLAG_SCHEDULING_LAG)) {
      level.setMessage("The load generator sent late (scheduling lag above its threshold): latencies include client delay.");
    }
  }

  static boolean meets(LevelResult l, SloSpec slo) {
    if (l.getRequests() == null || l.getRequests() == 0 || l.getTtftMs() == null || l.getTtftMs().getP95() == null) {
      return false;
    }
    double maxError = slo.getMaxErrorRate() == null ? DEFAULT_MAX_ERROR_RATE : Double.parseDouble(slo.getMaxErrorRate());
    return l.getErrorRate() <= maxError
        && within(l.getTtftMs().getP95(), Optional.ofNullable(slo.getTtftP95()).orElse(DEFAULT_TTFT_P95))
        && (slo.getTtftP99() == null || within(l.getTtftMs().getP99(), slo.getTtftP99()))
        && (slo.getE2eP95() == null || (l.getE2eMs() != null && within(l.getE2eMs().getP95(), slo.getE2eP95())));
  }

  private static boolean within(Double valueMs, String limit) {
    return valueMs != null && valueMs <= Durations.millis(limit);
  }

  private static Percentiles percentiles(JsonNode p) {
    if (p.isMissingNode() || !p.has("p50")) {
      return null;
    }
    return new Percentiles(p.path("p50").asDouble(), p.path("p95").asDouble(), p.path("p99").asDouble());
  }
}
