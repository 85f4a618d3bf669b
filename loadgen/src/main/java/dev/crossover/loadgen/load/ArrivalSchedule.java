package dev.crossover.loadgen.load;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Intended send times of an open-loop run, as offsets from its start, computed from the plan alone
 * (and the seed), never from what the server did: that is what keeps the open loop open.
 * Offsets are kept as doubles so evenly spaced arrivals do not drift by rounding.
 */
public final class ArrivalSchedule {
    private final boolean poisson;
    private final SplittableRandom random;
    private final double[] stageEndNanos;
    private final double[] stageRates;
    private double nextOffsetNanos;
    private boolean started;

    /** Warm-up is treated as a first stage at the first stage's rate. */
    public ArrivalSchedule(LoadPlan plan) {
        this.poisson = plan.model() == LoadModel.POISSON;
        this.random = new SplittableRandom(plan.seed());
        List<double[]> segments = new ArrayList<>();
        double end = 0;
        if (!plan.warmup().isZero()) {
            end += plan.warmup().toNanos();
            segments.add(new double[] {end, plan.stages().get(0).ratePerSecond()});
        }
        for (Stage s : plan.stages()) {
            end += s.duration().toNanos();
            segments.add(new double[] {end, s.ratePerSecond()});
        }
        stageEndNanos = segments.stream().mapToDouble(a -> a[0]).toArray();
        stageRates = segments.stream().mapToDouble(a -> a[1]).toArray();
    }

    /** The next intended offset in nanoseconds, or -1 when the schedule is over. */
    public long next() {
        if (!started) {
            started = true;
            nextOffsetNanos = 0;
        } else {
            nextOffsetNanos += gapNanos(nextOffsetNanos);
        }
        // Skip stages with rate 0 (a pause) and gaps that run past the end.
        int stage = stageAt(nextOffsetNanos);
        while (stage >= 0 && stageRates[stage] == 0) {
            nextOffsetNanos = stageEndNanos[stage];
            stage = stageAt(nextOffsetNanos);
        }
        return stage < 0 ? -1 : (long) nextOffsetNanos;
    }

    private double gapNanos(double at) {
        int stage = stageAt(at);
        double rate = stage < 0 ? 0 : stageRates[stage];
        if (rate == 0) return 0;
        double mean = 1e9 / rate;
        // Exponential gaps: -ln(U) * mean, U in (0,1].
        return poisson ? -Math.log(1.0 - random.nextDouble()) * mean : mean;
    }

    private int stageAt(double offset) {
        for (int i = 0; i < stageEndNanos.length; i++) if (offset < stageEndNanos[i]) return i;
        return -1;
    }
}
