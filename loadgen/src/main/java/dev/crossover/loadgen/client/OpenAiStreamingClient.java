package dev.crossover.loadgen.client;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.ConnectException;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Streaming client for OpenAI-compatible servers (vLLM, llm-d, LiteLLM, Bifrost, the simulator)
 * on the JDK's own non-blocking HttpClient: a selector thread multiplexes many connections, body
 * bytes are pushed to {@link OpenAiStreamSubscriber} on that thread as they are read (see
 * {@link DirectExecutor}), and no thread waits on any single stream, so thousands of concurrent
 * streams cost a handful of threads. One HttpClient (one selector) per core, requests spread
 * round-robin, so parsing scales with the cores.
 */
public final class OpenAiStreamingClient implements StreamingClient {
    private static final int ERROR_BODY_CHARS = 300;

    private final OpenAiClientConfig config;
    private final ObjectMapper json = new ObjectMapper();
    private final OpenAiRequestBodies bodies;
    private final ScheduledThreadPoolExecutor timeouts;
    private final HttpClient[] clients;
    private final AtomicInteger next = new AtomicInteger();

    public OpenAiStreamingClient(OpenAiClientConfig config) {
        this.config = config;
        this.bodies = new OpenAiRequestBodies(json, config);
        this.timeouts = new ScheduledThreadPoolExecutor(1, new DaemonThreads("loadgen-timeout"));
        this.timeouts.setRemoveOnCancelPolicy(true); // finished requests must not pin their timers
        this.clients = new HttpClient[Math.max(1, Runtime.getRuntime().availableProcessors())];
        for (int i = 0; i < clients.length; i++) {
            clients[i] = HttpClient.newBuilder()
                    // HTTP/1.1: one stream per connection, as real clients of these servers behave;
                    // h2c upgrade attempts would add a round trip and change what is measured.
                    .version(HttpClient.Version.HTTP_1_1)
                    .connectTimeout(Duration.ofSeconds(10))
                    .executor(new DirectExecutor())
                    .build();
        }
    }

    private record PreparedHttp(GenerationRequest request, HttpRequest http) implements PreparedRequest {}

    @Override
    public PreparedRequest prepare(GenerationRequest request) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(config.endpoint())
                .header("Content-Type", "application/json")
                .header("Accept", "text/event-stream")
                .POST(HttpRequest.BodyPublishers.ofByteArray(bodies.body(request)));
        String key = request.apiKey() != null ? request.apiKey() : config.defaultApiKey();
        if (key != null && !key.isEmpty()) builder.header("Authorization", "Bearer " + key);
        return new PreparedHttp(request, builder.build());
    }

    @Override
    public CompletableFuture<RequestOutcome> send(PreparedRequest prepared, long intendedStartNanos) {
        if (!(prepared instanceof PreparedHttp p)) throw new IllegalArgumentException("not prepared by this client");
        GenerationRequest request = p.request();
        HttpRequest httpRequest = p.http();
        CompletableFuture<RequestOutcome> outcome = new CompletableFuture<>();
        AtomicReference<OpenAiStreamSubscriber> streaming = new AtomicReference<>();
        long sendNanos = System.nanoTime();
        HttpClient http = clients[Math.floorMod(next.getAndIncrement(), clients.length)];
        CompletableFuture<HttpResponse<RequestOutcome>> exchange = http.sendAsync(httpRequest, info -> {
            if (info.statusCode() / 100 == 2) {
                OpenAiStreamSubscriber s = new OpenAiStreamSubscriber(json, request, intendedStartNanos, sendNanos,
                        info.statusCode(), outcome);
                streaming.set(s);
                return s;
            }
            ErrorClass error = ErrorClass.ofStatus(info.statusCode());
            // Read the (small) error body to the end so the connection can be reused. As with a stream,
            // the outcome completes on the reading thread, before the client's own future does.
            return HttpResponse.BodySubscribers.mapping(HttpResponse.BodySubscribers.ofByteArray(), bytes -> {
                RequestOutcome o = failed(request, intendedStartNanos, sendNanos, error, info.statusCode(),
                        abbreviate(new String(bytes, StandardCharsets.UTF_8)));
                outcome.complete(o);
                return o;
            });
        });

        long timeoutNanos = config.requestTimeout().toNanos();
        ScheduledFuture<?> timer = timeouts.schedule(() -> {
            OpenAiStreamSubscriber s = streaming.get();
            // A stream under way completes the outcome itself, with the chunks received so far.
            if (s != null) s.abort(ErrorClass.TIMEOUT, "no end of stream within " + config.requestTimeout());
            // Before cancelling: cancel() completes the exchange at once with a CancellationException,
            // whose handler would otherwise record the timeout as a broken stream.
            outcome.complete(failed(request, intendedStartNanos, sendNanos, ErrorClass.TIMEOUT, 0,
                    "no response within " + config.requestTimeout()));
            exchange.cancel(true);
        }, timeoutNanos, TimeUnit.NANOSECONDS);
        outcome.whenComplete((o, t) -> timer.cancel(false));

        // Normally complete already; failures before any body (refused, reset) only reach this future.
        exchange.whenComplete((response, failure) -> {
            if (failure == null) outcome.complete(response.body());
            else outcome.complete(failed(request, intendedStartNanos, sendNanos, classify(failure), 0,
                    String.valueOf(unwrap(failure))));
        });
        return outcome;
    }

    static ErrorClass classify(Throwable failure) {
        Throwable t = unwrap(failure);
        if (t instanceof HttpConnectTimeoutException || t instanceof ConnectException) return ErrorClass.CONNECT;
        if (t instanceof HttpTimeoutException) return ErrorClass.TIMEOUT;
        return ErrorClass.BROKEN_STREAM; // reset, closed before or during the response
    }

    private static Throwable unwrap(Throwable t) {
        while ((t instanceof CompletionException || t instanceof java.util.concurrent.ExecutionException)
                && t.getCause() != null) t = t.getCause();
        return t;
    }

    private static RequestOutcome failed(GenerationRequest request, long intended, long send, ErrorClass error,
                                         int status, String detail) {
        return new RequestOutcome(intended, send, new ChunkTimes(), System.nanoTime(), Usage.UNKNOWN, error, status,
                request.tenant(), detail);
    }

    private static String abbreviate(String s) {
        return s.length() <= ERROR_BODY_CHARS ? s : s.substring(0, ERROR_BODY_CHARS) + "...";
    }

    @Override
    public void close() {
        timeouts.shutdownNow();
        for (HttpClient c : clients) c.shutdownNow();
    }
}
