package dev.crossover.aws;

import java.time.Instant;
import java.util.Optional;

/** The state of one fact read from AWS: known (and since when), unavailable (and why), or still on its way. */
public sealed interface Fetched<T> {

  record Ok<T>(T value, Instant fetchedAt) implements Fetched<T> {}

  record Failed<T>(AwsProblem problem) implements Fetched<T> {}

  /** Asked, not answered within the reconcile's wait; the answer lands in the cache for the next reconcile. */
  record Pending<T>(String action) implements Fetched<T> {}

  default Optional<T> known() {
    return this instanceof Ok<T> ok ? Optional.of(ok.value()) : Optional.empty();
  }
}
