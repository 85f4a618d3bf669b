package dev.crossover.loadgen.load;

import static org.assertj.core.api.Assertions.assertThat;

import dev.crossover.loadgen.client.ChatMessage;
import dev.crossover.loadgen.client.ChunkTimes;
import dev.crossover.loadgen.client.ErrorClass;
import dev.crossover.loadgen.client.GenerationRequest;
import dev.crossover.loadgen.client.PreparedRequest;
import dev.crossover.loadgen.client.RequestOutcome;
import dev.crossover.loadgen.client.StreamingClient;
import dev.crossover.loadgen.client.Usage;
import dev.crossover.loadgen.result.Counter;
import dev.crossover.loadgen.result.RunResult;
import dev.crossover.loadgen.workload.Session;
import dev.crossover.loadgen.workload.Workload;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/**
 * The closed loop starts a user's next session on the thread that saw the previous one end. A
 * server that fails every request at once makes send() complete before it returns, so each start
 * would run inside the previous one: this client does exactly that, and the run must neither
 * overflow the stack nor lose users.
 */
class ClosedLoopInlineStartTest {

    /** Fails each request inside send(), as a refusing server can with a direct executor. */
    private static final class FailsInsideSend implements StreamingClient {
        private record Prepared(GenerationRequest request) implements PreparedRequest {}

        @Override
        public PreparedRequest prepare(GenerationRequest request) { return new Prepared(request); }

        @Override
        public CompletableFuture<RequestOutcome> send(PreparedRequest request, long intendedStartNanos) {
            long now = System.nanoTime();
            return CompletableFuture.completedFuture(new RequestOutcome(intendedStartNanos, now, new ChunkTimes(), now,
                    Usage.UNKNOWN, ErrorClass.CONNECT, 0, request.request().tenant(), "refused"));
        }
    }

    @Test
    void fiftyThousandInstantFailuresRunWithoutNestingWithoutBound() throws Exception {
        FailsInsideSend client = new FailsInsideSend();
        Workload single = seq -> Session.single(GenerationRequest.of(List.of(ChatMessage.user("q" + seq)), 1));
        LoadPlan plan = new LoadPlan(LoadModel.CLOSED, List.of(Stage.concurrency(Duration.ofSeconds(60), 3)),
                Duration.ZERO, 50_000, 1, Duration.ofSeconds(5));

        RunResult r = LoadRunner.run("instant-failures", plan, client, single, Shard.SINGLE);

        // Nested without bound, 50,000 starts would overflow the stack long before the limit.
        assertThat(r.total().counter(Counter.REQUESTS_SENT)).isEqualTo(50_000);
        assertThat(r.total().counter(Counter.REQUESTS_FAILED)).isEqualTo(50_000);
        assertThat(r.total().errors()).containsEntry(ErrorClass.CONNECT, 50_000L);
        assertThat(r.flags()).doesNotContain(LoadRunner.FLAG_UNFINISHED); // every user retired at the limit
    }
}
