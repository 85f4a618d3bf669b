package dev.crossover.benchmark;

import static org.assertj.core.api.Assertions.assertThat;

import dev.crossover.loadgen.result.Counter;
import dev.crossover.loadgen.result.RunResult;
import dev.crossover.loadgen.result.RunResultJson;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class ShardResultsTest {

  /** A real result a load pod printed in the local cluster (sim-direct, concurrency 1). */
  private static RunResult recorded() throws Exception {
    return RunResultJson.read(Files.readString(Path.of("src/test/resources/loadgen/result-pretty.json")));
  }

  @Test
  void findsTheOneLineResultAmongStderrLinesOfTheLog() throws Exception {
    RunResult result = recorded();
    String log = String.join("\n",
        "progress: 10 s, 13 requests",
        RunResultJson.writeOneLine(result),
        "flags: [SCHEDULING_LAG_ABOVE_THRESHOLD]",
        "client floor: TTFT p50 0.398 ms, p99 4.309 ms; lag threshold 1.000 ms",
        "");
    RunResult read = ShardResults.fromLog(log).orElseThrow();
    assertThat(read.total().counter(Counter.REQUESTS_SENT)).isPositive()
        .isEqualTo(result.total().counter(Counter.REQUESTS_SENT));
    assertThat(RunResultJson.write(read)).isEqualTo(RunResultJson.write(result));
  }

  @Test
  void aLogWithoutAResultLineHasNoResult() {
    assertThat(ShardResults.fromLog("Exception in thread \"main\" java.lang.OutOfMemoryError\n")).isEmpty();
    assertThat(ShardResults.fromLog(null)).isEmpty();
    assertThat(ShardResults.fromLog("{\"schemaVersion\":1,\"tool\":\"crossover-lo")).as("cut off").isEmpty();
  }

  @Test
  void shardsMergeIntoOneResultCountingEveryRequest() throws Exception {
    RunResult one = recorded();
    RunResult merged = ShardResults.merge(List.of(one, one));
    assertThat(merged.total().counter(Counter.REQUESTS_SENT)).isEqualTo(2 * one.total().counter(Counter.REQUESTS_SENT));
  }
}
