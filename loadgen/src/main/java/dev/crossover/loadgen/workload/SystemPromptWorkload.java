package dev.crossover.loadgen.workload;

import dev.crossover.loadgen.client.ChatMessage;
import dev.crossover.loadgen.client.GenerationRequest;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Scenario 3 (repeated system prompts): a few fixed system prompts, only the user input varies.
 * The system prompts come from fixed seeds, not the run's seed, so every run, pod and target sees
 * byte-identical prefixes: what prefix caching (llm-d, vLLM) and prompt caching (Bedrock cachePoint)
 * are meant to exploit. The user message starts with a nonce so only the shared prefix can hit.
 */
public final class SystemPromptWorkload implements Workload {
    private final long seed;
    private final List<String> systemPrompts;
    private final TokenLengths userTokens;
    private final TokenLengths outputTokens;

    public SystemPromptWorkload(long seed, int prompts, int systemPromptTokens, TokenLengths userTokens,
                                TokenLengths outputTokens) {
        this.seed = seed;
        this.systemPrompts = fixedPrompts("system", prompts, systemPromptTokens);
        this.userTokens = userTokens;
        this.outputTokens = outputTokens;
    }

    /** Prompts that are the same in every run: seeded by their index only. */
    static List<String> fixedPrompts(String kind, int count, int tokens) {
        return java.util.stream.IntStream.range(0, count).mapToObj(i -> "You are " + kind + " assistant #" + (i + 1)
                + ". " + SyntheticText.words(new SplittableRandom(1_000_003L * (i + 1)), tokens)).toList();
    }

    public List<String> systemPrompts() { return systemPrompts; }

    @Override
    public Session session(long sequence) {
        SplittableRandom random = SyntheticText.randomFor(seed, sequence);
        String system = systemPrompts.get(random.nextInt(systemPrompts.size()));
        String user = SyntheticText.nonce(seed, sequence) + " " + SyntheticText.words(random, userTokens.sample(random));
        return Session.single(new GenerationRequest(List.of(ChatMessage.system(system), ChatMessage.user(user)),
                outputTokens.sample(random), null, null, true));
    }
}
