package dev.crossover.loadgen.client;

import java.util.List;

/**
 * What to ask the model, independent of the wire protocol (OpenAI or Bedrock Converse).
 *
 * @param messages      the conversation, system messages first
 * @param maxTokens     the output budget
 * @param apiKey        the tenant's key; null means the client's default credentials
 * @param tenant        the tenant name results are split by; null for single-tenant runs
 * @param cacheSystemPrompt mark the system prompt as a cache prefix where the protocol can
 *                      (Bedrock cachePoint); OpenAI-compatible servers cache prefixes by themselves
 */
public record GenerationRequest(List<ChatMessage> messages, int maxTokens, String apiKey, String tenant,
                                boolean cacheSystemPrompt) {
    public GenerationRequest {
        messages = List.copyOf(messages);
        if (maxTokens <= 0) throw new IllegalArgumentException("maxTokens must be > 0");
    }

    public static GenerationRequest of(List<ChatMessage> messages, int maxTokens) {
        return new GenerationRequest(messages, maxTokens, null, null, false);
    }
}
