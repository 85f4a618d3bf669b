package dev.crossover.loadgen.workload;

import dev.crossover.loadgen.client.ChatMessage;
import dev.crossover.loadgen.client.GenerationRequest;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Scenario 6 (multi-tenant): each tenant has its own key and its own fixed system prompt; requests
 * go round-robin over tenants and carry the tenant's name, so results come out per tenant too.
 */
public final class MultiTenantWorkload implements Workload {
    /** A tenant: name (results are split by it) and its API key (null: the client's default). */
    public record Tenant(String name, String apiKey) {}

    private final long seed;
    private final List<Tenant> tenants;
    private final List<String> systemPrompts;
    private final TokenLengths userTokens;
    private final TokenLengths outputTokens;

    public MultiTenantWorkload(long seed, List<Tenant> tenants, int systemPromptTokens, TokenLengths userTokens,
                               TokenLengths outputTokens) {
        if (tenants.isEmpty()) throw new IllegalArgumentException("at least one tenant");
        this.seed = seed;
        this.tenants = List.copyOf(tenants);
        this.systemPrompts = SystemPromptWorkload.fixedPrompts("tenant", tenants.size(), systemPromptTokens);
        this.userTokens = userTokens;
        this.outputTokens = outputTokens;
    }

    @Override
    public Session session(long sequence) {
        int t = (int) Math.floorMod(sequence, (long) tenants.size());
        Tenant tenant = tenants.get(t);
        SplittableRandom random = SyntheticText.randomFor(seed, sequence);
        String user = SyntheticText.nonce(seed, sequence) + " " + SyntheticText.words(random, userTokens.sample(random));
        return Session.single(new GenerationRequest(List.of(ChatMessage.system(systemPrompts.get(t)),
                ChatMessage.user(user)), outputTokens.sample(random), tenant.apiKey(), tenant.name(), true));
    }
}
