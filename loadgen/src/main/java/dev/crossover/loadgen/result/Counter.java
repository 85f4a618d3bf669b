package dev.crossover.loadgen.result;

/** The additive counts of a run; each merges across shards by plain addition. */
public enum Counter {
    /** Requests sent inside the measured window (after warm-up). */
    REQUESTS_SENT("requestsSent"),
    REQUESTS_SUCCEEDED("requestsSucceeded"),
    REQUESTS_FAILED("requestsFailed"),
    /** Requests sent during warm-up: sent, never measured. */
    WARMUP_REQUESTS("warmupRequests"),
    /** Whole prompts as the server counted them, cached parts included (see Usage). */
    INPUT_TOKENS("inputTokens"),
    OUTPUT_TOKENS("outputTokens"),
    /** Input tokens the server read from its prefix/prompt cache (OpenAI cached_tokens, Bedrock cacheRead). */
    CACHE_READ_INPUT_TOKENS("cacheReadInputTokens"),
    /** Input tokens written to the prompt cache (Bedrock cacheWrite). */
    CACHE_WRITE_INPUT_TOKENS("cacheWriteInputTokens"),
    /** max_tokens/maxTokens asked for by the successful requests whose server reported usage. */
    REQUESTED_OUTPUT_TOKENS("requestedOutputTokens"),
    /** Successful requests whose server reported no usage (token counts above then undercount). */
    REQUESTS_WITHOUT_USAGE("requestsWithoutUsage"),
    CONTENT_CHUNKS("contentChunks"),
    /**
     * Of the above, those that had completed when sending stopped (end of the schedule): what the
     * rates divide by the window, so the drain tail neither adds time nor completions.
     */
    REQUESTS_SUCCEEDED_IN_WINDOW("requestsSucceededInWindow"),
    OUTPUT_TOKENS_IN_WINDOW("outputTokensInWindow"),
    GOODPUT_REQUESTS_IN_WINDOW("goodputRequestsInWindow"),
    /** Requests judged against per-request goodput limits (0 when the run had none). */
    GOODPUT_JUDGED("goodputJudgedRequests"),
    /** Of those, the requests that succeeded within every limit (see GoodputLimits). */
    GOODPUT_REQUESTS("goodputRequests"),
    /**
     * Prompt tokens the model servers looked up in their prefix cache during the run, and those
     * found there: the delta of vllm:prefix_cache_queries / _hits over the run, read from the
     * servers' /metrics by shard 0 only (so the merge adds each server once).
     */
    SERVER_PREFIX_CACHE_QUERIES("serverPrefixCacheQueryTokens"),
    SERVER_PREFIX_CACHE_HITS("serverPrefixCacheHitTokens");

    public final String key;

    Counter(String key) { this.key = key; }
}
