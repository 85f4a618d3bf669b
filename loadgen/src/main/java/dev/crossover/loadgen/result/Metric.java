package dev.crossover.loadgen.result;

/** The latency distributions every run records, all in nanoseconds. */
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
    SCHEDULING_LAG("schedulingLag");

    public final String key;

    Metric(String key) { this.key = key; }
}
