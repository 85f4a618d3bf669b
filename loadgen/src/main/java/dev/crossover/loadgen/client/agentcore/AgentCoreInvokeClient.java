package dev.crossover.loadgen.client.agentcore;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.crossover.loadgen.client.ErrorClass;
import dev.crossover.loadgen.client.GenerationRequest;
import dev.crossover.loadgen.client.LoadgenAwsClients;
import dev.crossover.loadgen.client.PreparedRequest;
import dev.crossover.loadgen.client.RequestOutcome;
import dev.crossover.loadgen.client.StreamingClient;
import java.io.IOException;
import java.net.ConnectException;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.atomic.AtomicLong;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.core.exception.ApiCallAttemptTimeoutException;
import software.amazon.awssdk.core.exception.ApiCallTimeoutException;
import software.amazon.awssdk.services.bedrockagentcore.BedrockAgentCoreAsyncClient;
import software.amazon.awssdk.services.bedrockagentcore.model.InvokeAgentRuntimeRequest;
import software.amazon.awssdk.services.bedrockagentcore.model.ThrottlingException;

/**
 * Bedrock AgentCore InvokeAgentRuntime through the AWS SDK v2 async client on Netty (SigV4,
 * default credential chain, regional endpoint: all the SDK's). The response body is handed to
 * {@link AgentCoreResponseStream} as it arrives: a streaming agent answers text/event-stream, and
 * TTFT is the first SSE event with non-empty data; any other agent answers one body (usually
 * JSON), and TTFT is its first bytes. The stream has no end marker, so it is complete when the
 * HTTP response is; a connection that breaks before that, or a body that ends inside an SSE event,
 * is a broken stream. Retries are off: a
 * load generator must see every throttle.
 *
 * <p>Runtime sessions: every turn of one workload conversation carries the same
 * runtimeSessionId (AgentCore routes a session to one microVM, where the agent keeps its state);
 * each conversation gets its own, prefixed with a per-client random id so that two runs or pods
 * never land in each other's sessions. A request outside any conversation gets a fresh session.
 */
public final class AgentCoreInvokeClient implements StreamingClient {
    /** AgentCore rejects shorter runtimeSessionIds. */
    static final int MIN_SESSION_ID_LENGTH = 33;

    private final AgentCoreClientConfig config;
    private final BedrockAgentCoreAsyncClient agentCore;
    private final AgentCorePayloads payloads;
    private final String sessionPrefix = "crossover-" + UUID.randomUUID();
    private final AtomicLong loneRequests = new AtomicLong();

    public AgentCoreInvokeClient(AgentCoreClientConfig config) {
        this.config = config;
        this.payloads = new AgentCorePayloads(new ObjectMapper(), config.payloadTemplate());
        this.agentCore = LoadgenAwsClients.configure(BedrockAgentCoreAsyncClient.builder(), config.region(),
                config.maxConnections(), config.requestTimeout(), config.endpointOverride(), config.credentials()).build();
    }

    private record PreparedInvoke(GenerationRequest request, InvokeAgentRuntimeRequest invoke) implements PreparedRequest {}

    @Override
    public PreparedRequest prepare(GenerationRequest request) {
        InvokeAgentRuntimeRequest invoke = InvokeAgentRuntimeRequest.builder()
                .agentRuntimeArn(config.agentRuntimeArn())
                .qualifier(config.qualifier())
                .runtimeSessionId(sessionId(request.conversation()))
                .contentType("application/json")
                .accept("text/event-stream, application/json")
                // The agent's model cannot be told to ignore its end of sequence: the prompt asks for the length.
                .payload(SdkBytes.fromByteArrayUnsafe(payloads.payload(request.withLengthInstruction())))
                .build();
        return new PreparedInvoke(request, invoke);
    }

    String sessionId(long conversation) {
        String id = conversation >= 0 ? sessionPrefix + "-c" + conversation
                : sessionPrefix + "-r" + loneRequests.incrementAndGet();
        assert id.length() >= MIN_SESSION_ID_LENGTH;
        return id;
    }

    @Override
    public CompletableFuture<RequestOutcome> send(PreparedRequest prepared, long intendedStartNanos) {
        if (!(prepared instanceof PreparedInvoke p)) throw new IllegalArgumentException("not prepared by this client");
        AgentCoreResponseStream stream = new AgentCoreResponseStream();
        long sendNanos = System.nanoTime();
        CompletableFuture<Void> call;
        try {
            call = agentCore.invokeAgentRuntime(p.invoke(), stream);
        } catch (RuntimeException e) { // the SDK validates some input before it returns a future
            call = CompletableFuture.failedFuture(e);
        }
        return call.handle((ok, failure) -> {
            long end = System.nanoTime();
            if (failure == null && stream.streamError() != null) {
                return stream.outcome(p.request(), intendedStartNanos, sendNanos, end, ErrorClass.STREAM_ERROR,
                        stream.streamError());
            }
            if (failure == null && stream.endedInsideAnEvent()) {
                return stream.outcome(p.request(), intendedStartNanos, sendNanos, end, ErrorClass.BROKEN_STREAM,
                        "stream ended inside an SSE event");
            }
            if (failure == null) return stream.outcome(p.request(), intendedStartNanos, sendNanos, end, null, null);
            Throwable t = unwrap(failure);
            return stream.outcome(p.request(), intendedStartNanos, sendNanos, end, classify(t, stream.responded()),
                    String.valueOf(t), status(t));
        });
    }

    /**
     * @param responded whether response headers had arrived: an I/O failure after them broke the
     *                  stream, one before them is a connection that never carried an answer
     */
    static ErrorClass classify(Throwable t, boolean responded) {
        if (t instanceof ThrottlingException) return ErrorClass.THROTTLED;
        if (t instanceof AwsServiceException s) return ErrorClass.ofStatus(s.statusCode());
        if (t instanceof ApiCallTimeoutException || t instanceof ApiCallAttemptTimeoutException) return ErrorClass.TIMEOUT;
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (c instanceof ConnectException) return ErrorClass.CONNECT;
        }
        if (!responded) {
            for (Throwable c = t; c != null; c = c.getCause()) {
                if (c instanceof IOException) return ErrorClass.CONNECT;
            }
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

    @Override
    public void close() {
        agentCore.close();
    }
}
