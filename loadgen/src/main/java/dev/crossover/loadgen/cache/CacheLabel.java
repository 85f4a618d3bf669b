package dev.crossover.loadgen.cache;

/** What a request of the cache workload is, known before it is sent. */
public enum CacheLabel {
    /** The same wording as an earlier request under the same system prompt: a hit is correct. */
    REPEAT,
    /** Another wording of a question asked earlier under the same system prompt: a hit is correct. */
    PARAPHRASE,
    /** A question not asked before under this system prompt: any hit is a false hit. */
    NOVEL
}
