package dev.crossover.loadgen.client.agentcore;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.crossover.loadgen.client.ChunkTimes;
import dev.crossover.loadgen.client.ErrorClass;
import dev.crossover.loadgen.client.GenerationRequest;
import dev.crossover.loadgen.client.RequestOutcome;
import dev.crossover.loadgen.client.SseEventParser;
import dev.crossover.loadgen.client.Usage;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import org.reactivestreams.Subscriber;
import org.reactivestreams.Subscription;
import software.amazon.awssdk.core.async.AsyncResponseTransformer;
import software.amazon.awssdk.core.async.SdkPublisher;
import software.amazon.awssdk.services.bedrockagentcore.model.InvokeAgentRuntimeResponse;

/**
 * Receives one InvokeAgentRuntime response body from the SDK as its bytes arrive and stamps them
 * with System.nanoTime before parsing. For text/event-stream every SSE event whose data is not
 * empty ("", null, {} and blanks are keep-alives, not output) is a chunk; an event whose data is a
 * JSON object with an "error" member is the agent reporting a failure mid-stream (what the
 * AgentCore SDKs' apps send when the agent raises). For any other content type the first non-empty
 * bytes are the one chunk. Callbacks come from the SDK's threads, in order, one at a time;
 * {@link #outcome} is read from another, hence the locking.
 */
final class AgentCoreResponseStream implements AsyncResponseTransformer<InvokeAgentRuntimeResponse, Void> {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final ChunkTimes chunks = new ChunkTimes();
    private final SseEventParser sse = new SseEventParser(this::onEvent);
    private volatile CompletableFuture<Void> done;
    private boolean responded;
    private boolean eventStream;
    private int status;
    private long batchNanos;
    private String streamError;

    @Override
    public CompletableFuture<Void> prepare() {
        done = new CompletableFuture<>();
        return done;
    }

    @Override
    public synchronized void onResponse(InvokeAgentRuntimeResponse response) {
        responded = true;
        status = response.sdkHttpResponse() == null ? 200 : response.sdkHttpResponse().statusCode();
        String type = response.contentType();
        eventStream = type != null && type.toLowerCase(Locale.ROOT).startsWith("text/event-stream");
    }

    @Override
    public void onStream(SdkPublisher<ByteBuffer> body) {
        body.subscribe(new Subscriber<ByteBuffer>() {
            @Override
            public void onSubscribe(Subscription s) {
                s.request(Long.MAX_VALUE); // parsing is cheap and synchronous: no need to meter demand
            }

            @Override
            public void onNext(ByteBuffer bytes) {
                received(bytes, System.nanoTime());
            }

            @Override
            public void onError(Throwable t) {
                done.completeExceptionally(t);
            }

            @Override
            public void onComplete() {
                done.complete(null);
            }
        });
    }

    @Override
    public void exceptionOccurred(Throwable error) {
        CompletableFuture<Void> d = done;
        if (d != null) d.completeExceptionally(error);
    }

    private synchronized void received(ByteBuffer bytes, long nanos) {
        batchNanos = nanos;
        if (eventStream) {
            sse.feed(bytes);
        } else if (chunks.size() == 0 && hasNonBlank(bytes)) {
            chunks.add(nanos);
        }
    }

    private void onEvent(byte[] data, int length) {
        String text = new String(data, 0, length, StandardCharsets.UTF_8).strip();
        if (text.isEmpty() || text.equals("\"\"") || text.equals("null") || text.equals("{}")) return;
        if (text.startsWith("{") && text.contains("\"error\"") && streamError == null) {
            try {
                JsonNode event = JSON.readTree(text);
                JsonNode error = event.get("error");
                if (error != null && !error.isNull()) {
                    streamError = "agent error in stream: " + text.substring(0, Math.min(text.length(), 300));
                    return;
                }
            } catch (IOException notJson) {
                // not JSON: plain text that mentions "error" is still output
            }
        }
        chunks.add(batchNanos);
    }

    private static boolean hasNonBlank(ByteBuffer b) {
        for (int i = b.position(); i < b.limit(); i++) {
            if (!Character.isWhitespace(b.get(i))) return true;
        }
        return false;
    }

    synchronized boolean responded() { return responded; }

    /**
     * An error inside the stream, or a stream that ended inside an SSE event. The SDK's Netty
     * client reports a chunked body cut without its last chunk as complete, and AgentCore's SSE has
     * no end marker, so a cut is visible only when it falls inside an event.
     */
    synchronized String streamError() { return streamError; }

    synchronized boolean endedInsideAnEvent() { return eventStream && sse.hasPartialEvent(); }

    synchronized RequestOutcome outcome(GenerationRequest r, long intended, long send, long end, ErrorClass error,
                                        String detail) {
        return outcome(r, intended, send, end, error, detail, status);
    }

    synchronized RequestOutcome outcome(GenerationRequest r, long intended, long send, long end, ErrorClass error,
                                        String detail, int failedStatus) {
        // No token counts: AgentCore reports none (an agent may call several models, or none).
        return new RequestOutcome(intended, send, chunks, end, Usage.UNKNOWN, error,
                failedStatus != 0 ? failedStatus : status, r.tenant(), detail);
    }
}
