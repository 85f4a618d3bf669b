package dev.crossover.loadgen.cache;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A gateway's own word on one response: served from its cache or not, by which lookup, and the
 * similarity it saw.
 *
 * @param hit        answered from the cache
 * @param type       the lookup that hit; UNSPECIFIED where the gateway has one path only (LiteLLM)
 * @param similarity cosine similarity of the entry that hit (or was nearest), when reported
 */
public record CacheSignal(boolean hit, HitType type, Double similarity) {

    public enum HitType { DIRECT, SEMANTIC, UNSPECIFIED }

    public static CacheSignal miss(Double similarity) {
        return new CacheSignal(false, null, similarity);
    }

    /**
     * Bifrost: {@code extra_fields.cache_debug} of a chat completion body (or of a stream's last
     * chunk): {@code cache_hit}, {@code hit_type} ("direct" or "semantic"), {@code similarity}.
     */
    public static CacheSignal fromBifrost(JsonNode body) {
        JsonNode debug = body.path("extra_fields").path("cache_debug");
        Double similarity = debug.path("similarity").isNumber() ? debug.path("similarity").asDouble() : null;
        if (!debug.path("cache_hit").asBoolean(false)) {
            return miss(similarity);
        }
        HitType type = switch (debug.path("hit_type").asText("")) {
            case "direct" -> HitType.DIRECT;
            case "semantic" -> HitType.SEMANTIC;
            default -> HitType.UNSPECIFIED;
        };
        return new CacheSignal(true, type, similarity);
    }

    /**
     * LiteLLM: a served-from-cache response carries the cache key in {@code x-litellm-cache-key};
     * {@code x-litellm-semantic-similarity} is the nearest entry's similarity, hit or not. Its
     * semantic caches have one lookup path, so a hit's type is UNSPECIFIED.
     */
    public static CacheSignal fromLiteLlm(Map<String, List<String>> headers) {
        Double similarity = header(headers, "x-litellm-semantic-similarity").map(Double::parseDouble).orElse(null);
        boolean hit = header(headers, "x-litellm-cache-key").filter(v -> !v.isBlank()).isPresent();
        return hit ? new CacheSignal(true, HitType.UNSPECIFIED, similarity) : miss(similarity);
    }

    private static Optional<String> header(Map<String, List<String>> headers, String name) {
        return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name))
                .flatMap(e -> e.getValue().stream()).findFirst();
    }
}
