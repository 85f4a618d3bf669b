package dev.crossover.loadgen.load;

import static org.assertj.core.api.Assertions.assertThat;

import dev.crossover.loadgen.calibrate.LoopbackSseServer;
import dev.crossover.loadgen.client.ChatMessage;
import dev.crossover.loadgen.client.GenerationRequest;
import dev.crossover.loadgen.client.OpenAiApi;
import dev.crossover.loadgen.client.OpenAiClientConfig;
import dev.crossover.loadgen.client.OpenAiStreamingClient;
import dev.crossover.loadgen.result.Counter;
import dev.crossover.loadgen.result.RunResult;
import dev.crossover.loadgen.result.Summary;
import dev.crossover.loadgen.workload.Session;
import dev.crossover.loadgen.workload.Workload;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A level goes on past its stages until it has the minimum request count (up to a cap), and its
 * rates count completions inside the window from warm-up end to the end of sending, not the drain.
 */
class EnoughSamplesAndWindowAgainstLoopbackTest {
    private static final Workload SINGLE =
            seq -> Session.single(GenerationRequest.of(List.of(ChatMessage.user("q" + seq)), 1));

    private static OpenAiStreamingClient client(LoopbackSseServer s) {
        return new OpenAiStreamingClient(new OpenAiClientConfig(s.baseUrl(), OpenAiApi.CHAT, "m", null,
                Duration.ofSeconds(10), false));
    }

    @Test
    void aClosedLoopLevelGoesOnUntilItHasTheMinimumRequests() throws Exception {
        // One user, 20 ms a request: ~10 requests in the 200 ms stage, 60 asked for.
        try (var server = new LoopbackSseServer(Duration.ofMillis(20), Duration.ZERO, 1); var c = client(server)) {
            LoadPlan plan = new LoadPlan(LoadModel.CLOSED, List.of(Stage.concurrency(Duration.ofMillis(200), 1)),
                    Duration.ZERO, 0, 1, Duration.ofSeconds(5), 60, Duration.ofSeconds(20));
            RunResult r = LoadRunner.run("min", plan, c, SINGLE, Shard.SINGLE);
            long sent = r.total().counter(Counter.REQUESTS_SENT);
            assertThat(sent).isBetween(60L, 62L);
            // The window grew with the extension: ~60 x 20 ms, well past the 200 ms stage.
            assertThat(r.windowSeconds()).isGreaterThan(1.0).isLessThan(20.0);
        }
    }

    @Test
    void theExtensionStopsAtItsCap() throws Exception {
        try (var server = new LoopbackSseServer(Duration.ofMillis(20), Duration.ZERO, 1); var c = client(server)) {
            LoadPlan plan = new LoadPlan(LoadModel.CLOSED, List.of(Stage.concurrency(Duration.ofMillis(200), 1)),
                    Duration.ZERO, 0, 1, Duration.ofSeconds(5), 100_000, Duration.ofMillis(300));
            long start = System.nanoTime();
            RunResult r = LoadRunner.run("capped", plan, c, SINGLE, Shard.SINGLE);
            assertThat(System.nanoTime() - start).isLessThan(3_000_000_000L);
            assertThat(r.total().counter(Counter.REQUESTS_SENT)).isLessThan(100);
            assertThat(r.windowSeconds()).isBetween(0.45, 1.5);
        }
    }

    @Test
    void anOpenLoopLevelSendsOnAtItsRateUntilTheMinimum() throws Exception {
        try (var server = new LoopbackSseServer(Duration.ofMillis(5), Duration.ZERO, 1); var c = client(server)) {
            // 20/s for 0.5 s is 10 requests; 30 asked for: ~1.5 s of sending at the same rate.
            LoadPlan plan = new LoadPlan(LoadModel.CONSTANT, List.of(Stage.rate(Duration.ofMillis(500), 20)),
                    Duration.ZERO, 0, 1, Duration.ofSeconds(5), 30, Duration.ofSeconds(10));
            RunResult r = LoadRunner.run("open-min", plan, c, SINGLE, Shard.SINGLE);
            assertThat(r.total().counter(Counter.REQUESTS_SENT)).isEqualTo(30);
            assertThat(r.windowSeconds()).isBetween(1.4, 2.0);
        }
    }

    @Test
    void requestsPerSecondCountsCompletionsInsideTheWindowNotTheDrain() throws Exception {
        // Each request takes 400 ms; 10/s for 1 s: the last ones finish ~0.4 s after sending stops.
        try (var server = new LoopbackSseServer(Duration.ofMillis(400), Duration.ZERO, 1); var c = client(server)) {
            LoadPlan plan = new LoadPlan(LoadModel.CONSTANT, List.of(Stage.rate(Duration.ofSeconds(1), 10)),
                    Duration.ZERO, 0, 1, Duration.ofSeconds(5));
            RunResult r = LoadRunner.run("window", plan, c, SINGLE, Shard.SINGLE);
            assertThat(r.total().counter(Counter.REQUESTS_SUCCEEDED)).isEqualTo(10);
            // The window ends when the last request was sent (0.9 s), not when the last one finished (1.3 s).
            assertThat(r.windowSeconds()).isBetween(0.85, 1.1);
            // Those sent in the first ~0.5 s finished inside it; the drain's completions are not rate.
            long inWindow = r.total().counter(Counter.REQUESTS_SUCCEEDED_IN_WINDOW);
            assertThat(inWindow).isBetween(4L, 7L);
            assertThat(Summary.of(r).path("requestsPerSecond").asDouble()).isEqualTo(inWindow / r.windowSeconds());
        }
    }
}
