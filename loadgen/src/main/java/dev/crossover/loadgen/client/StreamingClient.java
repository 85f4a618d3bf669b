package dev.crossover.loadgen.client;

import java.util.concurrent.CompletableFuture;

/**
 * A non-blocking streaming client. send returns at once; the future completes when the stream ends,
 * and never completes exceptionally: failures are outcomes with an {@link ErrorClass}.
 */
public interface StreamingClient extends AutoCloseable {
    CompletableFuture<RequestOutcome> send(GenerationRequest request, long intendedStartNanos);

    @Override
    default void close() {}
}
