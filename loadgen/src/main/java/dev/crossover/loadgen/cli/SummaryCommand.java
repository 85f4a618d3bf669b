package dev.crossover.loadgen.cli;

import dev.crossover.loadgen.result.Counter;
import dev.crossover.loadgen.result.Metric;
import dev.crossover.loadgen.result.RunResult;
import dev.crossover.loadgen.result.RunResultJson;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.HdrHistogram.Histogram;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** Prints a result as a table a person reads. */
@Command(name = "summary", mixinStandardHelpOptions = true, description = "Print a result file as a table.")
public final class SummaryCommand implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Parameters(index = "0", description = "Result JSON file.")
    Path input;

    @Override
    public Integer call() throws Exception {
        spec.commandLine().getOut().println(table(RunResultJson.read(Files.readString(input))));
        return 0;
    }

    static String table(RunResult r) {
        StringBuilder sb = new StringBuilder();
        var t = r.total();
        double s = r.windowSeconds();
        sb.append(String.format(Locale.ROOT, "%s: %d sent, %d ok, %d failed %s, %d warm-up; %.1f s, %.2f req/s, %.1f out tok/s%n",
                r.label(), t.counter(Counter.REQUESTS_SENT), t.counter(Counter.REQUESTS_SUCCEEDED),
                t.counter(Counter.REQUESTS_FAILED), t.errors(), t.counter(Counter.WARMUP_REQUESTS), s,
                s > 0 ? t.counter(Counter.REQUESTS_SUCCEEDED_IN_WINDOW) / s : 0,
                s > 0 ? t.counter(Counter.OUTPUT_TOKENS_IN_WINDOW) / s : 0));
        sb.append(String.format(Locale.ROOT, "%-14s %10s %10s %10s %10s %10s %10s%n", "ms", "count", "p50", "p90", "p99",
                "p99.9", "max"));
        for (Metric m : Metric.values()) {
            if (!m.latency()) continue;
            Histogram h = t.histogram(m);
            sb.append(String.format(Locale.ROOT, "%-14s %10d %10.3f %10.3f %10.3f %10.3f %10.3f%n", m.key,
                    h.getTotalCount(), p(h, 50), p(h, 90), p(h, 99), p(h, 99.9), h.getMaxValue() / 1e6));
        }
        if (!r.flags().isEmpty()) sb.append("flags: ").append(r.flags()).append('\n');
        if (r.calibration() != null) {
            sb.append(String.format(Locale.ROOT, "client floor: TTFT p50 %.3f ms, p99 %.3f ms; lag threshold %.3f ms%n",
                    r.calibration().floorTtftP50Nanos() / 1e6, r.calibration().floorTtftP99Nanos() / 1e6,
                    r.calibration().lagThresholdNanos() / 1e6));
        }
        return sb.toString();
    }

    private static double p(Histogram h, double q) {
        return h.getTotalCount() == 0 ? 0 : h.getValueAtPercentile(q) / 1e6;
    }
}
