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
    // Six requests are too few for any percentile: none is published, and the SLO is not judged.
    assertThat(level.getE2eMs()).isNull();
    assertThat(level.getPercentilesOmitted()).contains("e2eMs p50/p95/p99 (6 samples)");
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

  private static RunResult levelOf(int requests, long ttftMs) {
    RunRecorder recorder = new RunRecorder(0, 0, 0);
    for (int i = 0; i < requests; i++) {
      recorder.accept(ok(i * MS, ttftMs, new Usage(10, 2, 0, 0)));
    }
    return recorder.result("level");
  }

  @Test
  void aPercentileWithoutSamplesEnoughIsOmittedNotPublished() {
    LevelResult few = new LevelResult();
    LevelResults.fill(few, levelOf(50, 100), new SloSpec());
    assertThat(few.getTtftMs().getP50()).isEqualTo(100.0, org.assertj.core.data.Offset.offset(0.5));
    assertThat(few.getTtftMs().getP95()).isNull();
    assertThat(few.getTtftMs().getP99()).isNull();
    assertThat(few.getPercentilesOmitted()).contains("ttftMs p95/p99 (50 samples)");
    // ITL has a sample per token gap: 50 requests of 2 chunks give 50 gaps, the same count here.
    assertThat(few.getMeetsSlo()).as("p95 SLO on 50 requests: not judged").isNull();
    assertThat(few.getMessage()).contains("SLO not judged");

    LevelResult enough = new LevelResult();
    LevelResults.fill(enough, levelOf(250, 100), new SloSpec());
    assertThat(enough.getTtftMs().getP95()).isNotNull();
    assertThat(enough.getTtftMs().getP99()).isNull();
    assertThat(enough.getPercentilesOmitted()).contains("ttftMs p99 (250 samples)");
    assertThat(enough.getMeetsSlo()).isTrue();

    LevelResult slow = new LevelResult();
    LevelResults.fill(slow, levelOf(50, 3000), new SloSpec());
    assertThat(slow.getMeetsSlo()).as("not judged either way without a p95").isNull();

    SloSpec p99 = new SloSpec();
    p99.setTtftP99("2s");
    LevelResult noP99 = new LevelResult();
    LevelResults.fill(noP99, levelOf(250, 100), p99);
    assertThat(noP99.getMeetsSlo()).as("a p99 SLO needs 1000 requests").isNull();
  }

  @Test
  void aFailingLevelMissesTheSloWhateverItsSampleCount() {
    RunRecorder recorder = new RunRecorder(0, 0, 0);
    for (int i = 0; i < 10; i++) {
      recorder.accept(failed(i * MS, 5, ErrorClass.THROTTLED, 429));
    }
    LevelResult level = new LevelResult();
    LevelResults.fill(level, recorder.result("level"), new SloSpec());
    assertThat(level.getMeetsSlo()).isFalse();
  }

  private static RequestOutcome answered(long start, long outputTokens, String stopReason) {
    ChunkTimes c = new ChunkTimes();
    c.add(start + 100 * MS);
    return new RequestOutcome(start, start, c, start + 200 * MS, new Usage(500, outputTokens, 0, 0), null, 200, null,
        null, stopReason);
  }

  @Test
  void aLevelWhoseAnswersFallShortOfTheRequestedLengthIsFlagged() {
    RunRecorder shortAnswers = new RunRecorder(0, 0, 0);
    RunRecorder fullAnswers = new RunRecorder(0, 0, 0);
    for (int i = 0; i < 30; i++) {
      // 200 tokens asked for; the model stopped at 120 (end_turn) two times in three.
      shortAnswers.accept(shortAnswers.sending(i * MS), i % 3 == 0 ? answered(i * MS, 200, "max_tokens")
          : answered(i * MS, 120, "end_turn"), 200);
      fullAnswers.accept(fullAnswers.sending(i * MS), answered(i * MS, 200, "length"), 200);
    }
    LevelResult flagged = new LevelResult();
    LevelResults.fill(flagged, shortAnswers.result("level"), new SloSpec());
    assertThat(flagged.getLengthCheck()).startsWith("OutputShort: mean output was 73% of the requested length");
    assertThat(flagged.getStopReasons()).containsEntry("end_turn", 20L).containsEntry("max_tokens", 10L);
    assertThat(flagged.getOutputTokensP50()).isEqualTo(120.0);
    assertThat(flagged.getOutputTokensP95()).isEqualTo(200.0);
    assertThat(flagged.getInputTokensP50()).isEqualTo(500.0);

    LevelResult full = new LevelResult();
    LevelResults.fill(full, fullAnswers.result("level"), new SloSpec());
    assertThat(full.getLengthCheck()).isNull();
    assertThat(full.getStopReasons()).containsExactly(java.util.Map.entry("length", 30L));
  }
}
