package dev.crossover.loadgen.calibrate;

import dev.crossover.loadgen.client.ChatMessage;
import dev.crossover.loadgen.client.GenerationRequest;
import dev.crossover.loadgen.client.OpenAiApi;
import dev.crossover.loadgen.client.OpenAiClientConfig;
import dev.crossover.loadgen.client.OpenAiStreamingClient;
import dev.crossover.loadgen.load.LoadModel;
import dev.crossover.loadgen.load.LoadPlan;
import dev.crossover.loadgen.load.LoadRunner;
import dev.crossover.loadgen.load.Shard;
import dev.crossover.loadgen.load.Stage;
import dev.crossover.loadgen.workload.Session;
import java.io.IOException;
import java.time.Duration;
import java.util.List;

/**
 * Warms the instrument before it measures: runs the client's whole path (encode, HTTP, SSE
 * parsing, JSON, recording) against the in-process loopback server until the JVM has compiled it.
 * Without this the first few hundred requests of a run are timed by interpreted code: on the
 * simulator at 25 req/s that showed as ~1 ms more median TTFT than a warm client, and in the p99.
 */
public final class ClientWarmup {
    /** Compiled code stays compiled: one warm-up per JVM is enough, however many runs (sweep levels) follow. */
    private static final java.util.concurrent.atomic.AtomicBoolean DONE = new java.util.concurrent.atomic.AtomicBoolean();

    private ClientWarmup() {}

    /** Warms up once per JVM; later calls return 0 at once. */
    public static long once(int requests) throws IOException, InterruptedException {
        if (requests <= 0 || !DONE.compareAndSet(false, true)) return 0;
        return run(requests);
    }

    /** @return the number of requests sent */
    public static long run(int requests) throws IOException, InterruptedException {
        if (requests <= 0) return 0;
        try (LoopbackSseServer server = new LoopbackSseServer(Duration.ZERO, Duration.ZERO, 16);
             OpenAiStreamingClient client = new OpenAiStreamingClient(new OpenAiClientConfig(server.baseUrl(),
                     OpenAiApi.CHAT, "warmup", null, Duration.ofSeconds(10), false))) {
            LoadPlan plan = new LoadPlan(LoadModel.CLOSED, List.of(Stage.concurrency(Duration.ofSeconds(60), 8)),
                    Duration.ZERO, requests, 1, Duration.ofSeconds(10));
            var r = LoadRunner.run("client-warmup", plan, client,
                    seq -> Session.single(GenerationRequest.of(List.of(ChatMessage.user("warm up " + seq)), 16)),
                    Shard.SINGLE);
            return r.total().counter(dev.crossover.loadgen.result.Counter.REQUESTS_SENT);
        }
    }
}
