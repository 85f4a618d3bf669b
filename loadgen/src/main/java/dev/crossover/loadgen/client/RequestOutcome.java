package dev.crossover.loadgen.client;

/**
 * What happened to one request, with every instant on the System.nanoTime clock.
 *
 * @param intendedStartNanos when the load model meant to send it (open loop: the schedule, never
 *                           the moment the sender got round to it, so a late sender shows up as
 *                           latency instead of hiding it: no coordinated omission)
 * @param sendNanos          when the client handed it to the transport
 * @param chunks             arrival of each content-bearing chunk (empty if none)
 * @param endNanos           when the stream finished or failed
 * @param error              null on success
 * @param httpStatus         the HTTP status, or 0 when none was received
 * @param tenant             from the request, for per-tenant results
 * @param stopReason         why generation stopped, as the server said (OpenAI finish_reason "length"/"stop",
 *                           Bedrock stopReason "max_tokens"/"end_turn"); null when it did not say
 */
public record RequestOutcome(long intendedStartNanos, long sendNanos, ChunkTimes chunks, long endNanos,
                             Usage usage, ErrorClass error, int httpStatus, String tenant, String errorDetail,
                             String stopReason) {

    /** An outcome without a stop reason (failures, protocols that report none). */
    public RequestOutcome(long intendedStartNanos, long sendNanos, ChunkTimes chunks, long endNanos, Usage usage,
                          ErrorClass error, int httpStatus, String tenant, String errorDetail) {
        this(intendedStartNanos, sendNanos, chunks, endNanos, usage, error, httpStatus, tenant, errorDetail, null);
    }

    public boolean succeeded() { return error == null; }

    public long schedulingLagNanos() { return sendNanos - intendedStartNanos; }

    /** Time to first content token, from the intended start. -1 if no content arrived. */
    public long ttftNanos() { return chunks.size() == 0 ? -1 : chunks.first() - intendedStartNanos; }

    public long e2eNanos() { return endNanos - intendedStartNanos; }

    /**
     * Time per output token after the first: (last - first) / (tokens - 1). Uses the server's
     * completion token count when known, because one chunk can carry several tokens (gateways
     * coalesce); falls back to the chunk count. -1 when fewer than two tokens.
     */
    public long tpotNanos() {
        long tokens = usage.known() ? usage.outputTokens() : chunks.size();
        if (tokens < 2 || chunks.size() < 1) return -1;
        return (chunks.last() - chunks.first()) / (tokens - 1);
    }
}
