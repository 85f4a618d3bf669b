package dev.crossover.loadgen.calibrate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.crossover.loadgen.client.ChunkTimes;
import dev.crossover.loadgen.client.RequestOutcome;
import dev.crossover.loadgen.client.Usage;
import dev.crossover.loadgen.result.Calibration;
import dev.crossover.loadgen.result.RunRecorder;
import dev.crossover.loadgen.result.RunResult;
import java.time.Duration;
import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;

class CalibratorTest {

    @Test
    void measuresAFloorOnTheLoopbackServer() throws Exception {
        Calibration c = Calibrator.measureFloor(100, Duration.ofMillis(2));
        System.out.printf("client floor: TTFT p50 %.3f ms p99 %.3f ms%n", c.floorTtftP50Nanos() / 1e6,
                c.floorTtftP99Nanos() / 1e6);
        assertThat(c.floorTtftP50Nanos()).isPositive();
        assertThat(c.floorTtftP99Nanos()).isGreaterThanOrEqualTo(c.floorTtftP50Nanos());
        assertThat(c.lagThresholdNanos()).isEqualTo(2_000_000L);
    }

    @Test
    void openLoopLagCheckRecordsEveryMeasuredRequestButNotTheWarmup() throws Exception {
        Histogram lag = Calibrator.measureOpenLoopLag(100, Duration.ofSeconds(1));
        System.out.printf("loopback open-loop lag at 100/s: p50 %.1f us p99 %.1f us%n", lag.getValueAtPercentile(50) / 1e3,
                lag.getValueAtPercentile(99) / 1e3);
        assertThat(lag.getTotalCount()).isEqualTo(100); // warm-up excluded
    }

    private static RunResult withLag(long lagNanos) {
        RunRecorder r = new RunRecorder(0, 0, 0);
        for (int i = 0; i < 100; i++) {
            ChunkTimes c = new ChunkTimes();
            c.add(lagNanos + 1_000_000);
            r.accept(new RequestOutcome(0, lagNanos, c, lagNanos + 2_000_000, new Usage(1, 1, 0, 0), null, 200, null, null));
        }
        return r.result("x");
    }

    @Test
    void flagsARunWhoseSchedulingLagP99PassesTheThreshold() {
        assertThat(Calibrator.judge(withLag(3_000_000), Duration.ofMillis(1)).flags())
                .containsExactly(RunResult.FLAG_SCHEDULING_LAG);
        assertThat(Calibrator.judge(withLag(200_000), Duration.ofMillis(1)).flags()).isEmpty();
    }
}
