package dev.crossover.loadgen.result;

import dev.crossover.loadgen.client.RequestOutcome;

/**
 * Per-request limits of goodput, as vLLM's {@code --goodput} and AIPerf define it: a request counts
 * when it succeeded and each of its own TTFT, TPOT and E2E is within its limit. Percentile SLOs
 * judge a level; goodput says how many requests a user would have been content with. A request
 * with fewer than two output tokens has no TPOT and is judged on the others.
 *
 * @param ttftNanos limit on time to first token, 0 for none
 * @param tpotNanos limit on time per output token after the first, 0 for none
 * @param e2eNanos  limit on end-to-end latency, 0 for none
 */
public record GoodputLimits(long ttftNanos, long tpotNanos, long e2eNanos) {

    public boolean meets(RequestOutcome o) {
        if (!o.succeeded()) return false;
        if (ttftNanos > 0 && (o.ttftNanos() < 0 || o.ttftNanos() > ttftNanos)) return false;
        if (tpotNanos > 0 && o.tpotNanos() > tpotNanos) return false;
        return e2eNanos <= 0 || o.e2eNanos() <= e2eNanos;
    }
}
