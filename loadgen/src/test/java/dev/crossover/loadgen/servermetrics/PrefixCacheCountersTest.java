package dev.crossover.loadgen.servermetrics;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class PrefixCacheCountersTest {

    @Test
    void readsVllmsTotalsAndTheSimulatorsNamesSummingSeries() {
        String vllm = """
                # HELP vllm:prefix_cache_queries_total Prefix cache queries, in terms of number of queried tokens.
                # TYPE vllm:prefix_cache_queries_total counter
                vllm:prefix_cache_queries_total{engine="0",model_name="llama"} 1.2e+04
                vllm:prefix_cache_queries_total{engine="1",model_name="llama"} 3000.0 1700000000000
                vllm:prefix_cache_hits_total{engine="0",model_name="llama"} 9000.0
                vllm:prefix_cache_hits_created{engine="0",model_name="llama"} 1.7e9
                vllm:gpu_cache_usage_perc{model_name="llama"} 0.5
                """;
        assertThat(PrefixCacheCounters.parse(vllm)).contains(new PrefixCacheCounters.Reading(15_000, 9_000));
        String simulator = """
                vllm:prefix_cache_hits{model_name="m"} 32
                vllm:prefix_cache_queries{model_name="m"} 64
                """;
        assertThat(PrefixCacheCounters.parse(simulator)).contains(new PrefixCacheCounters.Reading(64, 32));
        assertThat(PrefixCacheCounters.parse("go_goroutines 12\n")).isEmpty();
    }

    @Test
    void aServerThatRestartedOrVanishedIsLeftOutOfTheDelta() {
        var before = Map.of("a", new PrefixCacheCounters.Reading(100, 10), "b", new PrefixCacheCounters.Reading(500, 50),
                "c", new PrefixCacheCounters.Reading(7, 7));
        var after = Map.of("a", new PrefixCacheCounters.Reading(300, 110), "b", new PrefixCacheCounters.Reading(20, 0));
        assertThat(PrefixCacheCounters.delta(before, after)).isEqualTo(new PrefixCacheCounters.Delta(200, 100, 1));
    }
}
