package dev.crossover.loadgen.client;

/**
 * Token counts as the server reported them (OpenAI usage with stream_options.include_usage, or
 * Bedrock's metadata event). -1 means the server did not say.
 */
public record Usage(long inputTokens, long outputTokens, long cacheReadInputTokens, long cacheWriteInputTokens) {
    public static final Usage UNKNOWN = new Usage(-1, -1, -1, -1);

    public boolean known() { return outputTokens >= 0; }
}
