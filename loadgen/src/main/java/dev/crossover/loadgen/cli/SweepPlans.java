package dev.crossover.loadgen.cli;

import dev.crossover.loadgen.plan.RunPlan;
import dev.crossover.loadgen.workload.Scenario;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Expands a plan into the runs of a sweep: one plan per level (its own result, its own label), or
 * the scenario preset's levels when the plan names a scenario and no load. Burst is the exception:
 * its three levels are the stages of one run.
 */
final class SweepPlans {
    private SweepPlans() {}

    static List<RunPlan> expand(RunPlan plan, List<Double> levels, String durationFlag) {
        RunPlan.Load load = plan.load();
        boolean hasStages = load != null && load.stages() != null && !load.stages().isEmpty();
        Scenario preset = plan.workload() != null && plan.workload().scenario() != null
                && !plan.workload().scenario().equalsIgnoreCase("synthetic") ? Scenario.byId(plan.workload().scenario()) : null;
        if (levels == null && hasStages) return List.of(plan);
        if (levels == null && preset == null) throw new IllegalArgumentException("nothing to run: no stages or levels");
        String model = load != null && load.model() != null ? load.model()
                : preset != null ? preset.loadModel.name().toLowerCase(Locale.ROOT) : "closed";
        String duration = durationFlag != null ? durationFlag
                : preset != null ? preset.levelDuration.toSeconds() + "s" : "60s";
        String label = plan.label() != null ? plan.label() : preset != null ? preset.id : "sweep";
        if (levels == null && preset == Scenario.BURST) {
            List<RunPlan.StageSpec> stages = preset.levels.stream().map(l -> stage(model, duration, l)).toList();
            return List.of(withLoad(plan, label, model, stages, load));
        }
        List<? extends Number> values = levels != null ? levels : preset.levels;
        List<RunPlan> plans = new ArrayList<>();
        for (Number level : values) {
            String name = label + "-" + (level.doubleValue() == Math.rint(level.doubleValue())
                    ? String.valueOf(level.longValue()) : String.valueOf(level.doubleValue()));
            plans.add(withLoad(plan, name, model, List.of(stage(model, duration, level)), load));
        }
        return plans;
    }

    private static RunPlan.StageSpec stage(String model, String duration, Number level) {
        return model.equalsIgnoreCase("closed") ? new RunPlan.StageSpec(duration, null, level.intValue())
                : new RunPlan.StageSpec(duration, level.doubleValue(), null);
    }

    private static RunPlan withLoad(RunPlan p, String label, String model, List<RunPlan.StageSpec> stages,
                                    RunPlan.Load l) {
        RunPlan.Load load = new RunPlan.Load(model, stages, l == null ? null : l.warmup(),
                l == null ? null : l.maxRequests(), l == null ? null : l.seed(), l == null ? null : l.drainTimeout());
        return new RunPlan(label, p.target(), load, p.workload(), p.shard(), p.calibration(), p.serverMetrics());
    }
}
