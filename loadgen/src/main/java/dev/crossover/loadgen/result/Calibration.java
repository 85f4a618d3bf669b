package dev.crossover.loadgen.result;

/**
 * The client's own measuring floor and the lag threshold a run was judged against.
 *
 * @param floorTtftP50Nanos TTFT the client measures against an in-process loopback server that
 *                          answers at once: what the client itself adds to every TTFT
 * @param floorTtftP99Nanos the same at p99
 * @param lagThresholdNanos a run whose scheduling lag p99 passes this is flagged
 */
public record Calibration(long floorTtftP50Nanos, long floorTtftP99Nanos, long lagThresholdNanos) {

    /** Merging shards keeps the worst floor: the merged figures are only as good as the worst pod. */
    public Calibration worstWith(Calibration other) {
        if (other == null) return this;
        return new Calibration(Math.max(floorTtftP50Nanos, other.floorTtftP50Nanos),
                Math.max(floorTtftP99Nanos, other.floorTtftP99Nanos),
                Math.min(lagThresholdNanos, other.lagThresholdNanos));
    }
}
