package dev.crossover.loadgen.load;

/**
 * A shard started too long after its level's common start to line up with the other shards. The
 * CLI exits with {@link #EXIT_CODE}, which the load Job's pod-failure policy turns into a failed
 * level (with this message) instead of a shard re-run alone and merged with the others.
 */
public final class LateStartException extends IllegalStateException {
    public static final int EXIT_CODE = 3;

    public LateStartException(String message) {
        super(message);
    }
}
