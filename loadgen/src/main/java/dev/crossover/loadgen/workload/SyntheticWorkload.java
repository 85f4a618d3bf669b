package dev.crossover.loadgen.workload;

import dev.crossover.loadgen.client.ChatMessage;
import dev.crossover.loadgen.client.GenerationRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Single-turn requests with input and output lengths drawn from distributions. With uniquePrefix,
 * every prompt starts with a nonce so no two requests share a cacheable prefix (scenario 1:
 * "different prompt each time").
 */
public record SyntheticWorkload(long seed, TokenLengths inputTokens, TokenLengths outputTokens, boolean uniquePrefix)
        implements Workload {

    @Override
    public Session session(long sequence) {
        SplittableRandom random = SyntheticText.randomFor(seed, sequence);
        int in = inputTokens.sample(random);
        int out = outputTokens.sample(random);
        String text = SyntheticText.words(random, in);
        if (uniquePrefix) text = SyntheticText.nonce(seed, sequence) + " " + text;
        List<ChatMessage> messages = new ArrayList<>();
        messages.add(ChatMessage.user(text));
        return Session.single(GenerationRequest.of(messages, out));
    }
}
