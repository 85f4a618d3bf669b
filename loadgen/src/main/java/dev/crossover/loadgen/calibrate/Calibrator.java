package dev.crossover.loadgen.calibrate;

import dev.crossover.loadgen.client.ChatMessage;
import dev.crossover.loadgen.client.GenerationRequest;
import dev.crossover.loadgen.client.OpenAiApi;
import dev.crossover.loadgen.client.OpenAiClientConfig;
import dev.crossover.loadgen.client.OpenAiStreamingClient;
import dev.crossover.loadgen.client.RequestOutcome;
import dev.crossover.loadgen.load.LoadModel;
import dev.crossover.loadgen.load.LoadPlan;
import dev.crossover.loadgen.load.LoadRunner;
import dev.crossover.loadgen.load.Shard;
import dev.crossover.loadgen.load.Stage;
import dev.crossover.loadgen.result.Calibration;
import dev.crossover.loadgen.result.Histograms;
import dev.crossover.loadgen.result.Metric;
import dev.crossover.loadgen.result.RunResult;
import dev.crossover.loadgen.workload.Session;
import dev.crossover.loadgen.workload.Workload;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutionException;
import org.HdrHistogram.Histogram;

/**
 * Self-calibration. The floor: TTFT measured against an in-process loopback server that answers at
 * once, i.e. everything this client and this machine add to a TTFT (request encoding, loopback,
 * HTTP parsing, SSE parsing, thread hand-offs). The verdict: a run whose own scheduling lag p99
 * passes the threshold is flagged, because its latencies then carry the client's lateness.
 */
public final class Calibrator {
    /** 1 ms: well under the 5 ms TTFT error the benchmark comparisons tolerate. */
    public static final Duration DEFAULT_LAG_THRESHOLD = Duration.ofMillis(1);
    private static final int WARMUP_REQUESTS = 100;

    private Calibrator() {}

    /** Measures the floor with {@code requests} sequential requests (after a JIT warm-up). */
    public static Calibration measureFloor(int requests, Duration lagThreshold)
            throws IOException, InterruptedException {
        try (LoopbackSseServer server = new LoopbackSseServer(Duration.ZERO, Duration.ZERO, 4);
             OpenAiStreamingClient client = new OpenAiStreamingClient(new OpenAiClientConfig(server.baseUrl(),
                     OpenAiApi.CHAT, "calibration", null, Duration.ofSeconds(10), false))) {
            GenerationRequest request = GenerationRequest.of(List.of(ChatMessage.user("calibrate")), 4);
            Histogram ttft = Histograms.newNanosHistogram();
            for (int i = 0; i < WARMUP_REQUESTS + requests; i++) {
                RequestOutcome o = client.send(request, System.nanoTime()).get();
                if (!o.succeeded()) throw new IllegalStateException("calibration request failed: " + o.errorDetail());
                if (i >= WARMUP_REQUESTS) ttft.recordValue(o.ttftNanos());
            }
            return new Calibration(ttft.getValueAtPercentile(50), ttft.getValueAtPercentile(99), lagThreshold.toNanos());
        } catch (ExecutionException e) {
            throw new IllegalStateException(e.getCause());
        }
    }

    /**
     * Runs an open loop at {@code rate} against the loopback server and returns its scheduling-lag
     * histogram: how late this client, on this machine, sends at that rate when the server costs
     * nothing.
     */
    public static Histogram measureOpenLoopLag(double rate, Duration duration) throws IOException, InterruptedException {
        try (LoopbackSseServer server = new LoopbackSseServer(Duration.ZERO, Duration.ZERO, 4);
             OpenAiStreamingClient client = new OpenAiStreamingClient(new OpenAiClientConfig(server.baseUrl(),
                     OpenAiApi.CHAT, "calibration", null, Duration.ofSeconds(10), false))) {
            LoadPlan plan = new LoadPlan(LoadModel.CONSTANT, List.of(Stage.rate(duration, rate)),
                    Duration.ofSeconds(1), 0, 1, Duration.ofSeconds(10));
            Workload workload = seq -> Session.single(GenerationRequest.of(List.of(ChatMessage.user("lag")), 4));
            RunResult r = LoadRunner.run("calibration", plan, client, workload, Shard.SINGLE);
            return r.total().histogram(Metric.SCHEDULING_LAG);
        }
    }

    /** Flags the result when its scheduling lag p99 passes the threshold. */
    public static RunResult judge(RunResult result, Duration lagThreshold) {
        Histogram lag = result.total().histogram(Metric.SCHEDULING_LAG);
        if (lag.getTotalCount() > 0 && lag.getValueAtPercentile(99) > lagThreshold.toNanos()) {
            return result.withFlag(RunResult.FLAG_SCHEDULING_LAG);
        }
        return result;
    }
}
