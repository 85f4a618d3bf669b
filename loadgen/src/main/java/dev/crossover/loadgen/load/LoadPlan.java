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
 */
public record LoadPlan(LoadModel model, List<Stage> stages, Duration warmup, long maxRequests, long seed,
                       Duration drainTimeout) {
    public LoadPlan {
        stages = List.copyOf(stages);
        if (stages.isEmpty()) throw new IllegalArgumentException("a plan needs at least one stage");
        if (model == LoadModel.CLOSED && stages.get(0).concurrency() < 1) {
            throw new IllegalArgumentException("closed loop needs concurrency >= 1");
        }
        if (model.openLoop() && stages.stream().allMatch(s -> s.ratePerSecond() == 0)) {
            throw new IllegalArgumentException("open loop needs a rate > 0 in some stage");
        }
    }

    public Duration stagesDuration() {
        return stages.stream().map(Stage::duration).reduce(Duration.ZERO, Duration::plus);
    }
}
