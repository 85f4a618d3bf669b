package dev.crossover.loadgen.cache;

import java.util.EnumMap;
import java.util.Map;
import org.HdrHistogram.Histogram;

/**
 * One load level's cache figures: requests by label, hits by the gateway's lookup type, verdicts,
 * and latency for hits and for misses (microseconds; E2E always, TTFT where streamed).
 * Not thread-safe: one recorder per sender, merged with {@link #add}.
 */
public final class CacheTally {
    private final Map<CacheLabel, Long> requests = new EnumMap<>(CacheLabel.class);
    private final Map<CacheSignal.HitType, Long> hits = new EnumMap<>(CacheSignal.HitType.class);
    private final Map<CacheLabel, Long> hitsByLabel = new EnumMap<>(CacheLabel.class);
    private final Map<CacheVerdict, Long> verdicts = new EnumMap<>(CacheVerdict.class);
    private final Histogram hitE2e = histogram();
    private final Histogram missE2e = histogram();
    private final Histogram hitTtft = histogram();
    private final Histogram missTtft = histogram();

    private static Histogram histogram() {
        return new Histogram(3_600_000_000L, 3);
    }

    /** ttftMicros < 0: not streamed. */
    public void record(CacheRequest request, CacheSignal signal, CacheVerdict verdict, long ttftMicros, long e2eMicros) {
        requests.merge(request.label(), 1L, Long::sum);
        verdicts.merge(verdict, 1L, Long::sum);
        if (signal.hit()) {
            hits.merge(signal.type(), 1L, Long::sum);
            hitsByLabel.merge(request.label(), 1L, Long::sum);
        }
        (signal.hit() ? hitE2e : missE2e).recordValue(Math.max(1, e2eMicros));
        if (ttftMicros >= 0) {
            (signal.hit() ? hitTtft : missTtft).recordValue(Math.max(1, ttftMicros));
        }
    }

    public void add(CacheTally other) {
        other.requests.forEach((k, v) -> requests.merge(k, v, Long::sum));
        other.hits.forEach((k, v) -> hits.merge(k, v, Long::sum));
        other.hitsByLabel.forEach((k, v) -> hitsByLabel.merge(k, v, Long::sum));
        other.verdicts.forEach((k, v) -> verdicts.merge(k, v, Long::sum));
        hitE2e.add(other.hitE2e);
        missE2e.add(other.missE2e);
        hitTtft.add(other.hitTtft);
        missTtft.add(other.missTtft);
    }

    public long requests() {
        return requests.values().stream().mapToLong(Long::longValue).sum();
    }

    public long requests(CacheLabel label) {
        return requests.getOrDefault(label, 0L);
    }

    public long hits(CacheSignal.HitType type) {
        return hits.getOrDefault(type, 0L);
    }

    public long hits() {
        return hits.values().stream().mapToLong(Long::longValue).sum();
    }

    public long verdicts(CacheVerdict v) {
        return verdicts.getOrDefault(v, 0L);
    }

    /** Latency percentiles in milliseconds; NaN where nothing was recorded. */
    public record Latency(long count, double p50Ms, double p90Ms, double p99Ms) {
        static Latency of(Histogram h) {
            if (h.getTotalCount() == 0) return new Latency(0, Double.NaN, Double.NaN, Double.NaN);
            return new Latency(h.getTotalCount(), h.getValueAtPercentile(50) / 1000.0,
                    h.getValueAtPercentile(90) / 1000.0, h.getValueAtPercentile(99) / 1000.0);
        }
    }

    /**
     * The level's figures. Rates are shares of all requests, except falseHitShareOfHits (of the
     * answers served from the cache, how many were another question's). directHitRate is NaN for
     * a gateway that does not say which lookup hit (LiteLLM: its hits count as unspecifiedHitRate).
     * repeatHitRate and paraphraseHitRate are shares of the requests with that label.
     */
    public record Summary(long requests, long repeats, long paraphrases, long novel,
                          double hitRate, double directHitRate, double semanticHitRate, double unspecifiedHitRate,
                          double falseHitRate, double falseHitShareOfHits, long unattributedHits,
                          double repeatHitRate, double paraphraseHitRate,
                          Latency hitE2e, Latency missE2e, Latency hitTtft, Latency missTtft) {}

    public Summary summary() {
        long n = requests();
        long unspecified = hits(CacheSignal.HitType.UNSPECIFIED);
        boolean typed = hits() == 0 || unspecified < hits();
        return new Summary(n, requests(CacheLabel.REPEAT), requests(CacheLabel.PARAPHRASE), requests(CacheLabel.NOVEL),
                share(hits(), n),
                typed ? share(hits(CacheSignal.HitType.DIRECT), n) : Double.NaN,
                typed ? share(hits(CacheSignal.HitType.SEMANTIC), n) : Double.NaN,
                share(unspecified, n),
                share(verdicts(CacheVerdict.FALSE_HIT), n),
                share(verdicts(CacheVerdict.FALSE_HIT), hits()),
                verdicts(CacheVerdict.UNATTRIBUTED_HIT),
                share(hitsByLabel.getOrDefault(CacheLabel.REPEAT, 0L), requests(CacheLabel.REPEAT)),
                share(hitsByLabel.getOrDefault(CacheLabel.PARAPHRASE, 0L), requests(CacheLabel.PARAPHRASE)),
                Latency.of(hitE2e), Latency.of(missE2e), Latency.of(hitTtft), Latency.of(missTtft));
    }

    private static double share(long part, long whole) {
        return whole == 0 ? Double.NaN : (double) part / whole;
    }
}
