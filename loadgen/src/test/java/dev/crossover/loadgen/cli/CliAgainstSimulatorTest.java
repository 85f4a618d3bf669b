package dev.crossover.loadgen.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.crossover.loadgen.result.Counter;
import dev.crossover.loadgen.result.RunResult;
import dev.crossover.loadgen.result.RunResultJson;
import dev.crossover.loadgen.sim.SimulatorProcess;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** The CLI as a person and the load Job use it, against the real simulator. */
class CliAgainstSimulatorTest {
    static SimulatorProcess sim;

    @BeforeAll
    static void start() throws Exception {
        sim = SimulatorProcess.start("--time-to-first-token", "20ms", "--inter-token-latency", "2ms");
    }

    @AfterAll
    static void stop() {
        if (sim != null) sim.close();
    }

    record Run(int exit, String out, String err) {}

    static Run cli(String... args) {
        StringWriter out = new StringWriter(), err = new StringWriter();
        CommandLine cl = LoadgenMain.commandLine();
        cl.setOut(new PrintWriter(out));
        cl.setErr(new PrintWriter(err));
        int exit = cl.execute(args);
        return new Run(exit, out.toString(), err.toString());
    }

    @Test
    void runWithFlagsWritesAVersionedResultAndASummary(@TempDir Path dir) throws Exception {
        Path result = dir.resolve("r.json");
        Run run = cli("run", "--url", sim.baseUrl().toString(), "--model", SimulatorProcess.MODEL,
                "--load", "poisson", "--rate", "20", "--duration", "1s", "--warmup", "200ms", "--seed", "3",
                "--output-tokens", "8", "--input-tokens", "uniform:10:50", "--label", "cli-flags", "-o", result.toString());
        assertThat(run.exit()).as(run.err()).isZero();
        JsonNode json = new ObjectMapper().readTree(Files.readString(result));
        assertThat(json.path("schemaVersion").asInt()).isEqualTo(2);
        assertThat(json.path("label").asText()).isEqualTo("cli-flags");
        assertThat(json.path("total").path("counters").path("requestsSucceeded").asLong()).isPositive();
        assertThat(json.path("total").path("counters").path("outputTokens").asLong())
                .isEqualTo(8 * json.path("total").path("counters").path("requestsSucceeded").asLong());
        assertThat(run.err()).contains("ttft").contains("p99");
    }

    @Test
    void shardsFromAPlanFileMergeIntoTheWholeRun(@TempDir Path dir) throws Exception {
        Path plan = dir.resolve("plan.json");
        Files.writeString(plan, """
                {"label": "job", "target": {"url": "%s", "model": "%s", "timeout": "30s"},
                 "load": {"model": "constant", "stages": [{"duration": "1s", "rate": 30}], "seed": 9},
                 "workload": {"scenario": "gateway-overhead", "outputTokens": "4"},
                 "shard": {"count": 2}}
                """.formatted(sim.baseUrl(), SimulatorProcess.MODEL));
        // As two pods of an Indexed Job would, one after the other here.
        Path a = dir.resolve("a.json"), b = dir.resolve("b.json"), merged = dir.resolve("m.json");
        assertThat(cli("run", "--plan", plan.toString(), "--shard-index", "0", "-o", a.toString(), "--no-summary").exit())
                .isZero();
        assertThat(cli("run", "--plan", plan.toString(), "--shard-index", "1", "-o", b.toString(), "--no-summary").exit())
                .isZero();
        Run m = cli("merge", a.toString(), b.toString(), "-o", merged.toString());
        assertThat(m.exit()).as(m.err()).isZero();
        RunResult ra = RunResultJson.read(Files.readString(a));
        RunResult rb = RunResultJson.read(Files.readString(b));
        RunResult rm = RunResultJson.read(Files.readString(merged));
        assertThat(ra.total().counter(Counter.REQUESTS_SENT)).isEqualTo(15);
        assertThat(rb.total().counter(Counter.REQUESTS_SENT)).isEqualTo(15);
        assertThat(rm.total().counter(Counter.REQUESTS_SUCCEEDED)).isEqualTo(30);
        assertThat(rm.total()).isEqualTo(ra.merge(rb).total());
        assertThat(rm.shards()).isEqualTo(2);
        Run summary = cli("summary", merged.toString());
        assertThat(summary.out()).contains("30 ok");
    }

    @Test
    void badInputIsAUsageErrorNotAStackTrace() {
        Run run = cli("run", "--url", sim.baseUrl().toString(), "--model", "m");
        assertThat(run.exit()).isNotZero();
        assertThat(run.err()).contains("give --concurrency, --rate");
    }

    @Test
    void aSweepWritesOneResultPerLevel(@TempDir Path dir) throws Exception {
        Run run = cli("run", "--url", sim.baseUrl().toString(), "--model", SimulatorProcess.MODEL,
                "--scenario", "gateway-overhead", "--levels", "1,4", "--duration", "1s", "--output-tokens", "4",
                "--output-dir", dir.toString(), "--no-summary");
        assertThat(run.exit()).as(run.err()).isZero();
        RunResult one = RunResultJson.read(Files.readString(dir.resolve("gateway-overhead-1.json")));
        RunResult four = RunResultJson.read(Files.readString(dir.resolve("gateway-overhead-4.json")));
        assertThat(one.label()).isEqualTo("gateway-overhead-1");
        // Closed loop (the preset's model): four users complete about four times the requests of one.
        assertThat(four.total().counter(Counter.REQUESTS_SUCCEEDED))
                .isGreaterThan(2 * one.total().counter(Counter.REQUESTS_SUCCEEDED));
    }

    @Test
    void calibrationIsWrittenIntoTheResultAndTheLagThresholdFlagsTheRun(@TempDir Path dir) throws Exception {
        Path strict = dir.resolve("strict.json"), lax = dir.resolve("lax.json");
        String[] common = {"run", "--url", sim.baseUrl().toString(), "--model", SimulatorProcess.MODEL, "--rate", "20",
                "--duration", "1s", "--output-tokens", "2", "--no-summary", "--calibrate"};
        assertThat(cli(concat(common, "--lag-threshold", "0.001ms", "-o", strict.toString())).exit()).isZero();
        assertThat(cli(concat(common, "--lag-threshold", "10s", "-o", lax.toString())).exit()).isZero();
        RunResult s = RunResultJson.read(Files.readString(strict)), l = RunResultJson.read(Files.readString(lax));
        assertThat(s.flags()).contains(RunResult.FLAG_SCHEDULING_LAG);
        assertThat(l.flags()).doesNotContain(RunResult.FLAG_SCHEDULING_LAG);
        assertThat(s.calibration().lagThresholdNanos()).isEqualTo(1_000L);
        assertThat(l.calibration().floorTtftP50Nanos()).isPositive();
    }

    private static String[] concat(String[] a, String... b) {
        String[] out = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
