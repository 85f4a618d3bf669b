package dev.crossover.loadgen.calibrate;

import dev.crossover.loadgen.client.ChatMessage;
import dev.crossover.loadgen.client.GenerationRequest;
import dev.crossover.loadgen.client.OpenAiApi;
import dev.crossover.loadgen.client.OpenAiClientConfig;
import dev.crossover.loadgen.client.OpenAiStreamingClient;
import dev.crossover.loadgen.client.RequestOutcome;
import dev.crossover.loadgen.result.Calibration;
import dev.crossover.loadgen.result.Histograms;
import dev.crossover.loadgen.result.Metric;
import dev.crossover.loadgen.result.RunResult;
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

    /** Flags the result when its scheduling lag p99 passes the threshold. */
    public static RunResult judge(RunResult result, Duration lagThreshold) {
        Histogram lag = result.total().histogram(Metric.SCHEDULING_LAG);
        if (lag.getTotalCount() > 0 && lag.getValueAtPercentile(99) > lagThreshold.toNanos()) {
            return result.withFlag(RunResult.FLAG_SCHEDULING_LAG);
        }
        return result;
    }
}
