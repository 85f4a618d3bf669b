package dev.crossover.loadgen.load;

import java.time.Duration;

/** Counts requests in flight so a run can wait for them to finish, with a limit. */
final class InFlight {
    private long count;

    synchronized void started() { count++; }

    synchronized void finished() {
        if (--count == 0) notifyAll();
    }

    /** @return true if everything finished within the timeout */
    synchronized boolean awaitZero(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (count > 0) {
            long left = deadline - System.nanoTime();
            if (left <= 0) return false;
            wait(Math.max(1, left / 1_000_000));
        }
        return true;
    }

    synchronized long count() { return count; }
}
