package dev.crossover.benchmark;

import dev.crossover.loadgen.result.RunResult;
import dev.crossover.loadgen.result.RunResultJson;
import java.util.List;
import java.util.Optional;

/**
 * Reads a load pod's result from its log and merges shards. The result JSON (schema version 1,
 * pretty-printed) is the last thing a load pod prints; progress lines on stderr come before it.
 * Shards merge histogram by histogram, so percentiles of the merged result are exact.
 */
public final class ShardResults {
  private ShardResults() {}

  /** The result printed at the end of a log, or empty if the log has none (pod died first). */
  public static Optional<RunResult> fromLog(String log) {
    if (log == null) {
      return Optional.empty();
    }
    // The root object's opening brace is the only "{" alone on a line (nested ones are indented).
    int start = log.lastIndexOf("\n{\n");
    int from = start >= 0 ? start + 1 : (log.startsWith("{\n") ? 0 : -1);
    if (from < 0) {
      return Optional.empty();
    }
    try {
      return Optional.of(RunResultJson.read(log.substring(from)));
    } catch (RuntimeException e) {
      return Optional.empty();
    }
  }

  public static RunResult merge(List<RunResult> shards) {
    return shards.stream().reduce(RunResult::merge)
        .orElseThrow(() -> new IllegalArgumentException("no shard results to merge"));
  }
}
