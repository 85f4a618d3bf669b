package dev.crossover.loadgen.cli;

import dev.crossover.loadgen.calibrate.Calibrator;
import dev.crossover.loadgen.result.Calibration;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** Measures and prints the client's own TTFT floor against an in-process loopback server. */
@Command(name = "calibrate", mixinStandardHelpOptions = true, description = "Measure the client's own floor.")
public final class CalibrateCommand implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Option(names = {"-n", "--requests"}, description = "Measured requests (default 500).")
    int requests = 500;

    @Override
    public Integer call() throws Exception {
        Calibration c = Calibrator.measureFloor(requests, Calibrator.DEFAULT_LAG_THRESHOLD);
        spec.commandLine().getOut().printf(Locale.ROOT, "client TTFT floor on loopback: p50 %.3f ms, p99 %.3f ms (%d requests)%n",
                c.floorTtftP50Nanos() / 1e6, c.floorTtftP99Nanos() / 1e6, requests);
        return 0;
    }
}
