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
    private int stage;
    /** Constant arrivals: index of the next arrival within the stage (offset = stage start + k * gap). */
    private long k;
    /** Poisson arrivals: the previous arrival, gaps accumulate from it. */
    private double lastPoissonNanos = Double.NaN;

    /** Constant arrivals: the fraction of a gap by which they are offset (a shard's phase). */
    private final double phase;

    /** Warm-up is treated as a first stage at the first stage's rate. */
    public ArrivalSchedule(LoadPlan plan) {
        this(plan, 0);
    }

    /** @param phase constant arrivals start this fraction (0..1) of a gap into each stage */
    public ArrivalSchedule(LoadPlan plan, double phase) {
        if (phase < 0 || phase >= 1) throw new IllegalArgumentException("phase must be in [0, 1)");
        this.phase = phase;
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
        while (stage < stageRates.length) {
            double rate = stageRates[stage];
            double stageStart = stage == 0 ? 0 : stageEndNanos[stage - 1];
            if (rate > 0) {
                double mean = 1e9 / rate;
                double candidate;
                if (poisson) {
                    double from = Double.isNaN(lastPoissonNanos) ? stageStart : Math.max(lastPoissonNanos, stageStart);
                    // Exponential gap -ln(U) * mean, U in (0,1]; memoryless, so a new stage simply
                    // continues from its start at its own rate.
                    candidate = from + -Math.log(1.0 - random.nextDouble()) * mean;
                } else {
                    // Multiplying, not accumulating, keeps 1/3-second spacing from drifting.
                    candidate = stageStart + (k + phase) * mean;
                }
                // Half a nanosecond of slack: 15 arrivals at 15/s must end before 1 s, not at it.
                if (candidate < stageEndNanos[stage] - 0.5) {
                    k++;
                    if (poisson) lastPoissonNanos = candidate;
                    return (long) candidate;
                }
            }
            stage++;
            k = 0;
        }
        return -1;
    }
}
