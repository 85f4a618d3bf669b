package dev.crossover.loadgen.cache;

/**
 * One labelled request of the cache workload.
 *
 * @param systemPromptId the cache key the client sends (x-bf-cache-key): one per system prompt
 * @param systemPrompt   the system prompt's text
 * @param family         the question family the user input belongs to
 * @param label          repeat, paraphrase or novel, relative to earlier requests of this prompt
 * @param question       the user input
 */
public record CacheRequest(String systemPromptId, String systemPrompt, String family, CacheLabel label, String question) {}
