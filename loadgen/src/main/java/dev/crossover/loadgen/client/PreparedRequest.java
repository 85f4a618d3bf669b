package dev.crossover.loadgen.client;

/**
 * A request already encoded for its protocol, so the open loop can pay for encoding before the
 * request's instant instead of after it (where it would show up as scheduling lag).
 */
public interface PreparedRequest {
    GenerationRequest request();
}
