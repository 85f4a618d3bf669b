package dev.crossover.loadgen.client;

import java.util.concurrent.CompletableFuture;

/**
 * A non-blocking streaming client. send returns at once; the future completes when the stream ends,
 * and never completes exceptionally: failures are outcomes with an {@link ErrorClass}.
 */
public interface StreamingClient extends AutoCloseable {

    /** Encodes the request (body, headers) without sending it. */
    PreparedRequest prepare(GenerationRequest request);

    /** @param intendedStartNanos System.nanoTime at which the load model meant to send it */
    CompletableFuture<RequestOutcome> send(PreparedRequest request, long intendedStartNanos);

    default CompletableFuture<RequestOutcome> send(GenerationRequest request, long intendedStartNanos) {
        return send(prepare(request), intendedStartNanos);
    }

    @Override
    default void close() {}
}
