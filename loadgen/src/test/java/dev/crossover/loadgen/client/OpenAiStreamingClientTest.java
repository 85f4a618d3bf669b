package dev.crossover.loadgen.client;

import static org.assertj.core.api.Assertions.assertThat;

import dev.crossover.loadgen.calibrate.LoopbackSseServer;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The client against in-process loopback servers: timing rules, usage, and every error class. */
class OpenAiStreamingClientTest {

    private static OpenAiStreamingClient client(URI base, Duration timeout) {
        return new OpenAiStreamingClient(new OpenAiClientConfig(base, OpenAiApi.CHAT, "m", "key", timeout, false));
    }

    private static GenerationRequest hello() {
        return GenerationRequest.of(List.of(ChatMessage.user("hello")), 8);
    }

    @Test
    void stampsTtftAtTheFirstContentChunkNotTheRoleChunk() throws Exception {
        // The role chunk arrives at once; content 80 ms later. Stamping the role chunk would give ~1 ms.
        try (var server = new LoopbackSseServer(Duration.ofMillis(80), Duration.ofMillis(10), 5);
             var c = client(server.baseUrl(), Duration.ofSeconds(10))) {
            long start = System.nanoTime();
            RequestOutcome o = c.send(hello(), start).get();
            assertThat(o.error()).as(o.errorDetail()).isNull();
            assertThat(o.chunks().size()).isEqualTo(5);
            // Upper bounds are sanity only (the machine is shared); the lower bounds are the point.
            assertThat(o.ttftNanos()).isBetween(80_000_000L, 1_000_000_000L);
            // Four 10 ms gaps: each chunk is stamped when it arrives, not when the stream ends. (Two
            // chunks may share one read when this process is descheduled, so the span is checked.)
            assertThat(o.chunks().last() - o.chunks().first()).isBetween(39_900_000L, 1_000_000_000L);
            assertThat(o.usage().outputTokens()).isEqualTo(5);
            assertThat(o.usage().inputTokens()).isEqualTo(1);
            assertThat(o.e2eNanos()).isGreaterThanOrEqualTo(o.chunks().last() - start);
            assertThat(o.tpotNanos()).isEqualTo((o.chunks().last() - o.chunks().first()) / 4);
        }
    }

    @Test
    void completesTheOutcomeOnTheThreadThatReadTheEndOfTheStream() throws Exception {
        // A closed-loop user sends its next request from whatever thread completes the outcome; the
        // future the JDK client returns would bring it there through the common pool, one more
        // thread wake-up inside the next request's latency.
        try (var server = new LoopbackSseServer(Duration.ofMillis(30), Duration.ZERO, 2);
             var c = client(server.baseUrl(), Duration.ofSeconds(10))) {
            for (int i = 0; i < 5; i++) {
                String thread = c.send(hello(), System.nanoTime())
                        .thenApply(o -> Thread.currentThread().getName()).get();
                assertThat(thread).contains("SelectorManager").doesNotContain("ForkJoinPool");
            }
        }
    }

    @Test
    void measuresFromTheIntendedStartNotFromTheSend() throws Exception {
        try (var server = new LoopbackSseServer(Duration.ZERO, Duration.ZERO, 2);
             var c = client(server.baseUrl(), Duration.ofSeconds(10))) {
            long intended = System.nanoTime() - 50_000_000L; // the sender was 50 ms late
            RequestOutcome o = c.send(hello(), intended).get();
            assertThat(o.schedulingLagNanos()).isGreaterThanOrEqualTo(50_000_000L);
            assertThat(o.ttftNanos()).isGreaterThanOrEqualTo(50_000_000L);
        }
    }

    @Test
    void classifies429AsThrottled4xxAsClientAnd5xxAsServerErrors() throws Exception {
        try (var server = new ScriptedHttpServer(e -> {
            String body = new String(e.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            ScriptedHttpServer.respond(e, body.contains("throttle") ? 429 : body.contains("refuse") ? 400 : 503,
                    "{\"error\":\"busy\"}");
        }); var c = client(server.baseUrl(), Duration.ofSeconds(10))) {
            RequestOutcome throttled = c.send(GenerationRequest.of(List.of(ChatMessage.user("throttle")), 4),
                    System.nanoTime()).get();
            assertThat(throttled.error()).isEqualTo(ErrorClass.THROTTLED);
            assertThat(throttled.httpStatus()).isEqualTo(429);
            RequestOutcome unavailable = c.send(hello(), System.nanoTime()).get();
            assertThat(unavailable.error()).isEqualTo(ErrorClass.SERVER_ERROR);
            assertThat(unavailable.httpStatus()).isEqualTo(503);
            RequestOutcome refused = c.send(GenerationRequest.of(List.of(ChatMessage.user("refuse")), 4),
                    System.nanoTime()).get();
            assertThat(refused.error()).isEqualTo(ErrorClass.CLIENT_ERROR);
            assertThat(refused.httpStatus()).isEqualTo(400);
            assertThat(unavailable.errorDetail()).contains("busy");
        }
    }

    @Test
    void classifiesAStreamThatStopsBeforeDoneAsBroken() throws Exception {
        try (var server = new ScriptedHttpServer(e -> {
            e.getRequestBody().readAllBytes();
            e.sendResponseHeaders(200, 0);
            OutputStream out = e.getResponseBody();
            out.write("data: {\"choices\":[{\"delta\":{\"content\":\"hi\"}}]}\n\n".getBytes(StandardCharsets.UTF_8));
            out.flush();
            e.close(); // no [DONE]
        }); var c = client(server.baseUrl(), Duration.ofSeconds(10))) {
            RequestOutcome o = c.send(hello(), System.nanoTime()).get();
            assertThat(o.error()).isEqualTo(ErrorClass.BROKEN_STREAM);
            assertThat(o.chunks().size()).isEqualTo(1);
        }
    }

    @Test
    void classifiesAnErrorEventInsideTheStream() throws Exception {
        try (var server = new ScriptedHttpServer(e -> {
            e.getRequestBody().readAllBytes();
            e.sendResponseHeaders(200, 0);
            e.getResponseBody().write("data: {\"error\":{\"message\":\"boom\"}}\n\ndata: [DONE]\n\n"
                    .getBytes(StandardCharsets.UTF_8));
            e.close();
        }); var c = client(server.baseUrl(), Duration.ofSeconds(10))) {
            RequestOutcome o = c.send(hello(), System.nanoTime()).get();
            assertThat(o.error()).isEqualTo(ErrorClass.STREAM_ERROR);
            assertThat(o.errorDetail()).contains("boom");
        }
    }

    @Test
    void timesOutAStreamThatStalls() throws Exception {
        try (var server = new LoopbackSseServer(Duration.ofSeconds(5), Duration.ZERO, 1);
             var c = client(server.baseUrl(), Duration.ofMillis(300))) {
            long start = System.nanoTime();
            RequestOutcome o = c.send(hello(), start).get();
            assertThat(o.error()).isEqualTo(ErrorClass.TIMEOUT);
            assertThat(o.endNanos() - start).isBetween(300_000_000L, 2_000_000_000L);
        }
    }

    @Test
    void classifiesARefusedConnection() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        } // closed: nothing listens there now
        try (var c = client(URI.create("http://127.0.0.1:" + port + "/v1"), Duration.ofSeconds(5))) {
            RequestOutcome o = c.send(hello(), System.nanoTime()).get();
            assertThat(o.error()).isEqualTo(ErrorClass.CONNECT);
        }
    }
}
