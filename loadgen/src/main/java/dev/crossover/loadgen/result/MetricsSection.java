package dev.crossover.loadgen.result;

import dev.crossover.loadgen.client.ErrorClass;
import dev.crossover.loadgen.client.RequestOutcome;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import org.HdrHistogram.Histogram;

/**
 * Histograms and counters for one slice of a run (the whole run, or one tenant). Everything in it
 * is additive, so merging sections from several pods is exact: the merge of shard sections equals
 * the section one process would have recorded for all their requests. Not thread-safe: the
 * {@link RunRecorder} serialises access.
 */
public final class MetricsSection {
    private final EnumMap<Metric, Histogram> histograms = new EnumMap<>(Metric.class);
    private final EnumMap<Counter, Long> counters = new EnumMap<>(Counter.class);
    private final EnumMap<ErrorClass, Long> errors = new EnumMap<>(ErrorClass.class);
    /** Counts per HTTP status of failed requests ("429", "500", ...). */
    private final TreeMap<Integer, Long> failedHttpStatuses = new TreeMap<>();
    /** Successful requests by the server's stop reason (length, stop, max_tokens, end_turn, ...). */
    private final TreeMap<String, Long> stopReasons = new TreeMap<>();

    public MetricsSection() {
        for (Metric m : Metric.values()) histograms.put(m, Histograms.newNanosHistogram());
        for (Counter c : Counter.values()) counters.put(c, 0L);
    }

    /** Records a request sent inside the measured window. */
    public void record(RequestOutcome o) {
        record(o, 0);
    }

    /** @param requestedOutputTokens the request's max_tokens (0 when unknown) */
    public void record(RequestOutcome o, int requestedOutputTokens) {
        add(Counter.REQUESTS_SENT, 1);
        histograms.get(Metric.SCHEDULING_LAG).recordValue(Math.max(0, o.schedulingLagNanos()));
        // E2E covers every request: a failure at the time it took to fail (a request unfinished at
        // the drain timeout arrives here as a TIMEOUT at that instant), so throttling or timeouts
        // under load cannot leave only the fast survivors in the latency figures.
        histograms.get(Metric.E2E).recordValue(Math.max(0, o.e2eNanos()));
        if (!o.succeeded()) {
            add(Counter.REQUESTS_FAILED, 1);
            errors.merge(o.error(), 1L, Long::sum);
            if (o.httpStatus() != 0) failedHttpStatuses.merge(o.httpStatus(), 1L, Long::sum);
            return;
        }
        add(Counter.REQUESTS_SUCCEEDED, 1);
        add(Counter.CONTENT_CHUNKS, o.chunks().size());
        if (o.ttftNanos() >= 0) histograms.get(Metric.TTFT).recordValue(o.ttftNanos());
        Histogram itl = histograms.get(Metric.ITL);
        for (int i = 1; i < o.chunks().size(); i++) itl.recordValue(o.chunks().get(i) - o.chunks().get(i - 1));
        if (o.tpotNanos() >= 0) histograms.get(Metric.TPOT).recordValue(o.tpotNanos());
        if (o.stopReason() != null) stopReasons.merge(o.stopReason(), 1L, Long::sum);
        if (o.usage().known()) {
            add(Counter.OUTPUT_TOKENS, o.usage().outputTokens());
            add(Counter.REQUESTED_OUTPUT_TOKENS, requestedOutputTokens);
            histograms.get(Metric.OUTPUT_TOKENS).recordValue(Math.max(0, o.usage().outputTokens()));
            if (o.usage().inputTokens() >= 0) histograms.get(Metric.INPUT_TOKENS).recordValue(o.usage().inputTokens());
            add(Counter.INPUT_TOKENS, Math.max(0, o.usage().inputTokens()));
            add(Counter.CACHE_READ_INPUT_TOKENS, Math.max(0, o.usage().cacheReadInputTokens()));
            add(Counter.CACHE_WRITE_INPUT_TOKENS, Math.max(0, o.usage().cacheWriteInputTokens()));
        } else {
            add(Counter.REQUESTS_WITHOUT_USAGE, 1);
        }
    }

    public void add(Counter c, long delta) { counters.merge(c, delta, Long::sum); }

    public void addError(ErrorClass e, long count) { errors.merge(e, count, Long::sum); }

    public void addStopReason(String reason, long count) { stopReasons.merge(reason, count, Long::sum); }

    public void addFailedHttpStatus(int status, long count) { failedHttpStatuses.merge(status, count, Long::sum); }

    public void mergeFrom(MetricsSection other) {
        for (Metric m : Metric.values()) histograms.get(m).add(other.histograms.get(m));
        other.counters.forEach(this::add);
        other.errors.forEach(this::addError);
        other.failedHttpStatuses.forEach(this::addFailedHttpStatus);
        other.stopReasons.forEach(this::addStopReason);
    }

    public Histogram histogram(Metric m) { return histograms.get(m); }

    public long counter(Counter c) { return counters.get(c); }

    public Map<ErrorClass, Long> errors() { return errors; }

    public Map<Integer, Long> failedHttpStatuses() { return failedHttpStatuses; }

    public Map<String, Long> stopReasons() { return stopReasons; }

    public MetricsSection copy() {
        MetricsSection c = new MetricsSection();
        c.mergeFrom(this);
        return c;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof MetricsSection s && histograms.equals(s.histograms) && counters.equals(s.counters)
                && errors.equals(s.errors) && failedHttpStatuses.equals(s.failedHttpStatuses)
                && stopReasons.equals(s.stopReasons);
    }

    @Override
    public int hashCode() { return Objects.hash(counters, errors, failedHttpStatuses); }
}
