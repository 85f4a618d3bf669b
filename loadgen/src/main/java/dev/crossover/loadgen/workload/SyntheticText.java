package dev.crossover.loadgen.workload;

import java.util.SplittableRandom;

/**
 * Generates filler text of about N tokens: common short English words, each one token for the
 * BPE tokenizers of Llama/GPT/Claude (a word with its leading space), so requested lengths are
 * close to what the server counts. The server's usage counts remain the reported truth.
 */
public final class SyntheticText {
    private static final String[] WORDS = ("the of and to in is was for on that with as by at from his her it an "
            + "were are which this be or has had not but their they one you all we can out there so if will about "
            + "up more when who some time them into only new other then these two may first any like now my such "
            + "over its than most see made way over many where after back years work well much before good great "
            + "water long little very just know people down day get take place make side year small three man "
            + "world house light state number name line city land home read hand port large spell add even tree "
            + "move play end cold book keep song feet ship food plan rain rule gold blue fish").split(" ");

    private SyntheticText() {}

    public static String words(SplittableRandom random, int tokens) {
        StringBuilder sb = new StringBuilder(tokens * 5);
        for (int i = 0; i < tokens; i++) {
            if (i > 0) sb.append(' ');
            sb.append(WORDS[random.nextInt(WORDS.length)]);
        }
        return sb.toString();
    }

    /**
     * A marker unique to (seed, sequence). Placed at the very start of a prompt it makes the whole
     * prompt a prefix-cache miss, for scenarios that must not hit caches by accident.
     */
    public static String nonce(long seed, long sequence) {
        return "[req " + Long.toHexString(seed) + "-" + Long.toHexString(sequence) + "]";
    }

    /** A per-request random stream that depends only on (seed, sequence). */
    public static SplittableRandom randomFor(long seed, long sequence) {
        return new SplittableRandom(mix(seed * 0x9E3779B97F4A7C15L + sequence));
    }

    private static long mix(long z) { // SplitMix64 finaliser: neighbouring sequences get unrelated streams
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
