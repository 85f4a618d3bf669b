package dev.crossover.loadgen.workload;

import static org.assertj.core.api.Assertions.assertThat;

import dev.crossover.loadgen.client.ChatMessage;
import dev.crossover.loadgen.client.GenerationRequest;
import dev.crossover.loadgen.plan.RunPlan;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class ScenarioWorkloadsTest {

    private static Workload scenario(String id, long seed) {
        return ScenarioWorkloads.build(new RunPlan.WorkloadSpec(id, null, null, null, null, null), seed,
                Map.of("TENANT_2_API_KEY", "key-two"));
    }

    private static int words(String s) { return s.trim().split("\\s+").length; }

    @Test
    void everyScenarioIsReproducibleFromItsSeedAndChangesWithIt() {
        for (Scenario s : Scenario.values()) {
            Workload a = scenario(s.id, 7), b = scenario(s.id, 7), c = scenario(s.id, 8);
            for (long n = 0; n < 20; n++) {
                assertThat(b.session(n)).as(s.id).isEqualTo(a.session(n));
            }
            assertThat(c.session(3)).as(s.id).isNotEqualTo(a.session(3));
        }
    }

    @Test
    void simpleInferenceHas500InputAnd1000OutputTokensAndNoSharedPrefix() {
        Workload w = scenario("simple-inference", 1);
        Set<String> prefixes = new HashSet<>();
        for (long n = 0; n < 200; n++) {
            GenerationRequest r = w.session(n).turns().get(0).request();
            assertThat(r.maxTokens()).isEqualTo(1000);
            String prompt = r.messages().get(0).content();
            assertThat(words(prompt)).isEqualTo(502); // nonce ("[req", "id]") + 500 words
            prefixes.add(prompt.substring(0, 24));
        }
        // The first characters already differ for every request: no prefix-cache hit by accident.
        assertThat(prefixes).hasSize(200);
    }

    @Test
    void repeatedSystemPromptsUseThreeFixed2000TokenPromptsWithVaryingUserInput() {
        Workload w1 = scenario("repeated-system-prompts", 1), w2 = scenario("repeated-system-prompts", 99);
        Set<String> systems = new HashSet<>(), users = new HashSet<>();
        for (long n = 0; n < 300; n++) {
            GenerationRequest r = w1.session(n).turns().get(0).request();
            assertThat(r.messages()).extracting(ChatMessage::role).containsExactly("system", "user");
            assertThat(r.cacheSystemPrompt()).isTrue();
            systems.add(r.messages().get(0).content());
            users.add(r.messages().get(1).content());
            // Another run (another seed) sees byte-identical system prompts.
            systems.add(w2.session(n).turns().get(0).request().messages().get(0).content());
        }
        assertThat(systems).hasSize(3);
        assertThat(systems).allSatisfy(p -> assertThat(words(p)).isBetween(2000, 2010));
        assertThat(users).hasSize(300);
    }

    @Test
    void multiTurnAgentHasFiveTurnsThreeToolCallsAndToolLatency() {
        Workload w = ScenarioWorkloads.build(new RunPlan.WorkloadSpec("multi-turn-agent", null, null, null, null, "250ms"),
                1, Map.of());
        Session s = w.session(0);
        assertThat(s.turns()).hasSize(5);
        assertThat(s.turns()).extracting(Session.Turn::pauseBefore).containsExactly(Duration.ZERO,
                Duration.ofMillis(250), Duration.ofMillis(250), Duration.ofMillis(250), Duration.ZERO);
        // Each turn resends the whole history so far, grown by the previous tool call and its result.
        for (int t = 1; t < 5; t++) {
            List<ChatMessage> before = s.turns().get(t - 1).request().messages();
            List<ChatMessage> now = s.turns().get(t).request().messages();
            assertThat(now.subList(0, before.size())).isEqualTo(before);
            assertThat(now).hasSize(before.size() + 2);
        }
        String last = s.turns().get(4).request().messages().toString();
        assertThat(last).contains("Calling web_search", "Calling db_query", "Calling calculator");
    }

    @Test
    void multiTenantRotatesFiveTenantsWithTheirOwnKeysAndPrompts() {
        Workload w = scenario("multi-tenant", 1);
        Set<String> tenants = new HashSet<>(), systems = new HashSet<>();
        for (long n = 0; n < 10; n++) {
            GenerationRequest r = w.session(n).turns().get(0).request();
            tenants.add(r.tenant());
            systems.add(r.messages().get(0).content());
            if ("tenant-2".equals(r.tenant())) assertThat(r.apiKey()).isEqualTo("key-two");
            else assertThat(r.apiKey()).isNull(); // no key configured: the client's default
        }
        assertThat(tenants).containsExactlyInAnyOrder("tenant-1", "tenant-2", "tenant-3", "tenant-4", "tenant-5");
        assertThat(systems).hasSize(5);
    }

    @Test
    void tokenLengthSpecsParseAndStayInRange() {
        SplittableRandom r = new SplittableRandom(1);
        TokenLengths u = TokenLengths.parse("uniform:10:20"), n = TokenLengths.parse("normal:500:100:1:600");
        for (int i = 0; i < 1000; i++) {
            assertThat(u.sample(r)).isBetween(10, 20);
            assertThat(n.sample(r)).isBetween(1, 600);
        }
        assertThat(TokenLengths.parse("42").sample(r)).isEqualTo(42);
    }

    @Test
    void thePlansTurnsAndToolCallsShapeTheAgentConversation() {
        Workload w = ScenarioWorkloads.build(new RunPlan.WorkloadSpec("multi-turn-agent", null, null, null, null, "100ms",
                8, 5, null, null), 1, Map.of());
        Session s = w.session(0);
        assertThat(s.turns()).hasSize(8);
        assertThat(s.turns().stream().filter(t -> t.pauseBefore().equals(Duration.ofMillis(100)))).hasSize(5);
        String last = s.turns().get(7).request().messages().toString();
        // Five calls cycle over the three tools: web_search twice, db_query twice, calculator once.
        assertThat(last.split("Calling web_search", -1)).hasSize(3);
        assertThat(last.split("Calling calculator", -1)).hasSize(2);
        assertThat(ScenarioWorkloads.build(new RunPlan.WorkloadSpec("multi-turn-agent", null, null, null, null, null,
                1, 0, null, null), 1, Map.of()).session(0).turns()).hasSize(1);
    }

    @Test
    void thePlansSystemPromptCountAndLengthShapeTheSharedPrompts() {
        var w = (SystemPromptWorkload) ScenarioWorkloads.build(new RunPlan.WorkloadSpec("repeated-system-prompts",
                null, null, null, null, null, null, null, 5, 300), 1, Map.of());
        assertThat(w.systemPrompts()).hasSize(5);
        // "You are system assistant #n." and 300 words.
        assertThat(w.systemPrompts()).allSatisfy(p -> assertThat(words(p)).isEqualTo(305));
        Workload tenants = ScenarioWorkloads.build(new RunPlan.WorkloadSpec("multi-tenant", null, null, null, null, null,
                null, null, null, 120), 1, Map.of());
        String system = tenants.session(0).turns().get(0).request().messages().get(0).content();
        assertThat(words(system)).isBetween(120, 126);
    }
}
