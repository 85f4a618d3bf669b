package dev.crossover.loadgen.cache;

import java.util.List;

/**
 * One meaning, several wordings: the first wording is the question as first asked, the others are
 * paraphrases a semantic cache should answer from its entry.
 */
public record QuestionFamily(String id, List<String> wordings) {
    public QuestionFamily {
        wordings = List.copyOf(wordings);
        if (wordings.size() < 2) throw new IllegalArgumentException("family " + id + " needs a question and a paraphrase");
    }
}
