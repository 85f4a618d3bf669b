package dev.crossover.loadgen.cache;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class CacheWorkloadTest {
    static final List<String> PROMPTS = List.of("You are a tutor.", "You are a support agent.");

    @Test
    void labelsSayWhatWasSentRelativeToEarlierRequestsOfTheSamePrompt() {
        CacheWorkload w = new CacheWorkload(7, PROMPTS, CacheQuestions.all(), 0.3, 0.3);
        Map<String, Set<String>> sentWordings = new HashMap<>();
        Map<String, Set<String>> askedFamilies = new HashMap<>();
        Map<CacheLabel, Integer> counts = new HashMap<>();
        for (int i = 0; i < 300; i++) {
            CacheRequest r = w.next();
            String p = r.systemPromptId();
            Set<String> wordings = sentWordings.computeIfAbsent(p, k -> new HashSet<>());
            Set<String> families = askedFamilies.computeIfAbsent(p, k -> new HashSet<>());
            switch (r.label()) {
                case REPEAT -> assertThat(wordings).as("a repeat was sent before").contains(r.question());
                case PARAPHRASE -> {
                    assertThat(families).as("a paraphrase's family was asked").contains(r.family());
                    assertThat(wordings).as("a paraphrase is a new wording").doesNotContain(r.question());
                }
                case NOVEL -> assertThat(families).as("a novel family was not asked").doesNotContain(r.family());
            }
            assertThat(r.systemPrompt()).isEqualTo(PROMPTS.get(Integer.parseInt(p.substring(p.lastIndexOf('-') + 1)) - 1));
            wordings.add(r.question());
            families.add(r.family());
            counts.merge(r.label(), 1, Integer::sum);
        }
        // Every kind occurs; with 32 families x 3 wordings per prompt, 300 requests exhaust novel questions.
        assertThat(counts.keySet()).containsExactlyInAnyOrder(CacheLabel.values());
    }

    @Test
    void theSameSeedGivesTheSameSequence() {
        CacheWorkload a = new CacheWorkload(11, PROMPTS, CacheQuestions.all(), 0.2, 0.4);
        CacheWorkload b = new CacheWorkload(11, PROMPTS, CacheQuestions.all(), 0.2, 0.4);
        for (int i = 0; i < 50; i++) {
            assertThat(a.next()).isEqualTo(b.next());
        }
    }

    @Test
    void questionFamiliesAreDistinctWordings() {
        Set<String> all = new HashSet<>();
        for (QuestionFamily f : CacheQuestions.all()) {
            for (String w : f.wordings()) {
                assertThat(all.add(w)).as("wording used once: %s", w).isTrue();
            }
        }
    }

    @Test
    void theJudgeTellsCorrectFromFalseHitsByWhoseAnswerCameBack() {
        CacheJudge judge = new CacheJudge();
        CacheRequest france = new CacheRequest("sp-1", "s", "q1", CacheLabel.NOVEL, "What is the capital of France?");
        CacheRequest paraphrase = new CacheRequest("sp-1", "s", "q1", CacheLabel.PARAPHRASE, "capital city of France?");
        CacheRequest spain = new CacheRequest("sp-1", "s", "q2", CacheLabel.NOVEL, "What is the capital of Spain?");
        CacheRequest otherPrompt = new CacheRequest("sp-2", "t", "q1", CacheLabel.PARAPHRASE, "capital city of France?");
        CacheRequest repeatUnknown = new CacheRequest("sp-1", "s", "q3", CacheLabel.REPEAT, "How many legs?");
        CacheSignal hit = new CacheSignal(true, CacheSignal.HitType.SEMANTIC, 0.96);

        assertThat(judge.judge(france, CacheSignal.miss(null), "Paris.")).isEqualTo(CacheVerdict.MISS);
        assertThat(judge.judge(paraphrase, hit, "Paris.")).isEqualTo(CacheVerdict.CORRECT_HIT);
        assertThat(judge.judge(spain, hit, "Paris.")).as("another family's answer").isEqualTo(CacheVerdict.FALSE_HIT);
        assertThat(judge.judge(otherPrompt, hit, "Paris.")).as("another prompt's answer").isEqualTo(CacheVerdict.FALSE_HIT);
        assertThat(judge.judge(repeatUnknown, hit, "Eight.")).isEqualTo(CacheVerdict.UNATTRIBUTED_HIT);
        assertThat(judge.judge(spain, hit, "Madrid.")).as("a novel question can own nothing").isEqualTo(CacheVerdict.FALSE_HIT);
    }

    @Test
    void signalsAreReadFromEachGatewaysOwnMetadata() throws Exception {
        ObjectMapper json = new ObjectMapper();
        CacheSignal b = CacheSignal.fromBifrost(json.readTree(
                "{\"choices\":[],\"extra_fields\":{\"cache_debug\":{\"cache_hit\":true,\"hit_type\":\"semantic\",\"similarity\":0.97}}}"));
        assertThat(b).isEqualTo(new CacheSignal(true, CacheSignal.HitType.SEMANTIC, 0.97));
        assertThat(CacheSignal.fromBifrost(json.readTree("{\"extra_fields\":{\"cache_debug\":{\"cache_hit\":false}}}")).hit()).isFalse();
        assertThat(CacheSignal.fromBifrost(json.readTree("{\"choices\":[]}")).hit()).isFalse();

        CacheSignal l = CacheSignal.fromLiteLlm(Map.of("X-LiteLLM-Cache-Key", List.of("abc"),
                "x-litellm-semantic-similarity", List.of("0.9812")));
        assertThat(l).isEqualTo(new CacheSignal(true, CacheSignal.HitType.UNSPECIFIED, 0.9812));
        assertThat(CacheSignal.fromLiteLlm(Map.of("x-litellm-semantic-similarity", List.of("0.7"))))
                .isEqualTo(CacheSignal.miss(0.7));
    }

    @Test
    void theTallySplitsHitsByTypeAndLatencyByOutcome() {
        CacheTally t = new CacheTally();
        CacheRequest novel = new CacheRequest("sp-1", "s", "q1", CacheLabel.NOVEL, "a");
        CacheRequest repeat = new CacheRequest("sp-1", "s", "q1", CacheLabel.REPEAT, "a");
        CacheRequest para = new CacheRequest("sp-1", "s", "q1", CacheLabel.PARAPHRASE, "b");
        t.record(novel, CacheSignal.miss(null), CacheVerdict.MISS, -1, 300_000);
        t.record(repeat, new CacheSignal(true, CacheSignal.HitType.DIRECT, null), CacheVerdict.CORRECT_HIT, -1, 2_000);
        t.record(para, new CacheSignal(true, CacheSignal.HitType.SEMANTIC, 0.96), CacheVerdict.CORRECT_HIT, -1, 25_000);
        t.record(novel, new CacheSignal(true, CacheSignal.HitType.SEMANTIC, 0.95), CacheVerdict.FALSE_HIT, -1, 24_000);
        CacheTally merged = new CacheTally();
        merged.add(t);
        CacheTally.Summary s = merged.summary();
        assertThat(s.requests()).isEqualTo(4);
        assertThat(s.hitRate()).isEqualTo(0.75);
        assertThat(s.directHitRate()).isEqualTo(0.25);
        assertThat(s.semanticHitRate()).isEqualTo(0.5);
        assertThat(s.falseHitRate()).isEqualTo(0.25);
        assertThat(s.falseHitShareOfHits()).isEqualTo(1.0 / 3);
        assertThat(s.repeatHitRate()).isEqualTo(1.0);
        assertThat(s.paraphraseHitRate()).isEqualTo(1.0);
        assertThat(s.missE2e().count()).isEqualTo(1);
        assertThat(s.missE2e().p50Ms()).isBetween(299.0, 301.0);
        assertThat(s.hitE2e().count()).isEqualTo(3);
        assertThat(s.hitTtft().count()).isZero();
    }

    @Test
    void aGatewayThatDoesNotTypeItsHitsHasNoDirectOrSemanticRate() {
        CacheTally t = new CacheTally();
        t.record(new CacheRequest("k", "s", "q1", CacheLabel.REPEAT, "a"),
                new CacheSignal(true, CacheSignal.HitType.UNSPECIFIED, 1.0), CacheVerdict.CORRECT_HIT, -1, 1000);
        CacheTally.Summary s = t.summary();
        assertThat(s.directHitRate()).isNaN();
        assertThat(s.semanticHitRate()).isNaN();
        assertThat(s.unspecifiedHitRate()).isEqualTo(1.0);
    }
}
