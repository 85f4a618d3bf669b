package dev.crossover.loadgen.workload;

import java.util.SplittableRandom;

/** A distribution of token counts (input or output lengths), sampled with the caller's random. */
public sealed interface TokenLengths {
    int sample(SplittableRandom random);

    record Fixed(int tokens) implements TokenLengths {
        public int sample(SplittableRandom random) { return tokens; }
    }

    /** Uniform on [min, max]. */
    record Uniform(int min, int max) implements TokenLengths {
        public int sample(SplittableRandom random) { return random.nextInt(min, max + 1); }
    }

    /** Normal, clamped to [min, max] (real prompt lengths are neither negative nor unbounded). */
    record Normal(double mean, double stdDev, int min, int max) implements TokenLengths {
        public int sample(SplittableRandom random) {
            // Box-Muller from two uniforms; SplittableRandom has no nextGaussian before Java 17's RandomGenerator.
            double u1 = 1.0 - random.nextDouble();
            double u2 = random.nextDouble();
            double z = Math.sqrt(-2 * Math.log(u1)) * Math.cos(2 * Math.PI * u2);
            return (int) Math.max(min, Math.min(max, Math.round(mean + z * stdDev)));
        }
    }

    /** Parses "500", "uniform:100:900" or "normal:500:100:1:2000". */
    public static TokenLengths parse(String spec) {
        String[] p = spec.split(":");
        return switch (p[0]) {
            case "uniform" -> new Uniform(Integer.parseInt(p[1]), Integer.parseInt(p[2]));
            case "normal" -> new Normal(Double.parseDouble(p[1]), Double.parseDouble(p[2]), Integer.parseInt(p[3]),
                    Integer.parseInt(p[4]));
            default -> new Fixed(Integer.parseInt(p[0]));
        };
    }
}
