package dev.crossover.loadgen.cache;

/** Whether a response was right to come (or not come) from the cache. */
public enum CacheVerdict {
    /** Served by the model. */
    MISS,
    /** From the cache, with an answer the model gave to the same question family under the same system prompt. */
    CORRECT_HIT,
    /**
     * From the cache with another question's answer: a hit on a novel question, or an answer the
     * model gave to another family or under another system prompt.
     */
    FALSE_HIT,
    /**
     * From the cache with an answer this run never saw the model give (an entry from an earlier
     * run, say) to a repeat or paraphrase: cannot be judged, counted apart.
     */
    UNATTRIBUTED_HIT
}
