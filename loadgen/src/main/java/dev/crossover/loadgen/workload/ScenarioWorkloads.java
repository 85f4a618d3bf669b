package dev.crossover.loadgen.workload;

import dev.crossover.loadgen.plan.Durations;
import dev.crossover.loadgen.plan.RunPlan;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Builds the workload a plan names: a scenario preset, with lengths overridable, or synthetic. */
public final class ScenarioWorkloads {
    public static final int TENANTS = 5;
    public static final int SYSTEM_PROMPT_TOKENS = 2000;
    static final Duration DEFAULT_TOOL_LATENCY = Duration.ofMillis(300);

    private ScenarioWorkloads() {}

    public static Workload build(RunPlan.WorkloadSpec spec, long seed, Map<String, String> env) {
        String scenario = spec == null || spec.scenario() == null ? "synthetic" : spec.scenario();
        if (scenario.equalsIgnoreCase("synthetic")) {
            return new SyntheticWorkload(seed, lengths(spec, true, "500"), lengths(spec, false, "200"), unique(spec));
        }
        return switch (Scenario.byId(scenario)) {
            case SIMPLE_INFERENCE, CUSTOM_IMPORT ->
                    new SyntheticWorkload(seed, lengths(spec, true, "500"), lengths(spec, false, "1000"), unique(spec));
            case REPEATED_SYSTEM_PROMPTS -> new SystemPromptWorkload(seed, or(spec == null ? null : spec.systemPrompts(), 3),
                    or(spec == null ? null : spec.systemPromptTokens(), SYSTEM_PROMPT_TOKENS),
                    lengths(spec, true, "uniform:50:200"), lengths(spec, false, "200"));
            case GATEWAY_OVERHEAD ->
                    new SyntheticWorkload(seed, lengths(spec, true, "128"), lengths(spec, false, "32"), unique(spec));
            case MULTI_TURN_AGENT -> new AgentConversationWorkload(seed, lengths(spec, true, "uniform:30:120"),
                    TokenLengths.parse("uniform:100:400"), lengths(spec, false, "150"),
                    spec == null || spec.toolLatency() == null ? DEFAULT_TOOL_LATENCY : Durations.parse(spec.toolLatency()),
                    or(spec == null ? null : spec.turns(), AgentConversationWorkload.DEFAULT_TURNS),
                    or(spec == null ? null : spec.toolCalls(), AgentConversationWorkload.TOOLS.size()));
            case MULTI_TENANT -> new MultiTenantWorkload(seed, tenants(spec, env),
                    or(spec == null ? null : spec.systemPromptTokens(), 1000),
                    lengths(spec, true, "uniform:50:300"), lengths(spec, false, "200"));
            case BREAK_EVEN_SWEEP, SOAK, BURST ->
                    new SyntheticWorkload(seed, lengths(spec, true, "500"), lengths(spec, false, "300"), unique(spec));
        };
    }

    private static int or(Integer given, int preset) {
        return given == null ? preset : given;
    }

    private static TokenLengths lengths(RunPlan.WorkloadSpec spec, boolean input, String preset) {
        String given = spec == null ? null : input ? spec.inputTokens() : spec.outputTokens();
        return TokenLengths.parse(given == null ? preset : given);
    }

    private static boolean unique(RunPlan.WorkloadSpec spec) {
        return spec == null || spec.uniquePrefix() == null || spec.uniquePrefix();
    }

    /** The plan's tenants with keys from their env vars, or tenant-1..5 reading TENANT_<n>_API_KEY. */
    static List<MultiTenantWorkload.Tenant> tenants(RunPlan.WorkloadSpec spec, Map<String, String> env) {
        List<MultiTenantWorkload.Tenant> out = new ArrayList<>();
        if (spec != null && spec.tenants() != null && !spec.tenants().isEmpty()) {
            for (RunPlan.TenantSpec t : spec.tenants()) {
                out.add(new MultiTenantWorkload.Tenant(t.name(), t.apiKeyEnv() == null ? null : env.get(t.apiKeyEnv())));
            }
            return out;
        }
        for (int i = 1; i <= TENANTS; i++) {
            out.add(new MultiTenantWorkload.Tenant("tenant-" + i, env.get("TENANT_" + i + "_API_KEY")));
        }
        return out;
    }
}
