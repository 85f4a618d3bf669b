package dev.crossover.loadgen.cache;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * The semantic cache workload: user inputs drawn from labelled sets, per system prompt, so every
 * response can be judged. Each request is a repeat (a wording already sent under its system
 * prompt), a paraphrase (an unsent wording of a family already asked) or novel (a family not yet
 * asked under that prompt), in the given shares; when a kind is not possible yet (nothing asked,
 * or every wording used) the next possible kind is drawn, and the label says what was sent.
 * Deterministic for a seed. Not thread-safe: one sequence, drawn in order by the sender.
 */
public final class CacheWorkload {
    private final SplittableRandom random;
    private final List<String> systemPrompts;
    private final List<QuestionFamily> families;
    private final double repeatShare;
    private final double paraphraseShare;
    /** Per system prompt: family id -> wordings already sent. */
    private final List<Map<String, Set<Integer>>> sent = new ArrayList<>();

    public CacheWorkload(long seed, List<String> systemPrompts, List<QuestionFamily> families,
                         double repeatShare, double paraphraseShare) {
        if (systemPrompts.isEmpty() || families.isEmpty()) throw new IllegalArgumentException("prompts and families needed");
        if (repeatShare < 0 || paraphraseShare < 0 || repeatShare + paraphraseShare > 1) {
            throw new IllegalArgumentException("shares must be >= 0 and add up to at most 1 (the rest is novel)");
        }
        this.random = new SplittableRandom(seed);
        this.systemPrompts = List.copyOf(systemPrompts);
        this.families = List.copyOf(families);
        this.repeatShare = repeatShare;
        this.paraphraseShare = paraphraseShare;
        for (int i = 0; i < systemPrompts.size(); i++) sent.add(new HashMap<>());
    }

    /** The cache key for system prompt i: the same for every request that carries that prompt. */
    public static String systemPromptId(int i) {
        return "system-prompt-" + (i + 1);
    }

    public CacheRequest next() {
        int p = random.nextInt(systemPrompts.size());
        Map<String, Set<Integer>> asked = sent.get(p);
        double draw = random.nextDouble();
        CacheLabel wanted = draw < repeatShare ? CacheLabel.REPEAT
                : draw < repeatShare + paraphraseShare ? CacheLabel.PARAPHRASE : CacheLabel.NOVEL;
        for (CacheLabel label : order(wanted)) {
            CacheRequest r = tryDraw(p, asked, label);
            if (r != null) return r;
        }
        // Every family asked in every wording: only repeats are left (tryDraw(REPEAT) cannot fail then).
        throw new IllegalStateException("unreachable: nothing to send");
    }

    private static List<CacheLabel> order(CacheLabel wanted) {
        return switch (wanted) {
            case REPEAT -> List.of(CacheLabel.REPEAT, CacheLabel.NOVEL, CacheLabel.PARAPHRASE);
            case PARAPHRASE -> List.of(CacheLabel.PARAPHRASE, CacheLabel.NOVEL, CacheLabel.REPEAT);
            case NOVEL -> List.of(CacheLabel.NOVEL, CacheLabel.PARAPHRASE, CacheLabel.REPEAT);
        };
    }

    private CacheRequest tryDraw(int p, Map<String, Set<Integer>> asked, CacheLabel label) {
        switch (label) {
            case NOVEL -> {
                List<QuestionFamily> fresh = families.stream().filter(f -> !asked.containsKey(f.id())).toList();
                if (fresh.isEmpty()) return null;
                QuestionFamily f = fresh.get(random.nextInt(fresh.size()));
                int w = random.nextInt(f.wordings().size());
                return send(p, asked, f, w, label);
            }
            case REPEAT -> {
                List<QuestionFamily> old = families.stream().filter(f -> asked.containsKey(f.id())).toList();
                if (old.isEmpty()) return null;
                QuestionFamily f = old.get(random.nextInt(old.size()));
                List<Integer> ws = new ArrayList<>(asked.get(f.id()));
                return send(p, asked, f, ws.get(random.nextInt(ws.size())), label);
            }
            case PARAPHRASE -> {
                List<QuestionFamily> open = families.stream().filter(f -> asked.containsKey(f.id())
                        && asked.get(f.id()).size() < f.wordings().size()).toList();
                if (open.isEmpty()) return null;
                QuestionFamily f = open.get(random.nextInt(open.size()));
                List<Integer> unused = new ArrayList<>();
                for (int w = 0; w < f.wordings().size(); w++) if (!asked.get(f.id()).contains(w)) unused.add(w);
                return send(p, asked, f, unused.get(random.nextInt(unused.size())), label);
            }
        }
        return null;
    }

    private CacheRequest send(int p, Map<String, Set<Integer>> asked, QuestionFamily f, int wording, CacheLabel label) {
        asked.computeIfAbsent(f.id(), k -> new LinkedHashSet<>()).add(wording);
        return new CacheRequest(systemPromptId(p), systemPrompts.get(p), f.id(), label, f.wordings().get(wording));
    }
}
