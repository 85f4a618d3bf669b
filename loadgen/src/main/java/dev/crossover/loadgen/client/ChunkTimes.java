package dev.crossover.loadgen.client;

import java.util.Arrays;

/**
 * Arrival times (System.nanoTime) of the content-bearing chunks of one stream, in order. A
 * growable primitive array: one stream can carry thousands of chunks and boxing each would be
 * allocation the measuring client does not need.
 */
public final class ChunkTimes {
    private long[] times = new long[64];
    private int size;

    public void add(long nanos) {
        if (size == times.length) times = Arrays.copyOf(times, size * 2);
        times[size++] = nanos;
    }

    public int size() { return size; }

    public long get(int i) {
        if (i >= size) throw new IndexOutOfBoundsException(i);
        return times[i];
    }

    public long first() { return get(0); }

    public long last() { return get(size - 1); }
}
