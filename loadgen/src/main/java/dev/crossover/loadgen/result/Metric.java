package dev.crossover.loadgen.result;

/** The distributions every run records: latencies in nanoseconds, and token counts per request. */
public enum Metric {
    /** Time to first content token, from the intended start. */
    TTFT("ttft"),
    /** Gap between consecutive content chunks of one stream. */
    ITL("itl"),
    /** Time per output token after the first, one value per request. */
    TPOT("tpot"),
    /** End-to-end: intended start to end of stream, or to the failure, for every request (schema 2; successes only in schema 1). */
    E2E("e2e"),
    /** Actual send minus intended send: the client's own lateness. */
    SCHEDULING_LAG("schedulingLag"),
    /** Prompt tokens of each successful request as the server counted them (cached parts included). */
    INPUT_TOKENS("inputTokensPerRequest", "tokens"),
    /** Output tokens of each successful request as the server counted them. */
    OUTPUT_TOKENS("outputTokensPerRequest", "tokens");

    public final String key;
    /** "ns" for latencies, "tokens" for token counts. */
    public final String unit;

    Metric(String key) { this(key, "ns"); }

    Metric(String key, String unit) {
        this.key = key;
        this.unit = unit;
    }

    public boolean latency() { return unit.equals("ns"); }
}
