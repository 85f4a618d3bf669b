package dev.crossover.benchmark;

import static org.assertj.core.api.Assertions.assertThat;

import dev.crossover.api.v1alpha1.LevelResult;
import dev.crossover.api.v1alpha1.SloSpec;
import dev.crossover.loadgen.client.ChunkTimes;
import dev.crossover.loadgen.client.ErrorClass;
import dev.crossover.loadgen.client.RequestOutcome;
import dev.crossover.loadgen.client.Usage;
import dev.crossover.loadgen.result.GoodputLimits;
import dev.crossover.loadgen.result.RunRecorder;
import dev.crossover.loadgen.result.RunResult;
import dev.crossover.loadgen.result.RunResultJson;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A level's status entry from merged shard results: error classes, goodput, cache shares. */
class LevelResultsTest {
  private static final long MS = 1_000_000L;

  private static RequestOutcome ok(long start, long ttftMs, Usage usage) {
    ChunkTimes c = new ChunkTimes();
    c.add(start + ttftMs * MS);
    c.add(start + (ttftMs + 10) * MS);
    return new RequestOutcome(start, start, c, start + (ttftMs + 10) * MS, usage, null, 200, null, null);
  }

  private static RequestOutcome failed(long start, long tookMs, ErrorClass error, int status) {
    return new RequestOutcome(start, start, new ChunkTimes(), start + tookMs * MS, Usage.UNKNOWN, error, status, null,
        "failed");
  }

  /** One shard, as a pod would print it: recorded, written to JSON and read back. */
  private static RunResult shard(List<RequestOutcome> outcomes) {
    RunRecorder recorder = new RunRecorder(0, 0, 0).judgeGoodput(new GoodputLimits(500 * MS, 0, 0));
    outcomes.forEach(recorder::accept);
    return RunResultJson.read(RunResultJson.writeCompact(recorder.result("level")));
  }

  @Test
  void errorsByClassGoodputAndCacheSharesReachTheLevel() {
    Usage cached = new Usage(1000, 2, 600, 100);
    RunResult a = shard(List.of(ok(0, 100, cached), ok(MS, 900, cached), failed(2 * MS, 5, ErrorClass.THROTTLED, 429)));
    RunResult b = shard(List.of(ok(3 * MS, 200, cached), failed(4 * MS, 3000, ErrorClass.TIMEOUT, 0),
        failed(5 * MS, 20, ErrorClass.SERVER_ERROR, 503)));
    LevelResult level = new LevelResult();
    LevelResults.fill(level, ShardResults.merge(List.of(a, b)), new SloSpec());

    assertThat(level.getRequests()).isEqualTo(6);
    assertThat(level.getErrors()).isEqualTo(3);
    assertThat(level.getErrorsByClass()).containsEntry("THROTTLED", 1L).containsEntry("TIMEOUT", 1L)
        .containsEntry("SERVER_ERROR", 1L).hasSize(3);
    // Two of six requests succeeded with TTFT within 500 ms (the one at 900 ms did not).
    assertThat(level.getGoodputShare()).isEqualTo(2.0 / 6);
    // E2E covers all six: the timeout at 3 s is the slowest.
    assertThat(level.getE2eMs().getP99()).isGreaterThanOrEqualTo(2990);
    assertThat(level.getCacheHitRate()).isEqualTo(0.6);
    assertThat(level.getCacheWriteRate()).isEqualTo(0.1);
  }

  @Test
  void aRunWithoutGoodputLimitsPublishesNoGoodput() {
    RunRecorder recorder = new RunRecorder(0, 0, 0);
    recorder.accept(ok(0, 100, new Usage(10, 2, 0, 0)));
    LevelResult level = new LevelResult();
    LevelResults.fill(level, recorder.result("level"), null);
    assertThat(level.getGoodputShare()).isNull();
    assertThat(level.getErrorsByClass()).isNull();
  }
}
