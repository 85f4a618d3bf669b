package dev.crossover.loadgen.workload;

import dev.crossover.loadgen.load.LoadModel;
import java.time.Duration;
import java.util.List;

/**
 * The nine scenarios of the benchmark plan (seed 000) with their load shape. A level is a
 * concurrency (closed loop) or a rate in requests/s (open loop); a sweep runs one level after
 * another, each its own result. Burst's levels are the stages of one run.
 */
public enum Scenario {
    /** 1: different prompt each time, 500 in / 1000 out, concurrency 1-200. */
    SIMPLE_INFERENCE("simple-inference", LoadModel.CLOSED, List.of(1, 10, 50, 100, 200), Duration.ofMinutes(5)),
    /** 2: the same shape as 1 on Custom Model Import vs vLLM, concurrency 1-100. */
    CUSTOM_IMPORT("custom-import", LoadModel.CLOSED, List.of(1, 10, 50, 100), Duration.ofMinutes(5)),
    /** 3: three fixed 2,000-token system prompts, only the user input varies. */
    REPEATED_SYSTEM_PROMPTS("repeated-system-prompts", LoadModel.CLOSED, List.of(10, 50, 100), Duration.ofMinutes(5)),
    /** 4: the same backend behind each gateway; short outputs make the gateway's share visible. */
    GATEWAY_OVERHEAD("gateway-overhead", LoadModel.CLOSED, List.of(1, 10, 50, 100, 500, 1000), Duration.ofMinutes(3)),
    /** 5: five turns, three tool calls with simulated tool latency. */
    MULTI_TURN_AGENT("multi-turn-agent", LoadModel.CLOSED, List.of(1, 10, 50), Duration.ofMinutes(5)),
    /** 6: five tenants, each with its own key and system prompt. */
    MULTI_TENANT("multi-tenant", LoadModel.CLOSED, List.of(10, 50), Duration.ofMinutes(5)),
    /** 7: open-loop rate sweep for the cost crossover. */
    BREAK_EVEN_SWEEP("break-even-sweep", LoadModel.POISSON, List.of(1, 5, 10, 30, 50, 100), Duration.ofMinutes(5)),
    /** 8: 30 req/s for 24 hours. */
    SOAK("soak", LoadModel.POISSON, List.of(30), Duration.ofHours(24)),
    /** 9: 10 req/s, 100 req/s for 5 minutes, back to 10 req/s: one run of three stages. */
    BURST("burst", LoadModel.POISSON, List.of(10, 100, 10), Duration.ofMinutes(5));

    public final String id;
    public final LoadModel loadModel;
    public final List<Integer> levels;
    public final Duration levelDuration;

    Scenario(String id, LoadModel loadModel, List<Integer> levels, Duration levelDuration) {
        this.id = id;
        this.loadModel = loadModel;
        this.levels = levels;
        this.levelDuration = levelDuration;
    }

    public static Scenario byId(String id) {
        for (Scenario s : values()) if (s.id.equalsIgnoreCase(id) || s.name().equalsIgnoreCase(id)) return s;
        throw new IllegalArgumentException("unknown scenario '" + id + "'; known: "
                + java.util.Arrays.stream(values()).map(s -> s.id).toList());
    }
}
