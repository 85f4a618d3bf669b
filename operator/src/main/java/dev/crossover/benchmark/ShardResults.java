package dev.crossover.benchmark;

import dev.crossover.loadgen.result.RunResult;
import dev.crossover.loadgen.result.RunResultJson;
import java.util.List;
import java.util.Optional;

/**
 * Reads a load pod's result from its log and merges shards. Load pods run loadgen with
 * {@code --one-line}: the result JSON (schema version 1) is one line of the log, so progress and
 * summary lines on stderr, which a container log interleaves line by line, cannot split it.
 * Shards merge histogram by histogram, so percentiles of the merged result are exact.
 */
public final class ShardResults {
  static final String RESULT_LINE_START = "{\"schemaVersion\":";

  private ShardResults() {}

  /** The last result line of a log, or empty if the log has none (the pod died first). */
  public static Optional<RunResult> fromLog(String log) {
    if (log == null) {
      return Optional.empty();
    }
    List<String> lines = log.lines().toList();
    for (int i = lines.size() - 1; i >= 0; i--) {
      String line = lines.get(i).strip();
      if (line.startsWith(RESULT_LINE_START)) {
        try {
          return Optional.of(RunResultJson.read(line));
        } catch (RuntimeException e) {
          return Optional.empty();
        }
      }
    }
    return Optional.empty();
  }

  public static RunResult merge(List<RunResult> shards) {
    return shards.stream().reduce(RunResult::merge)
        .orElseThrow(() -> new IllegalArgumentException("no shard results to merge"));
  }
}
