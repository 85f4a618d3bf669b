package dev.crossover.loadgen.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.crossover.loadgen.calibrate.LoopbackSseServer;
import dev.crossover.loadgen.client.ChatMessage;
import dev.crossover.loadgen.client.GenerationRequest;
import dev.crossover.loadgen.client.OpenAiApi;
import dev.crossover.loadgen.client.OpenAiClientConfig;
import dev.crossover.loadgen.client.OpenAiStreamingClient;
import dev.crossover.loadgen.result.Counter;
import dev.crossover.loadgen.result.RunResult;
import dev.crossover.loadgen.workload.Session;
import dev.crossover.loadgen.workload.Workload;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The shards of a level start at the instant written in their plan, or refuse when too late. */
class CommonStartAgainstLoopbackTest {
    private static final Workload SINGLE =
            seq -> Session.single(GenerationRequest.of(List.of(ChatMessage.user("q" + seq)), 1));

    private static LoadPlan plan(long startAt) {
        return new LoadPlan(LoadModel.CONSTANT, List.of(Stage.rate(Duration.ofMillis(500), 20)), Duration.ofMillis(500),
                0, 1, Duration.ofSeconds(5), 0, Duration.ZERO, startAt);
    }

    @Test
    void shardsMeasureFromTheCommonStartPlusWarmup() throws Exception {
        try (var server = new LoopbackSseServer(Duration.ofMillis(5), Duration.ZERO, 1);
             var c = new OpenAiStreamingClient(new OpenAiClientConfig(server.baseUrl(), OpenAiApi.CHAT, "m", null,
                     Duration.ofSeconds(10), false))) {
            long startAt = System.currentTimeMillis() + 700;
            RunResult r0 = LoadRunner.run("s0", plan(startAt), c, SINGLE, new Shard(0, 2));
            // Shard 1 starts ~1.7 s late (after shard 0's run): within no warm-up, so it refuses.
            assertThatThrownBy(() -> LoadRunner.run("s1", plan(startAt), c, SINGLE, new Shard(1, 2)))
                    .isInstanceOf(LateStartException.class).hasMessageContaining("after its level's common start");
            assertThat(r0.windowStartEpochMillis()).isBetween(startAt + 500 - 5, startAt + 500 + 5);
            assertThat(r0.total().counter(Counter.REQUESTS_SENT)).isEqualTo(5);
        }
    }

    @Test
    void aShardLateWithinItsWarmupLinesUpAndLosesOnlyWarmupRequests() throws Exception {
        try (var server = new LoopbackSseServer(Duration.ofMillis(5), Duration.ZERO, 1);
             var c = new OpenAiStreamingClient(new OpenAiClientConfig(server.baseUrl(), OpenAiApi.CHAT, "m", null,
                     Duration.ofSeconds(10), false))) {
            LoadPlan late = new LoadPlan(LoadModel.CONSTANT, List.of(Stage.rate(Duration.ofMillis(500), 20)),
                    Duration.ofSeconds(2), 0, 1, Duration.ofSeconds(5), 0, Duration.ZERO,
                    System.currentTimeMillis() - 1_000);
            RunResult r = LoadRunner.run("late", late, c, SINGLE, Shard.SINGLE);
            assertThat(r.windowStartEpochMillis()).isBetween(late.startAtEpochMillis() + 2_000 - 2, late.startAtEpochMillis() + 2_000 + 2);
            // The measured schedule is whole; of 40 warm-up arrivals, the first second's were skipped.
            assertThat(r.total().counter(Counter.REQUESTS_SENT)).isEqualTo(10);
            assertThat(r.total().counter(Counter.WARMUP_REQUESTS)).isBetween(15L, 25L);
        }
    }
}
