package dev.crossover.loadgen.result;

import dev.crossover.loadgen.client.RequestOutcome;
import java.util.Objects;
import java.util.TreeMap;
import org.HdrHistogram.AbstractHistogram;
import org.HdrHistogram.IntCountsHistogram;

/**
 * Latency over time: per fixed wall-clock interval (aligned on the epoch, so shards' intervals
 * line up), request counts and TTFT/E2E histograms, keyed by the requests' intended start. What a
 * soak (drift over 24 h) and a burst (latency while the rate jumps) are read from. Histograms here
 * are coarser than the run's (2 significant digits, int counts, 1 us to 1 h) because there are
 * hundreds of them; they still merge exactly.
 */
public final class IntervalSeries {
    private static final int DIGITS = 2;
    private static final long LOWEST_NANOS = 1_000;
    private static final long HIGHEST_NANOS = 3_600_000_000_000L;

    /** One interval's figures. */
    public static final class Point {
        long sent;
        long succeeded;
        long failed;
        long outputTokens;
        final AbstractHistogram ttft = new IntCountsHistogram(LOWEST_NANOS, HIGHEST_NANOS, DIGITS);
        final AbstractHistogram e2e = new IntCountsHistogram(LOWEST_NANOS, HIGHEST_NANOS, DIGITS);

        void add(Point o) {
            sent += o.sent;
            succeeded += o.succeeded;
            failed += o.failed;
            outputTokens += o.outputTokens;
            ttft.add(o.ttft);
            e2e.add(o.e2e);
        }

        public long sent() { return sent; }
        public long succeeded() { return succeeded; }
        public long failed() { return failed; }
        public long outputTokens() { return outputTokens; }
        public AbstractHistogram ttft() { return ttft; }
        public AbstractHistogram e2e() { return e2e; }

        @Override
        public boolean equals(Object x) {
            return x instanceof Point p && sent == p.sent && succeeded == p.succeeded && failed == p.failed
                    && outputTokens == p.outputTokens && ttft.equals(p.ttft) && e2e.equals(p.e2e);
        }

        @Override
        public int hashCode() { return Objects.hash(sent, succeeded, failed, outputTokens); }
    }

    private final long intervalMillis;
    private final TreeMap<Long, Point> points = new TreeMap<>();

    public IntervalSeries(long intervalMillis) {
        if (intervalMillis <= 0) throw new IllegalArgumentException("interval must be > 0");
        this.intervalMillis = intervalMillis;
    }

    /** At most ~200 points for a run of this length, and never under a second. */
    public static long intervalFor(long runMillis) {
        long raw = Math.max(1_000, runMillis / 200);
        return (raw + 999) / 1000 * 1000;
    }

    public long intervalMillis() { return intervalMillis; }

    public java.util.NavigableMap<Long, Point> points() { return points; }

    void record(RequestOutcome o, long intendedEpochMillis) {
        Point p = point(Math.floorDiv(intendedEpochMillis, intervalMillis) * intervalMillis);
        p.sent++;
        if (!o.succeeded()) {
            p.failed++;
            return;
        }
        p.succeeded++;
        if (o.usage().known()) p.outputTokens += o.usage().outputTokens();
        if (o.ttftNanos() >= 0) p.ttft.recordValue(clamp(o.ttftNanos()));
        p.e2e.recordValue(clamp(o.e2eNanos()));
    }

    private static long clamp(long nanos) { return Math.max(LOWEST_NANOS, Math.min(HIGHEST_NANOS, nanos)); }

    public Point point(long startEpochMillis) { return points.computeIfAbsent(startEpochMillis, k -> new Point()); }

    public IntervalSeries copy() {
        IntervalSeries c = new IntervalSeries(intervalMillis);
        c.mergeFrom(this);
        return c;
    }

    public void mergeFrom(IntervalSeries other) {
        if (other.intervalMillis != intervalMillis) {
            throw new IllegalArgumentException("cannot merge interval series of " + intervalMillis + " ms and "
                    + other.intervalMillis + " ms");
        }
        other.points.forEach((k, v) -> point(k).add(v));
    }

    /** Restores a point read from JSON. */
    public void put(long start, long sent, long succeeded, long failed, long outputTokens, AbstractHistogram ttft,
                    AbstractHistogram e2e) {
        Point p = point(start);
        p.sent += sent;
        p.succeeded += succeeded;
        p.failed += failed;
        p.outputTokens += outputTokens;
        p.ttft.add(ttft);
        p.e2e.add(e2e);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof IntervalSeries s && s.intervalMillis == intervalMillis && s.points.equals(points);
    }

    @Override
    public int hashCode() { return Objects.hash(intervalMillis, points.keySet()); }
}
