package dev.crossover.benchmark;

import dev.crossover.loadgen.result.RunResult;
import dev.crossover.loadgen.result.RunResultJson;
import io.fabric8.kubernetes.api.model.ContainerStatus;
import io.fabric8.kubernetes.api.model.Pod;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Reads a load pod's result — from its termination message when loadgen could write it there
 * (results up to 4096 bytes: few requests), else from its log — and merges shards. Load pods run loadgen with
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

  /** The Indexed Job's completion index of a load pod, or -1 when it has none. */
  public static int completionIndex(Pod pod) {
    String index = Optional.ofNullable(pod.getMetadata().getAnnotations())
        .map(a -> a.get("batch.kubernetes.io/job-completion-index")).orElse(null);
    try {
      return index == null ? -1 : Integer.parseInt(index);
    } catch (NumberFormatException e) {
      return -1;
    }
  }

  /**
   * A finished load pod's result: its loadgen container's termination message if that holds one
   * (read from the pod's status, no kubelet involved), else its log, fetched only then.
   */
  public static Optional<RunResult> fromPod(Pod pod, Supplier<String> log) {
    Optional<RunResult> fromMessage = terminationMessage(pod).flatMap(ShardResults::fromLog);
    return fromMessage.isPresent() ? fromMessage : fromLog(log.get());
  }

  static Optional<String> terminationMessage(Pod pod) {
    if (pod.getStatus() == null || pod.getStatus().getContainerStatuses() == null) {
      return Optional.empty();
    }
    return pod.getStatus().getContainerStatuses().stream()
        .filter(c -> LoadJobRenderer.CONTAINER.equals(c.getName()))
        .map(ContainerStatus::getState)
        .filter(state -> state != null && state.getTerminated() != null)
        .map(state -> state.getTerminated().getMessage())
        .filter(m -> m != null && !m.isBlank())
        .findFirst();
  }

  public static RunResult merge(List<RunResult> shards) {
    return shards.stream().reduce(RunResult::merge)
        .orElseThrow(() -> new IllegalArgumentException("no shard results to merge"));
  }
}
