package dev.crossover.loadgen.load;

import java.time.Duration;
import java.util.List;

/**
 * How to drive one run.
 *
 * @param model        closed loop, or open loop with constant or Poisson arrivals
 * @param stages       run in order after warm-up: rates (open loop) or numbers of users (closed
 *                     loop); sweeps are separate runs, one result per level
 * @param warmup       sent at the first stage's load before the stages, never measured
 * @param maxRequests  stop after this many measured requests; 0 for no limit (stages' time decides)
 * @param seed         the arrival process's seed (Poisson gaps)
 * @param drainTimeout how long to wait for in-flight requests once sending stops
 * @param minRequests  keep the last stage going after the stages' time until this many measured
 *                     requests have completed (closed loop) or been sent (open loop); 0: no minimum
 * @param maxExtension the most time the minimum may add after the stages
 * @param startAtEpochMillis when the run starts (warm-up first), the same instant for every shard of a
 *                     level, so their schedules line up; 0: as soon as this process is ready
 */
public record LoadPlan(LoadModel model, List<Stage> stages, Duration warmup, long maxRequests, long seed,
                       Duration drainTimeout, long minRequests, Duration maxExtension, long startAtEpochMillis) {

    /** A plan without a minimum request count: the stages' time alone decides. */
    public LoadPlan(LoadModel model, List<Stage> stages, Duration warmup, long maxRequests, long seed,
                    Duration drainTimeout) {
        this(model, stages, warmup, maxRequests, seed, drainTimeout, 0, Duration.ZERO);
    }

    /** A plan that starts as soon as the process is ready. */
    public LoadPlan(LoadModel model, List<Stage> stages, Duration warmup, long maxRequests, long seed,
                    Duration drainTimeout, long minRequests, Duration maxExtension) {
        this(model, stages, warmup, maxRequests, seed, drainTimeout, minRequests, maxExtension, 0);
    }

    public LoadPlan {
        stages = List.copyOf(stages);
        if (minRequests < 0 || maxExtension == null || maxExtension.isNegative()) {
            throw new IllegalArgumentException("minRequests must be >= 0 and maxExtension a duration >= 0");
        }
        if (stages.isEmpty()) throw new IllegalArgumentException("a plan needs at least one stage");
        if (model == LoadModel.CLOSED && stages.get(0).concurrency() < 1) {
            throw new IllegalArgumentException("closed loop needs concurrency >= 1");
        }
        if (model.openLoop() && stages.stream().allMatch(s -> s.ratePerSecond() == 0)) {
            throw new IllegalArgumentException("open loop needs a rate > 0 in some stage");
        }
    }

    /** Whether the run may go on after its stages to reach a minimum request count. */
    public boolean extendable() {
        return minRequests > 0 && maxExtension.isPositive();
    }

    public Duration stagesDuration() {
        return stages.stream().map(Stage::duration).reduce(Duration.ZERO, Duration::plus);
    }
}
