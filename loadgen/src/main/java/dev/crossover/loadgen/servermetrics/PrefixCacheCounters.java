package dev.crossover.loadgen.servermetrics;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The prefix-cache counters of model servers, read from their Prometheus text endpoints. vLLM
 * exports {@code vllm:prefix_cache_queries_total} and {@code vllm:prefix_cache_hits_total}
 * (tokens looked up, tokens found); llm-d-inference-sim the same counters without the
 * {@code _total} suffix. Series of one name (one per model_name) are summed.
 */
public final class PrefixCacheCounters {

    /** Totals of one server, or of several. */
    public record Reading(long queries, long hits) {}

    /** What a run added: after minus before, per server, a server that restarted (counter went down) left out. */
    public record Delta(long queries, long hits, int servers) {}

    static final Set<String> QUERIES = Set.of("vllm:prefix_cache_queries_total", "vllm:prefix_cache_queries");
    static final Set<String> HITS = Set.of("vllm:prefix_cache_hits_total", "vllm:prefix_cache_hits");

    private final HttpClient http;

    public PrefixCacheCounters() {
        this(HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build());
    }

    PrefixCacheCounters(HttpClient http) {
        this.http = http;
    }

    /** One reading per URL; a URL that cannot be read is absent, one without the counters reads zero. */
    public Map<String, Reading> read(List<String> urls) {
        Map<String, Reading> readings = new LinkedHashMap<>();
        for (String url : urls) {
            try {
                HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10))
                        .GET().build(), HttpResponse.BodyHandlers.ofString());
                if (r.statusCode() == 200) {
                    // A server that has not looked anything up yet may not export the counters at all.
                    readings.put(url, parse(r.body()).orElse(new Reading(0, 0)));
                }
            } catch (IOException e) {
                // Unreachable now: this server is left out of the delta.
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return readings;
            }
        }
        return readings;
    }

    public static Delta delta(Map<String, Reading> before, Map<String, Reading> after) {
        long queries = 0;
        long hits = 0;
        int servers = 0;
        for (var e : before.entrySet()) {
            Reading b = e.getValue();
            Reading a = after.get(e.getKey());
            if (a == null || a.queries() < b.queries() || a.hits() < b.hits()) {
                continue;
            }
            queries += a.queries() - b.queries();
            hits += a.hits() - b.hits();
            servers++;
        }
        return new Delta(queries, hits, servers);
    }

    /** The two counters from Prometheus text exposition; empty when the server exports neither. */
    static java.util.Optional<Reading> parse(String text) {
        double queries = 0;
        double hits = 0;
        boolean found = false;
        for (String line : text.lines().toList()) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            int nameEnd = 0;
            while (nameEnd < line.length() && line.charAt(nameEnd) != '{' && line.charAt(nameEnd) != ' ') {
                nameEnd++;
            }
            String name = line.substring(0, nameEnd);
            boolean isQueries = QUERIES.contains(name);
            if (!isQueries && !HITS.contains(name)) {
                continue;
            }
            // The value follows the closing brace (label values may hold spaces), then an optional timestamp.
            int valueStart = line.indexOf('}', nameEnd) >= 0 && line.charAt(nameEnd) == '{' ? line.indexOf('}', nameEnd) + 1 : nameEnd;
            String[] rest = line.substring(valueStart).trim().split("\\s+");
            double value;
            try {
                value = Double.parseDouble(rest[0]);
            } catch (NumberFormatException e) {
                continue;
            }
            found = true;
            if (isQueries) {
                queries += value;
            } else {
                hits += value;
            }
        }
        return found ? java.util.Optional.of(new Reading((long) queries, (long) hits)) : java.util.Optional.empty();
    }
}
