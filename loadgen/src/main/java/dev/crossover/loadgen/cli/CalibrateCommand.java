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
    @Option(names = {"-r", "--rate"}, description = "Open-loop rate for the scheduling-lag check (default 200/s).")
    double rate = 200;
    @Option(names = {"-d", "--duration"}, description = "Duration of the lag check (default 5s).")
    String duration = "5s";

    @Override
    public Integer call() throws Exception {
        Calibration c = Calibrator.measureFloor(requests, Calibrator.DEFAULT_LAG_THRESHOLD);
        spec.commandLine().getOut().printf(Locale.ROOT, "client TTFT floor on loopback: p50 %.3f ms, p99 %.3f ms (%d requests)%n",
                c.floorTtftP50Nanos() / 1e6, c.floorTtftP99Nanos() / 1e6, requests);
        var lag = Calibrator.measureOpenLoopLag(rate, dev.crossover.loadgen.plan.Durations.parse(duration));
        spec.commandLine().getOut().printf(Locale.ROOT,
                "open-loop scheduling lag at %.0f/s on loopback: p50 %.1f us, p99 %.1f us, max %.1f us (%d requests)%n",
                rate, lag.getValueAtPercentile(50) / 1e3, lag.getValueAtPercentile(99) / 1e3, lag.getMaxValue() / 1e3,
                lag.getTotalCount());
        return 0;
    }
}
