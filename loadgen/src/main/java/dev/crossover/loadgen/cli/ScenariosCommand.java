package dev.crossover.loadgen.cli;

import dev.crossover.loadgen.workload.Scenario;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** Lists the scenario presets of the benchmark plan with their load shape. */
@Command(name = "scenarios", mixinStandardHelpOptions = true, description = "List the scenario presets.")
public final class ScenariosCommand implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Override
    public Integer call() {
        for (Scenario s : Scenario.values()) {
            spec.commandLine().getOut().printf("%-24s %-8s levels %s, %s per level%n", s.id,
                    s.loadModel.name().toLowerCase(), s.levels, s.levelDuration);
        }
        return 0;
    }
}
