package dev.crossover.loadgen.result;

import dev.crossover.loadgen.client.RequestOutcome;
import java.util.List;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * Collects request outcomes into a {@link RunResult}. Requests intended to start before the end of
 * warm-up are counted as warm-up and nothing else. Thread-safe: outcomes arrive on the HTTP
 * client's threads; recording is a few histogram increments, so one lock is cheap enough.
 */
public final class RunRecorder implements Consumer<RequestOutcome> {
    private final long measureStartNanos;
    /** Anchors the nanoTime clock to wall-clock time, once, for the window's epoch millis. */
    private final long anchorNanos;
    private final long anchorEpochMillis;
    private final MetricsSection total = new MetricsSection();
    private final TreeMap<String, MetricsSection> byTenant = new TreeMap<>();
    private final List<Consumer<RequestOutcome>> listeners = new CopyOnWriteArrayList<>();
    private final IntervalSeries intervals;
    private long lastEndNanos = Long.MIN_VALUE;

    /** @param measureStartNanos System.nanoTime at which warm-up ends and measurement starts */
    public RunRecorder(long measureStartNanos) {
        this(measureStartNanos, System.nanoTime(), System.currentTimeMillis(), 1_000);
    }

    /** With an explicit clock anchor, so recorders of one process report identical windows. */
    public RunRecorder(long measureStartNanos, long anchorNanos, long anchorEpochMillis) {
        this(measureStartNanos, anchorNanos, anchorEpochMillis, 1_000);
    }

    /** @param intervalMillis width of the latency-over-time intervals */
    public RunRecorder(long measureStartNanos, long anchorNanos, long anchorEpochMillis, long intervalMillis) {
        this.measureStartNanos = measureStartNanos;
        this.anchorNanos = anchorNanos;
        this.anchorEpochMillis = anchorEpochMillis;
        this.intervals = new IntervalSeries(intervalMillis);
    }

    /** Also hand every measured (post-warm-up) outcome to this listener, e.g. to export raw records. */
    public RunRecorder onMeasuredOutcome(Consumer<RequestOutcome> listener) {
        listeners.add(listener);
        return this;
    }

    @Override
    public void accept(RequestOutcome o) {
        boolean measured = o.intendedStartNanos() >= measureStartNanos;
        synchronized (this) {
            if (!measured) {
                total.add(Counter.WARMUP_REQUESTS, 1);
                return;
            }
            total.record(o);
            intervals.record(o, toEpochMillis(o.intendedStartNanos()));
            if (o.tenant() != null) byTenant.computeIfAbsent(o.tenant(), t -> new MetricsSection()).record(o);
            lastEndNanos = Math.max(lastEndNanos, o.endNanos());
        }
        for (Consumer<RequestOutcome> l : listeners) l.accept(o);
    }

    /** One line for a log: counts so far and the TTFT of the last complete interval. */
    public synchronized String progressLine() {
        var last = intervals.points().size() < 2 ? null
                : intervals.points().get(intervals.points().lowerKey(intervals.points().lastKey()));
        String ttft = last == null || last.ttft().getTotalCount() == 0 ? "-"
                : String.format(java.util.Locale.ROOT, "%.1f/%.1f ms", last.ttft().getValueAtPercentile(50) / 1e6,
                        last.ttft().getValueAtPercentile(99) / 1e6);
        return String.format(java.util.Locale.ROOT, "sent %d, ok %d, failed %d %s, warm-up %d; last interval TTFT p50/p99 %s",
                total.counter(Counter.REQUESTS_SENT), total.counter(Counter.REQUESTS_SUCCEEDED),
                total.counter(Counter.REQUESTS_FAILED), total.errors(), total.counter(Counter.WARMUP_REQUESTS), ttft);
    }

    public synchronized long measuredRequests() {
        return total.counter(Counter.REQUESTS_SENT);
    }

    public synchronized RunResult result(String label) {
        long end = lastEndNanos == Long.MIN_VALUE ? measureStartNanos : lastEndNanos;
        TreeMap<String, MetricsSection> tenants = new TreeMap<>();
        byTenant.forEach((k, v) -> tenants.put(k, v.copy()));
        return new RunResult(label, toEpochMillis(measureStartNanos), toEpochMillis(end), 1, total.copy(), tenants,
                new java.util.TreeSet<>(), null, intervals.copy());
    }

    private long toEpochMillis(long nanos) {
        return anchorEpochMillis + Math.floorDiv(nanos - anchorNanos, 1_000_000L);
    }
}
