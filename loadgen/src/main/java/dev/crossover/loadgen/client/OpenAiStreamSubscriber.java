package dev.crossover.loadgen.client;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Flow;

/**
 * Consumes an OpenAI-compatible SSE body as it arrives. Each batch of bytes is stamped with
 * System.nanoTime the moment the HTTP client hands it over, before any parsing, and every event
 * parsed from that batch carries that stamp. A chunk counts as a token only when it carries
 * content (delta.content, delta.reasoning_content, delta.tool_calls, or text for completions):
 * servers send a role-only chunk first, often before any token exists, and stamping TTFT there
 * would flatter the server.
 */
final class OpenAiStreamSubscriber implements HttpResponse.BodySubscriber<RequestOutcome> {
    private final ObjectMapper json;
    private final GenerationRequest request;
    private final long intendedStartNanos;
    private final long sendNanos;
    private final int httpStatus;
    private final CompletableFuture<RequestOutcome> result = new CompletableFuture<>();
    private final CompletableFuture<RequestOutcome> outcome;
    private final ChunkTimes chunks = new ChunkTimes();
    private final SseEventParser parser = new SseEventParser(this::onEvent);
    private volatile Flow.Subscription subscription;
    private long batchNanos;
    private boolean done;
    private Usage usage = Usage.UNKNOWN;
    private String streamError;
    private String stopReason;

    /**
     * @param outcome completed with the result on the thread that read the end of the stream, before
     *                the HTTP client learns the body is done: the client completes its own response
     *                future on the common pool, one more thread wake-up before a closed-loop user's
     *                next request
     */
    OpenAiStreamSubscriber(ObjectMapper json, GenerationRequest request, long intendedStartNanos, long sendNanos,
                           int httpStatus, CompletableFuture<RequestOutcome> outcome) {
        this.json = json;
        this.outcome = outcome;
        this.request = request;
        this.intendedStartNanos = intendedStartNanos;
        this.sendNanos = sendNanos;
        this.httpStatus = httpStatus;
    }

    @Override
    public CompletionStage<RequestOutcome> getBody() { return result; }

    @Override
    public void onSubscribe(Flow.Subscription s) {
        subscription = s;
        s.request(Long.MAX_VALUE); // parsing is cheap and synchronous: no need to meter demand
    }

    @Override
    public synchronized void onNext(List<ByteBuffer> buffers) {
        batchNanos = System.nanoTime();
        if (result.isDone()) return;
        for (ByteBuffer b : buffers) parser.feed(b);
        if (streamError != null) finish(ErrorClass.STREAM_ERROR, streamError);
    }

    @Override
    public synchronized void onError(Throwable t) {
        finish(ErrorClass.BROKEN_STREAM, String.valueOf(t));
    }

    @Override
    public synchronized void onComplete() {
        if (done) finish(null, null);
        else finish(ErrorClass.BROKEN_STREAM, parser.hasPartialEvent()
                ? "stream ended inside an event" : "stream ended without [DONE]");
    }

    /** Ends the request from outside (timeout): cancels the body so the connection is released. */
    void abort(ErrorClass error, String detail) {
        finish(error, detail); // first: cancelling makes the HTTP client report an error of its own
    }

    private synchronized void finish(ErrorClass error, String detail) {
        long end = System.nanoTime();
        if (result.isDone()) return;
        RequestOutcome o = new RequestOutcome(intendedStartNanos, sendNanos, chunks, end, usage, error, httpStatus,
                request.tenant(), detail, stopReason);
        outcome.complete(o);
        boolean first = result.complete(o);
        Flow.Subscription s = subscription;
        if (first && error != null && s != null) s.cancel(); // releases the connection of a failed stream
    }

    private void onEvent(byte[] data, int length) {
        if (done || streamError != null) return;
        if (length == 6 && new String(data, 0, 6, java.nio.charset.StandardCharsets.US_ASCII).equals("[DONE]")) {
            done = true;
            return;
        }
        OpenAiChunkScan.Chunk chunk;
        try {
            chunk = OpenAiChunkScan.scan(json, data, length);
        } catch (IOException e) {
            streamError = "unparseable event: " + SseEventParser.text(data, Math.min(length, 200));
            return;
        }
        if (chunk.error() != null) {
            streamError = "server error in stream: " + chunk.error();
            return;
        }
        if (chunk.content()) chunks.add(batchNanos);
        if (chunk.usage() != null) usage = chunk.usage();
        if (chunk.finishReason() != null) stopReason = chunk.finishReason();
    }
}
