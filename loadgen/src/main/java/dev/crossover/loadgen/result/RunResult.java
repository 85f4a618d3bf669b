package dev.crossover.loadgen.result;

import java.util.Map;
import java.util.Objects;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The result of a run, or of several shards merged: what goes into the versioned JSON.
 *
 * @param label        free text naming the run (scenario, target, level)
 * @param windowStartEpochMillis start of the measured window (end of warm-up)
 * @param windowEndEpochMillis   end of the measured window (last request finished)
 * @param shards       how many shard results were merged into this one
 * @param total        all tenants together
 * @param byTenant     one section per tenant (empty when requests carry no tenant)
 * @param flags        verdicts such as {@link #FLAG_SCHEDULING_LAG}; a merge keeps every shard's flags
 * @param calibration  null when the run did not calibrate
 * @param intervals    latency over time (fixed wall-clock intervals)
 */
public record RunResult(String label, long windowStartEpochMillis, long windowEndEpochMillis, int shards,
                        MetricsSection total, Map<String, MetricsSection> byTenant, SortedSet<String> flags,
                        Calibration calibration, IntervalSeries intervals) {
    /**
     * 2: E2E covers failed and unfinished requests too, HTTP errors split into client and server
     * errors (and Bedrock's model-not-ready), goodput counters. Readers accept 1 as well (its
     * counters missing from 2 read as 0).
     */
    public static final int SCHEMA_VERSION = 2;
    /** The oldest schema this build still reads. */
    public static final int OLDEST_READABLE_SCHEMA_VERSION = 1;
    /** Set when the client's scheduling lag p99 passed the calibration threshold. */
    public static final String FLAG_SCHEDULING_LAG = "SCHEDULING_LAG_ABOVE_THRESHOLD";

    public RunResult {
        byTenant = new TreeMap<>(byTenant);
        flags = new TreeSet<>(flags);
    }

    public double windowSeconds() {
        return Math.max(0, windowEndEpochMillis - windowStartEpochMillis) / 1000.0;
    }

    /** Exact merge: histograms and counters add, the window spans both, flags are united. */
    public RunResult merge(RunResult other) {
        MetricsSection mergedTotal = total.copy();
        mergedTotal.mergeFrom(other.total);
        TreeMap<String, MetricsSection> tenants = new TreeMap<>();
        byTenant.forEach((k, v) -> tenants.put(k, v.copy()));
        other.byTenant.forEach((k, v) -> tenants.computeIfAbsent(k, x -> new MetricsSection()).mergeFrom(v));
        TreeSet<String> mergedFlags = new TreeSet<>(flags);
        mergedFlags.addAll(other.flags);
        Calibration cal = calibration == null ? other.calibration : calibration.worstWith(other.calibration);
        IntervalSeries series = intervals.copy();
        series.mergeFrom(other.intervals);
        return new RunResult(Objects.equals(label, other.label) ? label : label + "+" + other.label,
                Math.min(windowStartEpochMillis, other.windowStartEpochMillis),
                Math.max(windowEndEpochMillis, other.windowEndEpochMillis), shards + other.shards,
                mergedTotal, tenants, mergedFlags, cal, series);
    }

    public RunResult withFlag(String flag) {
        TreeSet<String> f = new TreeSet<>(flags);
        f.add(flag);
        return new RunResult(label, windowStartEpochMillis, windowEndEpochMillis, shards, total, byTenant, f, calibration,
                intervals);
    }

    public RunResult withCalibration(Calibration c) {
        return new RunResult(label, windowStartEpochMillis, windowEndEpochMillis, shards, total, byTenant, flags, c,
                intervals);
    }
}
