package dev.crossover.loadgen.load;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ArrivalScheduleTest {

    private static List<Long> offsets(LoadPlan plan) {
        ArrivalSchedule s = new ArrivalSchedule(plan);
        List<Long> out = new ArrayList<>();
        for (long o = s.next(); o >= 0; o = s.next()) out.add(o);
        return out;
    }

    private static LoadPlan plan(LoadModel model, long seed, Duration warmup, Stage... stages) {
        return new LoadPlan(model, List.of(stages), warmup, 0, seed, Duration.ofSeconds(1));
    }

    @Test
    void constantArrivalsAreEvenlySpacedWithoutRoundingDrift() {
        List<Long> o = offsets(plan(LoadModel.CONSTANT, 1, Duration.ZERO, Stage.rate(Duration.ofSeconds(10), 3)));
        assertThat(o).hasSize(30);
        assertThat(o.get(0)).isZero();
        // 1/3 s does not divide into whole nanoseconds; the 30th arrival must still be at 29/3 s.
        assertThat(o.get(29)).isBetween(9_666_666_665L, 9_666_666_667L);
    }

    @Test
    void poissonArrivalsHaveTheMeanRateAndReplayFromTheSeed() {
        LoadPlan p = plan(LoadModel.POISSON, 42, Duration.ZERO, Stage.rate(Duration.ofSeconds(100), 100));
        List<Long> o = offsets(p);
        // 10,000 expected; the count of a Poisson process has sd = sqrt(10,000) = 100: allow 4 sd.
        assertThat(o.size()).isBetween(9_600, 10_400);
        assertThat(offsets(p)).isEqualTo(o);
        assertThat(offsets(plan(LoadModel.POISSON, 43, Duration.ZERO, Stage.rate(Duration.ofSeconds(100), 100))))
                .isNotEqualTo(o);
        // Exponential gaps: the coefficient of variation is 1 (constant arrivals would give 0).
        double mean = 0, sq = 0;
        for (int i = 1; i < o.size(); i++) {
            double g = o.get(i) - o.get(i - 1);
            mean += g;
            sq += g * g;
        }
        mean /= o.size() - 1;
        double cv = Math.sqrt(sq / (o.size() - 1) - mean * mean) / mean;
        assertThat(cv).isBetween(0.9, 1.1);
    }

    @Test
    void stagesChangeTheRateAndWarmupRunsAtTheFirstStagesRate() {
        List<Long> o = offsets(plan(LoadModel.CONSTANT, 1, Duration.ofSeconds(1),
                Stage.rate(Duration.ofSeconds(2), 10), Stage.rate(Duration.ofSeconds(1), 100),
                Stage.rate(Duration.ofSeconds(1), 0), Stage.rate(Duration.ofSeconds(2), 10)));
        long warm = o.stream().filter(x -> x < 1_000_000_000L).count();
        long first = o.stream().filter(x -> x >= 1_000_000_000L && x < 3_000_000_000L).count();
        long burst = o.stream().filter(x -> x >= 3_000_000_000L && x < 4_000_000_000L).count();
        long pause = o.stream().filter(x -> x >= 4_000_000_000L && x < 5_000_000_000L).count();
        long last = o.stream().filter(x -> x >= 5_000_000_000L).count();
        assertThat(warm).isEqualTo(10);
        assertThat(first).isEqualTo(20);
        assertThat(burst).isBetween(99L, 101L);
        assertThat(pause).isZero();
        assertThat(last).isBetween(19L, 21L);
        assertThat(o.get(o.size() - 1)).isLessThan(7_000_000_000L);
    }

    @Test
    void shardsSplitRateAndConcurrencyAndInterleaveSequences() {
        Shard s0 = new Shard(0, 3), s2 = new Shard(2, 3);
        assertThat(s0.concurrency(10) + new Shard(1, 3).concurrency(10) + s2.concurrency(10)).isEqualTo(10);
        assertThat(s0.rate(30)).isEqualTo(10);
        assertThat(List.of(s0.sequence(0), s0.sequence(1), s2.sequence(0), s2.sequence(1))).containsExactly(0L, 3L, 2L, 5L);
    }

    @Test
    void constantRateShardsArePhaseOffsetSoTogetherTheyFireEvenly() {
        LoadPlan whole = plan(LoadModel.CONSTANT, 1, Duration.ZERO, Stage.rate(Duration.ofSeconds(1), 40));
        List<Long> merged = new ArrayList<>();
        for (int k = 0; k < 4; k++) {
            Shard shard = new Shard(k, 4);
            ArrivalSchedule s = new ArrivalSchedule(shard.apply(whole), shard.phase());
            for (long o = s.next(); o >= 0; o = s.next()) merged.add(o);
        }
        merged.sort(Long::compare);
        // Four shards at 10/s each: 40 arrivals 25 ms apart, as one pod at 40/s, never four at once.
        assertThat(merged).hasSize(40);
        for (int i = 1; i < merged.size(); i++) {
            assertThat(merged.get(i) - merged.get(i - 1)).isBetween(24_999_999L, 25_000_001L);
        }
    }
}
