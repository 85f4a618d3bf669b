package dev.crossover.loadgen.client.bedrock;

import dev.crossover.loadgen.client.ChatMessage;
import dev.crossover.loadgen.client.ChunkTimes;
import dev.crossover.loadgen.client.ErrorClass;
import dev.crossover.loadgen.client.GenerationRequest;
import dev.crossover.loadgen.client.LoadgenAwsClients;
import dev.crossover.loadgen.client.PreparedRequest;
import dev.crossover.loadgen.client.RequestOutcome;
import dev.crossover.loadgen.client.StreamingClient;
import dev.crossover.loadgen.client.Usage;
import java.io.IOException;
import java.net.ConnectException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.ApiCallAttemptTimeoutException;
import software.amazon.awssdk.core.exception.ApiCallTimeoutException;
import software.amazon.awssdk.services.bedrockruntime.BedrockRuntimeAsyncClient;
import software.amazon.awssdk.services.bedrockruntime.model.CachePointBlock;
import software.amazon.awssdk.services.bedrockruntime.model.CachePointType;
import software.amazon.awssdk.services.bedrockruntime.model.ContentBlock;
import software.amazon.awssdk.services.bedrockruntime.model.ContentBlockDelta;
import software.amazon.awssdk.services.bedrockruntime.model.ConversationRole;
import software.amazon.awssdk.services.bedrockruntime.model.ConverseStreamRequest;
import software.amazon.awssdk.services.bedrockruntime.model.ConverseStreamResponseHandler;
import software.amazon.awssdk.services.bedrockruntime.model.Message;
import software.amazon.awssdk.services.bedrockruntime.model.ModelNotReadyException;
import software.amazon.awssdk.services.bedrockruntime.model.ModelStreamErrorException;
import software.amazon.awssdk.services.bedrockruntime.model.SystemContentBlock;
import software.amazon.awssdk.services.bedrockruntime.model.ThrottlingException;
import software.amazon.awssdk.services.bedrockruntime.model.TokenUsage;

/**
 * Bedrock ConverseStream through the AWS SDK v2 async client on Netty. TTFT is stamped when the
 * SDK hands over the first contentBlockDelta that carries text (or tool input, or reasoning):
 * messageStart and empty deltas come before any token and would flatter the service. Retries are
 * off: a load generator must see every throttle, not hide it in a longer latency.
 */
public final class BedrockConverseStreamClient implements StreamingClient {
    private final BedrockClientConfig config;
    private final BedrockRuntimeAsyncClient bedrock;

    public BedrockConverseStreamClient(BedrockClientConfig config) {
        this.config = config;
        this.bedrock = LoadgenAwsClients.configure(BedrockRuntimeAsyncClient.builder(), config.region(),
                config.maxConnections(), config.requestTimeout(), config.endpointOverride(), config.credentials()).build();
    }

    private record PreparedConverse(GenerationRequest request, ConverseStreamRequest converse) implements PreparedRequest {}

    @Override
    public PreparedRequest prepare(GenerationRequest request) {
        List<SystemContentBlock> system = new ArrayList<>();
        List<Message> messages = new ArrayList<>();
        // maxTokens caps the answer; only the prompt can ask for the length (no ignore_eos here).
        for (ChatMessage m : request.withLengthInstruction().messages()) {
            switch (m.role()) {
                case "system" -> system.add(SystemContentBlock.fromText(m.content()));
                case "assistant" -> messages.add(message(ConversationRole.ASSISTANT, m.content()));
                default -> messages.add(message(ConversationRole.USER, m.content()));
            }
        }
        if (config.promptCaching() && request.cacheSystemPrompt() && !system.isEmpty()) {
            // Everything before a cachePoint is the cacheable prefix (Bedrock prompt caching).
            system.add(SystemContentBlock.fromCachePoint(CachePointBlock.builder().type(CachePointType.DEFAULT).build()));
        }
        ConverseStreamRequest converse = ConverseStreamRequest.builder().modelId(config.modelId()).system(system)
                .messages(messages).inferenceConfig(c -> c.maxTokens(request.maxTokens())).build();
        return new PreparedConverse(request, converse);
    }

    private static Message message(ConversationRole role, String text) {
        return Message.builder().role(role).content(ContentBlock.fromText(text)).build();
    }

    @Override
    public CompletableFuture<RequestOutcome> send(PreparedRequest prepared, long intendedStartNanos) {
        if (!(prepared instanceof PreparedConverse p)) throw new IllegalArgumentException("not prepared by this client");
        StreamState state = new StreamState();
        ConverseStreamResponseHandler handler = ConverseStreamResponseHandler.builder()
                .subscriber(ConverseStreamResponseHandler.Visitor.builder()
                        .onContentBlockDelta(e -> {
                            long now = System.nanoTime();
                            if (carriesContent(e.delta())) state.chunk(now);
                        })
                        .onMetadata(m -> state.usage(m.usage()))
                        .onMessageStop(s -> state.stopped(s.stopReasonAsString()))
                        .build())
                .build();
        long sendNanos = System.nanoTime();
        return bedrock.converseStream(p.converse(), handler).handle((ok, failure) -> {
            long end = System.nanoTime();
            if (failure == null && !state.isStopped()) {
                return state.outcome(p.request(), intendedStartNanos, sendNanos, end, ErrorClass.BROKEN_STREAM, 200,
                        "stream ended without messageStop");
            }
            if (failure == null) return state.outcome(p.request(), intendedStartNanos, sendNanos, end, null, 200, null);
            Throwable t = unwrap(failure);
            return state.outcome(p.request(), intendedStartNanos, sendNanos, end, classify(t), status(t), String.valueOf(t));
        });
    }

    /**
     * Bedrock's inputTokens counts only the prompt tokens neither read from nor written to the
     * prompt cache; the prompt the model saw is all three. Usage.inputTokens is the whole prompt
     * on every target (OpenAI's prompt_tokens already includes cached_tokens), so the cache-read
     * share is at most 1 and input tokens per request mean the same for Bedrock and vLLM.
     */
    static Usage usageOf(TokenUsage u) {
        long cacheRead = orZero(u.cacheReadInputTokens());
        long cacheWrite = orZero(u.cacheWriteInputTokens());
        long input = u.inputTokens() == null ? -1 : u.inputTokens() + cacheRead + cacheWrite;
        return new Usage(input, orMinus(u.outputTokens()), cacheRead, cacheWrite);
    }

    private static long orMinus(Integer i) { return i == null ? -1 : i; }

    private static long orZero(Integer i) { return i == null ? 0 : i; }

    static boolean carriesContent(ContentBlockDelta d) {
        if (d == null) return false;
        if (d.text() != null && !d.text().isEmpty()) return true;
        if (d.toolUse() != null && d.toolUse().input() != null && !d.toolUse().input().isEmpty()) return true;
        return d.reasoningContent() != null && d.reasoningContent().text() != null
                && !d.reasoningContent().text().isEmpty();
    }

    static ErrorClass classify(Throwable t) {
        if (t instanceof ThrottlingException) return ErrorClass.THROTTLED;
        if (t instanceof ModelStreamErrorException) return ErrorClass.STREAM_ERROR;
        // Bedrock answers ModelNotReadyException with 429 too, but it is no quota: the model is loading.
        if (t instanceof ModelNotReadyException) return ErrorClass.MODEL_NOT_READY;
        if (t instanceof AwsServiceException s) return ErrorClass.ofStatus(s.statusCode());
        if (t instanceof ApiCallTimeoutException || t instanceof ApiCallAttemptTimeoutException) return ErrorClass.TIMEOUT;
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (c instanceof ConnectException) return ErrorClass.CONNECT;
        }
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (c instanceof IOException) return ErrorClass.BROKEN_STREAM;
        }
        return ErrorClass.BROKEN_STREAM;
    }

    private static int status(Throwable t) {
        return t instanceof AwsServiceException s ? s.statusCode() : 0;
    }

    private static Throwable unwrap(Throwable t) {
        while (t instanceof CompletionException && t.getCause() != null) t = t.getCause();
        return t;
    }

    /** What the event-stream callbacks learn about one call; they run on the SDK's threads. */
    private static final class StreamState {
        private final ChunkTimes chunks = new ChunkTimes();
        private Usage usage = Usage.UNKNOWN;
        private boolean stopped;
        private String stopReason;

        synchronized void chunk(long nanos) { chunks.add(nanos); }

        synchronized void stopped(String reason) {
            stopped = true;
            stopReason = reason;
        }

        synchronized boolean isStopped() { return stopped; }

        synchronized void usage(TokenUsage u) {
            if (u == null) return;
            usage = usageOf(u);
        }

        synchronized RequestOutcome outcome(GenerationRequest r, long intended, long send, long end, ErrorClass error,
                                            int status, String detail) {
            return new RequestOutcome(intended, send, chunks, end, usage, error, status, r.tenant(), detail, stopReason);
        }
    }

    @Override
    public void close() {
        bedrock.close();
    }
}
