package dev.crossover.loadgen.client;

/**
 * Token counts as the server reported them (OpenAI usage with stream_options.include_usage, or
 * Bedrock's metadata event). -1 means the server did not say.
 *
 * @param inputTokens           the whole prompt, cached parts included (OpenAI prompt_tokens; Bedrock
 *                              inputTokens + cacheReadInputTokens + cacheWriteInputTokens)
 * @param cacheReadInputTokens  the part of the prompt read from the prompt/prefix cache
 * @param cacheWriteInputTokens the part of the prompt written to the prompt cache (Bedrock bills it
 *                              at the cache-write price)
 */
public record Usage(long inputTokens, long outputTokens, long cacheReadInputTokens, long cacheWriteInputTokens) {
    public static final Usage UNKNOWN = new Usage(-1, -1, -1, -1);

    public boolean known() { return outputTokens >= 0; }
}
