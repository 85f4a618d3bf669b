package dev.crossover.loadgen.client;

import java.util.List;

/**
 * What to ask the model, independent of the wire protocol (OpenAI, Bedrock Converse, AgentCore).
 *
 * @param messages      the conversation, system messages first
 * @param maxTokens     the output budget
 * @param apiKey        the tenant's key; null means the client's default credentials
 * @param tenant        the tenant name results are split by; null for single-tenant runs
 * @param cacheSystemPrompt mark the system prompt as a cache prefix where the protocol can
 *                      (Bedrock cachePoint); OpenAI-compatible servers cache prefixes by themselves
 * @param conversation  which workload session (conversation) this turn belongs to, -1 if unknown:
 *                      protocols with server-side sessions (AgentCore runtimeSessionId) keep the
 *                      turns of one conversation in one session
 */
public record GenerationRequest(List<ChatMessage> messages, int maxTokens, String apiKey, String tenant,
                                boolean cacheSystemPrompt, long conversation) {
    public GenerationRequest {
        messages = List.copyOf(messages);
        if (maxTokens <= 0) throw new IllegalArgumentException("maxTokens must be > 0");
    }

    /** A request not yet placed in a conversation (the load drivers place it). */
    public GenerationRequest(List<ChatMessage> messages, int maxTokens, String apiKey, String tenant,
                             boolean cacheSystemPrompt) {
        this(messages, maxTokens, apiKey, tenant, cacheSystemPrompt, -1);
    }

    public static GenerationRequest of(List<ChatMessage> messages, int maxTokens) {
        return new GenerationRequest(messages, maxTokens, null, null, false);
    }

    public GenerationRequest inConversation(long sequence) {
        return sequence == conversation ? this
                : new GenerationRequest(messages, maxTokens, apiKey, tenant, cacheSystemPrompt, sequence);
    }

    /**
     * The request with its last user message asking for the output length, as LLMPerf does for
     * APIs that cannot be told to ignore the end of sequence (Bedrock, AgentCore): maxTokens alone
     * caps the answer but lets the model stop early, and then E2E, req/s and cost per request
     * would compare shorter work. Appended, so shared prefixes stay cacheable.
     */
    public GenerationRequest withLengthInstruction() {
        int last = -1;
        for (int i = messages.size() - 1; i >= 0 && last < 0; i--) {
            if (messages.get(i).role().equals("user")) last = i;
        }
        if (last < 0) return this;
        List<ChatMessage> asked = new java.util.ArrayList<>(messages);
        asked.set(last, ChatMessage.user(messages.get(last).content() + lengthInstruction(maxTokens)));
        return new GenerationRequest(asked, maxTokens, apiKey, tenant, cacheSystemPrompt, conversation);
    }

    static String lengthInstruction(int tokens) {
        return "\n\nAnswer with a text of about " + tokens + " tokens: keep writing until you reach that length, "
                + "and do not stop early.";
    }

    /** The last user message: what an agent's own payload carries as its prompt. */
    public String lastUserText() {
        for (int i = messages.size() - 1; i >= 0; i--) {
            if (messages.get(i).role().equals("user")) return messages.get(i).content();
        }
        return messages.isEmpty() ? "" : messages.get(messages.size() - 1).content();
    }
}
