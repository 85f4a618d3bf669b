package dev.crossover.loadgen.load;

import static org.assertj.core.api.Assertions.assertThat;

import dev.crossover.loadgen.calibrate.LoopbackSseServer;
import dev.crossover.loadgen.client.ChatMessage;
import dev.crossover.loadgen.client.GenerationRequest;
import dev.crossover.loadgen.client.OpenAiApi;
import dev.crossover.loadgen.client.OpenAiClientConfig;
import dev.crossover.loadgen.client.OpenAiStreamingClient;
import dev.crossover.loadgen.client.RequestOutcome;
import dev.crossover.loadgen.result.Counter;
import dev.crossover.loadgen.result.RunResult;
import dev.crossover.loadgen.workload.Session;
import dev.crossover.loadgen.workload.Workload;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Multi-turn sessions, request limits and warm-up through both load models, on the loopback server. */
class SessionsAgainstLoopbackTest {
    static final Duration TOOL = Duration.ofMillis(100);

    private static Workload threeTurns() {
        return seq -> {
            GenerationRequest r = GenerationRequest.of(List.of(ChatMessage.user("turn of " + seq)), 2);
            return new Session(List.of(new Session.Turn(r, Duration.ZERO), new Session.Turn(r, TOOL),
                    new Session.Turn(r, TOOL)));
        };
    }

    private static OpenAiStreamingClient client(LoopbackSseServer s) {
        return new OpenAiStreamingClient(new OpenAiClientConfig(s.baseUrl(), OpenAiApi.CHAT, "m", null,
                Duration.ofSeconds(10), false));
    }

    @Test
    void turnsOfASessionAreSequentialAndWaitTheToolLatency() throws Exception {
        try (var server = new LoopbackSseServer(Duration.ofMillis(20), Duration.ZERO, 2); var c = client(server)) {
            List<RequestOutcome> outcomes = Collections.synchronizedList(new ArrayList<>());
            LoadPlan plan = new LoadPlan(LoadModel.CONSTANT, List.of(Stage.rate(Duration.ofMillis(100), 10)),
                    Duration.ZERO, 0, 1, Duration.ofSeconds(5));
            RunResult r = LoadRunner.run("turns", plan, c, threeTurns(), Shard.SINGLE,
                    rec -> rec.onMeasuredOutcome(outcomes::add));
            assertThat(r.total().counter(Counter.REQUESTS_SUCCEEDED)).isEqualTo(3); // one session, three turns
            List<RequestOutcome> byStart = new ArrayList<>(outcomes);
            byStart.sort(Comparator.comparingLong(RequestOutcome::intendedStartNanos));
            for (int k = 1; k < 3; k++) {
                RequestOutcome prev = byStart.get(k - 1), next = byStart.get(k);
                // Intended exactly at the previous end plus the tool latency, and not sent before it.
                assertThat(next.intendedStartNanos() - prev.endNanos()).isEqualTo(TOOL.toNanos());
                assertThat(next.sendNanos()).isGreaterThanOrEqualTo(next.intendedStartNanos());
            }
        }
    }

    @Test
    void closedLoopKeepsItsUsersBusyAndStopsAtTheRequestLimit() throws Exception {
        try (var server = new LoopbackSseServer(Duration.ofMillis(10), Duration.ZERO, 2); var c = client(server)) {
            Workload single = seq -> Session.single(GenerationRequest.of(List.of(ChatMessage.user("q" + seq)), 2));
            LoadPlan plan = new LoadPlan(LoadModel.CLOSED, List.of(Stage.concurrency(Duration.ofSeconds(30), 4)),
                    Duration.ofMillis(200), 40, 1, Duration.ofSeconds(5));
            long start = System.nanoTime();
            RunResult r = LoadRunner.run("limit", plan, c, single, Shard.SINGLE);
            assertThat(System.nanoTime() - start).as("the limit, not the 30 s stage, ends the run")
                    .isLessThan(10_000_000_000L);
            assertThat(r.total().counter(Counter.REQUESTS_SENT)).isEqualTo(40);
            assertThat(r.total().counter(Counter.WARMUP_REQUESTS)).isPositive();
            assertThat(r.total().counter(Counter.REQUESTS_FAILED)).isZero();
        }
    }

    @Test
    void closedLoopStagesChangeTheNumberOfUsers() throws Exception {
        // 50 ms per request: 2 users give ~40 req/s, 8 users ~160 req/s.
        try (var server = new LoopbackSseServer(Duration.ofMillis(50), Duration.ZERO, 1); var c = client(server)) {
            Workload single = seq -> Session.single(GenerationRequest.of(List.of(ChatMessage.user("q" + seq)), 1));
            List<RequestOutcome> outcomes = Collections.synchronizedList(new ArrayList<>());
            LoadPlan plan = new LoadPlan(LoadModel.CLOSED, List.of(Stage.concurrency(Duration.ofMillis(1000), 2),
                    Stage.concurrency(Duration.ofMillis(1000), 8), Stage.concurrency(Duration.ofMillis(1000), 2)),
                    Duration.ZERO, 0, 1, Duration.ofSeconds(5));
            long[] start = new long[1];
            LoadRunner.run("stages", plan, c, single, Shard.SINGLE, rec -> {
                start[0] = System.nanoTime();
                rec.onMeasuredOutcome(outcomes::add);
            });
            long[] perStage = new long[3];
            for (RequestOutcome o : outcomes) {
                int stage = (int) Math.min(2, Math.max(0, (o.intendedStartNanos() - start[0]) / 1_000_000_000L));
                perStage[stage]++;
            }
            System.out.printf("closed-loop stages 2/8/2 users: %d / %d / %d requests%n", perStage[0], perStage[1], perStage[2]);
            assertThat(perStage[1]).isGreaterThan(2 * perStage[0]);
            assertThat(perStage[1]).isGreaterThan(2 * perStage[2]);
        }
    }

    @Test
    void aBurstShowsInTheIntervalSeries() throws Exception {
        try (var server = new LoopbackSseServer(Duration.ofMillis(5), Duration.ZERO, 1); var c = client(server)) {
            Workload single = seq -> Session.single(GenerationRequest.of(List.of(ChatMessage.user("q" + seq)), 1));
            LoadPlan plan = new LoadPlan(LoadModel.CONSTANT, List.of(Stage.rate(Duration.ofSeconds(1), 10),
                    Stage.rate(Duration.ofSeconds(1), 100), Stage.rate(Duration.ofSeconds(1), 10)),
                    Duration.ZERO, 0, 1, Duration.ofSeconds(5));
            RunResult r = LoadRunner.run("burst", plan, c, single, Shard.SINGLE);
            var points = r.intervals().points().values();
            long[] sent = points.stream().mapToLong(dev.crossover.loadgen.result.IntervalSeries.Point::sent).toArray();
            System.out.println("burst 10/100/10 per 1 s interval: " + java.util.Arrays.toString(sent));
            assertThat(r.intervals().intervalMillis()).isEqualTo(1000);
            assertThat(java.util.Arrays.stream(sent).sum()).isEqualTo(120);
            // Epoch-aligned intervals cut the 100/s second in two at worst: one holds at least 55.
            assertThat(java.util.Arrays.stream(sent).max().orElse(0)).isGreaterThanOrEqualTo(55);
        }
    }
}
