package dev.crossover.loadgen.sim;

import static org.assertj.core.api.Assertions.assertThat;

import dev.crossover.loadgen.plan.PlanExecutor;
import dev.crossover.loadgen.plan.RunPlan;
import dev.crossover.loadgen.result.Counter;
import dev.crossover.loadgen.result.RunResult;
import dev.crossover.loadgen.result.RunResultJson;
import dev.crossover.loadgen.result.Summary;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Shard 0 reads the model server's prefix-cache counters before and after a run: against the real
 * llm-d-inference-sim with its KV cache on, prompts sharing system prompts hit the cache.
 */
class ServerPrefixCacheAgainstSimulatorTest {

    static RunPlan plan(SimulatorProcess sim, int shardIndex, String scenario, Boolean uniquePrefix) {
        return new RunPlan("prefix", new RunPlan.Target("openai", sim.baseUrl().toString(), "chat", SimulatorProcess.MODEL,
                null, "30s", true, null, null),
                new RunPlan.Load("closed", List.of(new RunPlan.StageSpec("3s", null, 4)), "0s", null, 1L, null),
                new RunPlan.WorkloadSpec(scenario, "400", "4", uniquePrefix, null, null),
                new RunPlan.ShardSpec(shardIndex, 2), new RunPlan.CalibrationSpec(false, null, 0),
                new RunPlan.ServerMetricsSpec(List.of(sim.metricsUrl().toString())));
    }

    @Test
    void sharedSystemPromptsShowAsServerSideHitsReadByShardZeroOnly() throws Exception {
        try (SimulatorProcess sim = SimulatorProcess.start(Map.of("POD_IP", "127.0.0.1"), "--enable-kvcache",
                "--max-model-len", "8192")) {
            PlanExecutor executor = new PlanExecutor(Map.of());
            RunResult shard0 = executor.execute(plan(sim, 0, "repeated-system-prompts", null));
            long queries = shard0.total().counter(Counter.SERVER_PREFIX_CACHE_QUERIES);
            long hits = shard0.total().counter(Counter.SERVER_PREFIX_CACHE_HITS);
            assertThat(queries).as("prompt tokens the server looked up").isPositive();
            assertThat(hits).as("three shared 2000-token system prompts repeat").isPositive().isLessThanOrEqualTo(queries);
            assertThat(shard0.flags()).doesNotContain(PlanExecutor.FLAG_SERVER_METRICS_PARTIAL);
            RunResult read = RunResultJson.read(RunResultJson.writeCompact(shard0));
            assertThat(read.total().counter(Counter.SERVER_PREFIX_CACHE_HITS)).isEqualTo(hits);
            assertThat(Summary.of(read).path("serverPrefixCacheHitRate").asDouble()).isEqualTo((double) hits / queries);
            System.out.printf("server prefix cache: %d of %d prompt tokens hit (%.1f%%)%n", hits, queries, 100.0 * hits / queries);

            RunResult shard1 = executor.execute(plan(sim, 1, "repeated-system-prompts", null));
            assertThat(shard1.total().counter(Counter.SERVER_PREFIX_CACHE_QUERIES)).as("only shard 0 reads").isZero();
        }
    }
}
