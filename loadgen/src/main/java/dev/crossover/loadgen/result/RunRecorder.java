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
    private GoodputLimits goodput;
    /** Requests handed to the client and not yet back: token -> intended start. */
    private final java.util.concurrent.ConcurrentHashMap<Long, Long> inFlight = new java.util.concurrent.ConcurrentHashMap<>();
    private final java.util.concurrent.atomic.AtomicLong tokens = new java.util.concurrent.atomic.AtomicLong();
    /** Set when the run gave up waiting: later outcomes were already counted as timeouts. */
    private boolean closed;
    /** When sending stopped (end of the schedule), or MIN_VALUE while it goes on. */
    private long sendEndNanos = Long.MIN_VALUE;

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

    /** Judge every measured request against these per-request limits (goodput). */
    public synchronized RunRecorder judgeGoodput(GoodputLimits limits) {
        this.goodput = limits;
        return this;
    }

    /**
     * A request is being handed to the client: remembered until {@link #accept(long, RequestOutcome)},
     * so one still out when the run stops waiting is counted (as a timeout) instead of vanishing.
     *
     * @return the token to give back with its outcome
     */
    public long sending(long intendedStartNanos) {
        long token = tokens.incrementAndGet();
        inFlight.put(token, intendedStartNanos);
        return token;
    }

    /** The outcome of a request registered with {@link #sending}; ignored if it was already counted as unfinished. */
    public void accept(long token, RequestOutcome o) {
        accept(token, o, 0);
    }

    /** @param requestedOutputTokens the request's max_tokens, to compare the output with */
    public void accept(long token, RequestOutcome o, int requestedOutputTokens) {
        synchronized (this) {
            if (inFlight.remove(token) == null || closed) return;
            if (!record(o, requestedOutputTokens)) return;
        }
        for (Consumer<RequestOutcome> l : listeners) l.accept(o);
    }

    /** A request registered with {@link #sending} that produced no outcome (the client failed outright). */
    public void forget(long token) {
        inFlight.remove(token);
    }

    /**
     * The run stopped waiting at {@code nowNanos}: every request still out is recorded as a
     * TIMEOUT at that instant (its E2E is the time it had been waiting), and outcomes arriving
     * later are ignored.
     *
     * @return how many measured requests were unfinished
     */
    public synchronized long closeUnfinished(long nowNanos) {
        long unfinished = 0;
        for (Long intended : inFlight.values()) {
            RequestOutcome timedOut = new RequestOutcome(intended, intended, new dev.crossover.loadgen.client.ChunkTimes(),
                    nowNanos, dev.crossover.loadgen.client.Usage.UNKNOWN, dev.crossover.loadgen.client.ErrorClass.TIMEOUT, 0,
                    null, "unfinished when the run stopped waiting (drain timeout)");
            if (intended >= measureStartNanos) unfinished++;
            record(timedOut, 0);
        }
        inFlight.clear();
        closed = true;
        return unfinished;
    }

    @Override
    public void accept(RequestOutcome o) {
        synchronized (this) {
            if (closed) return;
            if (!record(o, 0)) return;
        }
        for (Consumer<RequestOutcome> l : listeners) l.accept(o);
    }

    /** @return whether it was measured (after warm-up) */
    private boolean record(RequestOutcome o, int requestedOutputTokens) {
        if (o.intendedStartNanos() < measureStartNanos) {
            total.add(Counter.WARMUP_REQUESTS, 1);
            return false;
        }
        MetricsSection tenant = o.tenant() == null ? null : byTenant.computeIfAbsent(o.tenant(), t -> new MetricsSection());
        total.record(o, requestedOutputTokens);
        if (tenant != null) tenant.record(o, requestedOutputTokens);
        if (goodput != null) {
            boolean good = goodput.meets(o);
            total.add(Counter.GOODPUT_JUDGED, 1);
            if (good) total.add(Counter.GOODPUT_REQUESTS, 1);
            if (tenant != null) {
                tenant.add(Counter.GOODPUT_JUDGED, 1);
                if (good) tenant.add(Counter.GOODPUT_REQUESTS, 1);
            }
        }
        intervals.record(o, toEpochMillis(o.intendedStartNanos()));
        lastEndNanos = Math.max(lastEndNanos, o.endNanos());
        return true;
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

    /**
     * Sending stopped at {@code nanos}: the measured window ends here, and the completions so far
     * are the ones the rates count. The drain that follows adds latencies and errors, not time.
     */
    public synchronized void sendingEnded(long nanos) {
        if (sendEndNanos != Long.MIN_VALUE) return;
        sendEndNanos = Math.max(nanos, measureStartNanos);
        snapshotWindow(total);
        byTenant.values().forEach(RunRecorder::snapshotWindow);
    }

    private static void snapshotWindow(MetricsSection s) {
        copy(s, Counter.REQUESTS_SUCCEEDED, Counter.REQUESTS_SUCCEEDED_IN_WINDOW);
        copy(s, Counter.OUTPUT_TOKENS, Counter.OUTPUT_TOKENS_IN_WINDOW);
        copy(s, Counter.GOODPUT_REQUESTS, Counter.GOODPUT_REQUESTS_IN_WINDOW);
    }

    private static void copy(MetricsSection s, Counter from, Counter to) {
        s.add(to, s.counter(from) - s.counter(to));
    }

    public synchronized RunResult result(String label) {
        if (sendEndNanos == Long.MIN_VALUE) {
            // Never told (a direct caller): the window runs to the last completion, all of them in it.
            snapshotWindow(total);
            byTenant.values().forEach(RunRecorder::snapshotWindow);
        }
        long end = sendEndNanos != Long.MIN_VALUE ? sendEndNanos
                : lastEndNanos == Long.MIN_VALUE ? measureStartNanos : lastEndNanos;
        TreeMap<String, MetricsSection> tenants = new TreeMap<>();
        byTenant.forEach((k, v) -> tenants.put(k, v.copy()));
        return new RunResult(label, toEpochMillis(measureStartNanos), toEpochMillis(end), 1, total.copy(), tenants,
                new java.util.TreeSet<>(), null, intervals.copy());
    }

    private long toEpochMillis(long nanos) {
        return anchorEpochMillis + Math.floorDiv(nanos - anchorNanos, 1_000_000L);
    }
}
