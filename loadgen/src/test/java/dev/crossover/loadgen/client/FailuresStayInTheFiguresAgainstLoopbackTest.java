package dev.crossover.loadgen.client;

import static org.assertj.core.api.Assertions.assertThat;

import dev.crossover.loadgen.load.LoadModel;
import dev.crossover.loadgen.load.LoadPlan;
import dev.crossover.loadgen.load.LoadRunner;
import dev.crossover.loadgen.load.Shard;
import dev.crossover.loadgen.load.Stage;
import dev.crossover.loadgen.result.Counter;
import dev.crossover.loadgen.result.GoodputLimits;
import dev.crossover.loadgen.result.Metric;
import dev.crossover.loadgen.result.RunResult;
import dev.crossover.loadgen.result.Summary;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * A server that answers some requests, throttles some, fails some with 500 and never finishes
 * others, on loopback: every request sent must show up in the figures. Failures count in E2E at
 * the time they took, requests still out when the run stops waiting count as timeouts, and
 * goodput counts only requests that succeeded within their limits.
 */
class FailuresStayInTheFiguresAgainstLoopbackTest {

    @Test
    void everyRequestCountsThrottledFailedAndUnfinishedIncluded() throws Exception {
        AtomicInteger n = new AtomicInteger();
        List<com.sun.net.httpserver.HttpExchange> stalled = new java.util.concurrent.CopyOnWriteArrayList<>();
        try (var server = new ScriptedHttpServer(e -> {
            int i = n.getAndIncrement();
            switch (i % 4) {
                case 0 -> ScriptedHttpServer.respond(e, 429, "{\"error\":\"slow down\"}");
                case 1 -> ScriptedHttpServer.respond(e, 500, "{\"error\":\"boom\"}");
                case 2 -> {
                    // Never answered (the exchange is left open, no handler thread held): the drain
                    // timeout (2 s) gives up on it.
                    e.getRequestBody().readAllBytes();
                    stalled.add(e);
                }
                default -> {
                    e.getRequestBody().readAllBytes();
                    e.getResponseHeaders().add("content-type", "text/event-stream");
                    e.sendResponseHeaders(200, 0);
                    var out = e.getResponseBody();
                    out.write("data: {\"choices\":[{\"delta\":{\"content\":\"hi\"}}]}\n\n".getBytes(StandardCharsets.UTF_8));
                    out.write("data: [DONE]\n\n".getBytes(StandardCharsets.UTF_8));
                    e.close();
                }
            }
        }); var client = new OpenAiStreamingClient(new OpenAiClientConfig(server.baseUrl(), OpenAiApi.CHAT, "m", null,
                Duration.ofSeconds(30), false))) {
            // 40 requests at 100/s, open loop: ten of each kind.
            LoadPlan plan = new LoadPlan(LoadModel.CONSTANT, List.of(Stage.rate(Duration.ofMillis(400), 100)),
                    Duration.ZERO, 0, 1, Duration.ofSeconds(2));
            long before = System.nanoTime();
            RunResult r = LoadRunner.run("failures", plan, client,
                    seq -> dev.crossover.loadgen.workload.Session.single(GenerationRequest.of(List.of(ChatMessage.user("q" + seq)), 4)),
                    Shard.SINGLE, rec -> rec.judgeGoodput(new GoodputLimits(Duration.ofSeconds(30).toNanos(), 0, 0)));
            long took = System.nanoTime() - before;
            var t = r.total();
            assertThat(t.counter(Counter.REQUESTS_SENT)).isEqualTo(40);
            assertThat(t.counter(Counter.REQUESTS_SUCCEEDED)).isEqualTo(10);
            assertThat(t.counter(Counter.REQUESTS_FAILED)).isEqualTo(30);
            assertThat(t.errors()).containsEntry(ErrorClass.THROTTLED, 10L).containsEntry(ErrorClass.SERVER_ERROR, 10L)
                    .containsEntry(ErrorClass.TIMEOUT, 10L);
            assertThat(r.flags()).contains(LoadRunner.FLAG_UNFINISHED);
            // E2E over all 40: the unfinished ones at the time the run stopped waiting (>= the 2 s drain).
            assertThat(t.histogram(Metric.E2E).getTotalCount()).isEqualTo(40);
            assertThat(t.histogram(Metric.E2E).getMaxValue()).isGreaterThanOrEqualTo(2_000_000_000L).isLessThan(took);
            assertThat(t.histogram(Metric.TTFT).getTotalCount()).isEqualTo(10);
            // Goodput: only the ten answered requests (the limit is generous: this test is about
            // failures, and a loaded machine answers loopback slowly), never a failed one.
            assertThat(t.counter(Counter.GOODPUT_JUDGED)).isEqualTo(40);
            assertThat(t.counter(Counter.GOODPUT_REQUESTS)).isEqualTo(10);
            assertThat(Summary.of(r).path("goodputShare").asDouble()).isEqualTo(0.25);
        }
    }
}
