package dev.crossover.loadgen.result;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.HdrHistogram.Histogram;

/**
 * Human-facing figures derived from a {@link RunResult}: percentiles are read from the (merged)
 * histograms, never averaged across shards, and rates divide merged counters by the merged window.
 */
public final class Summary {
    private static final double[] PERCENTILES = {50, 90, 95, 99, 99.9};

    private Summary() {}

    public static ObjectNode of(RunResult r) {
        return of(r.total(), r.windowSeconds());
    }

    /** The summary of one section (the whole run or one tenant) over the run's window. */
    public static ObjectNode of(MetricsSection t, double seconds) {
        ObjectNode s = JsonNodeFactory.instance.objectNode();
        long sent = t.counter(Counter.REQUESTS_SENT);
        long ok = t.counter(Counter.REQUESTS_SUCCEEDED);
        s.put("windowSeconds", seconds);
        // Completions inside the window (warm-up end to schedule end) over the window.
        s.put("requestsPerSecond", seconds > 0 ? t.counter(Counter.REQUESTS_SUCCEEDED_IN_WINDOW) / seconds : 0);
        s.put("outputTokensPerSecond", seconds > 0 ? t.counter(Counter.OUTPUT_TOKENS_IN_WINDOW) / seconds : 0);
        s.put("errorRate", sent > 0 ? (double) t.counter(Counter.REQUESTS_FAILED) / sent : 0);
        long input = t.counter(Counter.INPUT_TOKENS);
        // Input tokens are whole prompts (cached parts included), so both shares are at most 1.
        s.put("cacheReadInputTokenShare", input > 0 ? (double) t.counter(Counter.CACHE_READ_INPUT_TOKENS) / input : 0);
        s.put("cacheWriteInputTokenShare", input > 0 ? (double) t.counter(Counter.CACHE_WRITE_INPUT_TOKENS) / input : 0);
        long judged = t.counter(Counter.GOODPUT_JUDGED);
        if (judged > 0) {
            long good = t.counter(Counter.GOODPUT_REQUESTS);
            s.put("goodputRequestsPerSecond", seconds > 0 ? t.counter(Counter.GOODPUT_REQUESTS_IN_WINDOW) / seconds : 0);
            s.put("goodputShare", (double) good / judged);
        }
        long queried = t.counter(Counter.SERVER_PREFIX_CACHE_QUERIES);
        if (queried > 0) {
            s.put("serverPrefixCacheHitRate", (double) t.counter(Counter.SERVER_PREFIX_CACHE_HITS) / queried);
        }
        for (Metric m : Metric.values()) {
            if (m.latency()) s.set(m.key + "Ms", percentilesMs(t.histogram(m)));
            else s.set(m.key, percentiles(t.histogram(m)));
        }
        long requested = t.counter(Counter.REQUESTED_OUTPUT_TOKENS);
        if (requested > 0) {
            // Of the requests whose usage was reported: output tokens received per token asked for.
            s.put("outputTokensOfRequested", (double) t.counter(Counter.OUTPUT_TOKENS) / requested);
        }
        if (!t.stopReasons().isEmpty()) {
            ObjectNode stops = s.putObject("stopReasons");
            t.stopReasons().forEach(stops::put);
        }
        return s;
    }

    static ObjectNode percentilesMs(Histogram h) {
        ObjectNode p = JsonNodeFactory.instance.objectNode();
        p.put("count", h.getTotalCount());
        if (h.getTotalCount() == 0) return p;
        p.put("min", ms(h.getMinValue()));
        p.put("mean", h.getMean() / 1e6);
        for (double q : PERCENTILES) p.put("p" + (q == Math.rint(q) ? String.valueOf((int) q) : String.valueOf(q)),
                ms(h.getValueAtPercentile(q)));
        p.put("max", ms(h.getMaxValue()));
        return p;
    }

    /** Token counts: count, mean and percentiles as they are. */
    static ObjectNode percentiles(Histogram h) {
        ObjectNode p = JsonNodeFactory.instance.objectNode();
        p.put("count", h.getTotalCount());
        if (h.getTotalCount() == 0) return p;
        p.put("mean", h.getMean());
        for (double q : new double[] {50, 95, 99}) p.put("p" + (int) q, h.getValueAtPercentile(q));
        return p;
    }

    private static double ms(long nanos) { return nanos / 1e6; }
}
