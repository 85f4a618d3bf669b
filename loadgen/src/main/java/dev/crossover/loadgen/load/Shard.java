package dev.crossover.loadgen.load;

/**
 * This pod's part of a run spread over several (an Indexed Job). Shard k of n sends requests
 * k, k+n, k+2n... of the workload, at 1/n of the rate or concurrency, so the shards together send
 * the same request stream at the same load as one pod would.
 */
public record Shard(int index, int count) {
    public static final Shard SINGLE = new Shard(0, 1);

    public Shard {
        if (count < 1 || index < 0 || index >= count) throw new IllegalArgumentException("bad shard " + index + "/" + count);
    }

    /**
     * Where this shard's constant arrivals sit within one of its gaps, 0..1: shard k of n fires
     * k/n of a gap after shard 0, so n shards at rate r/n together fire every 1/r, as one pod
     * would, instead of n requests at once.
     */
    public double phase() { return (double) index / count; }

    public long sequence(long local) { return index + local * count; }

    public double rate(double total) { return total / count; }

    /** Users split as evenly as possible; the first (total % count) shards take one more. */
    public int concurrency(int total) { return total / count + (index < total % count ? 1 : 0); }

    /** Each shard draws its own arrival gaps, so identical pods do not fire in lockstep. */
    public long seed(long seed) { return seed * 31 + index; }

    public LoadPlan apply(LoadPlan plan) {
        if (count == 1) return plan;
        return new LoadPlan(plan.model(), plan.stages().stream()
                .map(s -> new Stage(s.duration(), rate(s.ratePerSecond()), concurrency(s.concurrency()))).toList(),
                plan.warmup(), plan.maxRequests() == 0 ? 0 : Math.max(1, plan.maxRequests() / count),
                seed(plan.seed()), plan.drainTimeout(),
                // Each shard reaches its part of the minimum, rounded up: together at least the whole.
                plan.minRequests() == 0 ? 0 : (plan.minRequests() + count - 1) / count, plan.maxExtension(),
                plan.startAtEpochMillis());
    }
}
