package dev.crossover.loadgen.load;

import java.time.Duration;

/**
 * One stretch of a run: a rate (open loop, requests per second) or a concurrency (closed loop).
 * A burst is three stages: 10/s, 100/s, 10/s.
 */
public record Stage(Duration duration, double ratePerSecond, int concurrency) {
    public Stage {
        if (duration.isNegative()) throw new IllegalArgumentException("negative stage duration");
        if (ratePerSecond < 0 || concurrency < 0) throw new IllegalArgumentException("negative rate or concurrency");
    }

    public static Stage rate(Duration duration, double perSecond) { return new Stage(duration, perSecond, 0); }

    public static Stage concurrency(Duration duration, int users) { return new Stage(duration, 0, users); }
}
