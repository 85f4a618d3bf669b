package dev.crossover.benchmark;

import dev.crossover.loadgen.plan.RunPlan;

/**
 * One load level of a BenchmarkRun for one target, before the target is resolved: what the
 * load Job will send, and how many pods share it.
 *
 * @param label    as shown in status: "concurrency 10", "rate 30", "stages 10/100/10"
 * @param load     the loadgen load section (model, stages, warm-up, seed)
 * @param workload the loadgen workload section (scenario preset, token lengths)
 * @param shards   pods of the Indexed Job; each sends 1/shards of the load
 */
public record PlannedLevel(String label, RunPlan.Load load, RunPlan.WorkloadSpec workload, int shards) {}
