package dev.crossover.loadgen.cli;

import dev.crossover.loadgen.result.RunResult;
import dev.crossover.loadgen.result.RunResultJson;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** Merges shard results exactly (histograms and counters add) into one result. */
@Command(name = "merge", mixinStandardHelpOptions = true, description = "Merge shard result files into one.")
public final class MergeCommand implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Parameters(arity = "1..*", description = "Result JSON files of the shards.")
    List<Path> inputs;
    @Option(names = {"-o", "--output"}, description = "Merged result file, '-' for stdout (default '-').")
    String output = "-";

    @Override
    public Integer call() throws Exception {
        RunResult merged = null;
        for (Path p : inputs) {
            RunResult r = RunResultJson.read(Files.readString(p));
            merged = merged == null ? r : merged.merge(r);
        }
        Output.write(output, RunResultJson.write(merged), spec.commandLine().getOut());
        return 0;
    }
}
