package dev.crossover.benchmark;

import com.fasterxml.jackson.databind.JsonNode;
import dev.crossover.api.v1alpha1.LevelResult;
import dev.crossover.api.v1alpha1.Percentiles;
import dev.crossover.api.v1alpha1.SloSpec;
import dev.crossover.loadgen.result.Counter;
import dev.crossover.loadgen.result.RunResult;
import dev.crossover.loadgen.result.Summary;
import dev.crossover.operator.Durations;
import java.util.ArrayList;
import java.util.List;
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
    List<String> omitted = new ArrayList<>();
    level.setTtftMs(percentiles("ttftMs", s.path("ttftMs"), omitted));
    level.setItlMs(percentiles("itlMs", s.path("itlMs"), omitted));
    level.setTpotMs(percentiles("tpotMs", s.path("tpotMs"), omitted));
    level.setE2eMs(percentiles("e2eMs", s.path("e2eMs"), omitted));
    level.setPercentilesOmitted(omitted.isEmpty() ? null : String.join("; ", omitted)
        + ": too few samples (a percentile needs 10 beyond it: p50 20, p95 200, p99 1000)");
    level.setRequestsPerSecond(s.path("requestsPerSecond").asDouble());
    level.setOutputTokensPerSecond(s.path("outputTokensPerSecond").asDouble());
    level.setCacheHitRate(s.path("cacheReadInputTokenShare").asDouble());
    level.setCacheWriteRate(s.path("cacheWriteInputTokenShare").asDouble());
    level.setE2eMeanMs(s.path("e2eMs").has("mean") ? s.path("e2eMs").path("mean").asDouble() : null);
    level.setPrefixCacheHitRate(s.has("serverPrefixCacheHitRate") ? s.path("serverPrefixCacheHitRate").asDouble() : null);
    long succeeded = merged.total().counter(Counter.REQUESTS_SUCCEEDED);
    if (succeeded > 0) {
      level.setInputTokensPerRequest((double) merged.total().counter(Counter.INPUT_TOKENS) / succeeded);
      level.setOutputTokensPerRequest((double) merged.total().counter(Counter.OUTPUT_TOKENS) / succeeded);
    }
    lengths(level, s, merged);
    level.setSchedulingLagP99Ms(s.path("schedulingLagMs").path("p99").isMissingNode() ? null
        : s.path("schedulingLagMs").path("p99").asDouble());
    SloSpec judged = Optional.ofNullable(slo).orElseGet(SloSpec::new);
    // An SLO percentile without samples enough for it cannot be judged: neither met nor missed.
    boolean unjudged = level.getRequests() > 0 && level.getErrorRate() <= maxErrorRate(judged)
        && (level.getTtftMs() == null || level.getTtftMs().getP95() == null
            || judged.getTtftP99() != null && level.getTtftMs().getP99() == null
            || judged.getE2eP95() != null && (level.getE2eMs() == null || level.getE2eMs().getP95() == null));
    level.setMeetsSlo(unjudged && level.getPercentilesOmitted() != null ? null : meets(level, judged));
    List<String> messages = new ArrayList<>();
    if (level.getMeetsSlo() == null) {
      messages.add("SLO not judged: too few requests for its percentiles (" + level.getRequests()
          + " measured; raise load.duration or load.minRequests).");
    }
    if (merged.flags().contains(RunResult.FLAG_SCHEDULING_LAG)) {
      messages.add("The load generator sent late (scheduling lag above its threshold): latencies include client delay.");
    }
    level.setMessage(messages.isEmpty() ? null : String.join(" ", messages));
  }

  /** The requested share of output below which a level is flagged: it did less work than asked. */
  static final double MIN_OUTPUT_OF_REQUESTED = 0.95;
  static final String OUTPUT_SHORT = "OutputShort";

  private static void lengths(LevelResult level, JsonNode s, RunResult merged) {
    JsonNode in = s.path("inputTokensPerRequest");
    JsonNode out = s.path("outputTokensPerRequest");
    if (in.path("count").asLong() > 0) {
      level.setInputTokensP50(in.path("p50").asDouble());
      level.setInputTokensP95(in.path("p95").asDouble());
    }
    if (out.path("count").asLong() > 0) {
      level.setOutputTokensP50(out.path("p50").asDouble());
      level.setOutputTokensP95(out.path("p95").asDouble());
    }
    if (!merged.total().stopReasons().isEmpty()) {
      level.setStopReasons(new java.util.TreeMap<>(merged.total().stopReasons()));
    }
    if (s.has("outputTokensOfRequested") && s.path("outputTokensOfRequested").asDouble() < MIN_OUTPUT_OF_REQUESTED) {
      level.setLengthCheck(OUTPUT_SHORT + ": mean output was " + Math.round(100 * s.path("outputTokensOfRequested").asDouble())
          + "% of the requested length; E2E, req/s and cost per request measure less work than on a target that "
          + "answered in full.");
    }
  }

  /** Samples a percentile needs: ten beyond it, n >= 10 / (1 - q). */
  static long minSamples(double percentile) {
    return Math.round(10 / (1 - percentile / 100));
  }

  private static double maxErrorRate(SloSpec slo) {
    return slo.getMaxErrorRate() == null ? DEFAULT_MAX_ERROR_RATE : Double.parseDouble(slo.getMaxErrorRate());
  }

  static boolean meets(LevelResult l, SloSpec slo) {
    if (l.getRequests() == null || l.getRequests() == 0 || l.getTtftMs() == null || l.getTtftMs().getP95() == null) {
      return false;
    }
    double maxError = maxErrorRate(slo);
    return l.getErrorRate() <= maxError
        && within(l.getTtftMs().getP95(), Optional.ofNullable(slo.getTtftP95()).orElse(DEFAULT_TTFT_P95))
        && (slo.getTtftP99() == null || within(l.getTtftMs().getP99(), slo.getTtftP99()))
        && (slo.getE2eP95() == null || (l.getE2eMs() != null && within(l.getE2eMs().getP95(), slo.getE2eP95())));
  }

  private static boolean within(Double valueMs, String limit) {
    return valueMs != null && valueMs <= Durations.millis(limit);
  }

  /** The percentiles with samples enough; each one left out is named in {@code omitted}. */
  private static Percentiles percentiles(String name, JsonNode p, List<String> omitted) {
    if (p.isMissingNode() || !p.has("p50")) {
      return null;
    }
    long count = p.path("count").asLong();
    List<String> left = new ArrayList<>();
    Double p50 = published(p, 50, count, left);
    Double p95 = published(p, 95, count, left);
    Double p99 = published(p, 99, count, left);
    if (!left.isEmpty()) {
      omitted.add(name + " " + String.join("/", left) + " (" + count + " samples)");
    }
    return p50 == null ? null : new Percentiles(p50, p95, p99);
  }

  private static Double published(JsonNode p, int percentile, long count, List<String> left) {
    if (count < minSamples(percentile)) {
      left.add("p" + percentile);
      return null;
    }
    return p.path("p" + percentile).asDouble();
  }
}
