package dev.crossover.loadgen.cache;

import java.util.HashMap;
import java.util.Map;

/**
 * Judges each response of the cache workload. A cached answer is the text the model gave earlier,
 * so its owner is known: every answer the model serves is remembered with the (system prompt,
 * question family) it answered, and a hit is correct only when it returns an answer of its own
 * family and prompt. Answers must be distinct per request for this (true of a sampling model and
 * of the simulator's random text). Not thread-safe.
 */
public final class CacheJudge {
    private final Map<String, String> ownerOfAnswer = new HashMap<>();

    public CacheVerdict judge(CacheRequest request, CacheSignal signal, String answer) {
        String own = request.systemPromptId() + "|" + request.family();
        if (!signal.hit()) {
            ownerOfAnswer.putIfAbsent(answer, own);
            return CacheVerdict.MISS;
        }
        String owner = ownerOfAnswer.get(answer);
        if (owner != null) {
            return owner.equals(own) ? CacheVerdict.CORRECT_HIT : CacheVerdict.FALSE_HIT;
        }
        // Nothing this run asked in this family under this prompt can own an unknown answer.
        return request.label() == CacheLabel.NOVEL ? CacheVerdict.FALSE_HIT : CacheVerdict.UNATTRIBUTED_HIT;
    }
}
