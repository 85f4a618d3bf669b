package dev.crossover.loadgen.load;

import dev.crossover.loadgen.client.DaemonThreads;
import dev.crossover.loadgen.client.RequestOutcome;
import dev.crossover.loadgen.client.StreamingClient;
import dev.crossover.loadgen.result.RunRecorder;
import dev.crossover.loadgen.workload.Workload;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * N users, each starting its next session as soon as its previous one ends. A user's next session
 * is intended at the instant the previous one ended, so the scheduling-lag histogram shows the
 * client's own turnaround.
 */
final class ClosedLoopDriver {
    private final LoadPlan plan;
    private final Workload workload;
    private final Shard shard;
    private final long startNanos;
    private final long measureStartNanos;
    private final long stopNanos;
    private final AtomicLong nextLocal = new AtomicLong();
    private final AtomicLong measuredStarted = new AtomicLong();
    private final InFlight users = new InFlight();
    // Dispatching from a timer thread, not from the completion callback, keeps a fast-failing
    // server from nesting callbacks without bound.
    private final ScheduledExecutorService timers =
            Executors.newSingleThreadScheduledExecutor(new DaemonThreads("loadgen-users"));
    private final SessionSender sender;

    ClosedLoopDriver(LoadPlan plan, StreamingClient client, Workload workload, Shard shard, RunRecorder recorder,
                     long startNanos) {
        this.plan = plan;
        this.workload = workload;
        this.shard = shard;
        this.startNanos = startNanos;
        this.measureStartNanos = startNanos + plan.warmup().toNanos();
        this.stopNanos = measureStartNanos + plan.stagesDuration().toNanos();
        this.sender = new SessionSender(client, recorder, timers);
    }

    boolean run() throws InterruptedException {
        try {
            int concurrency = plan.stages().get(0).concurrency();
            for (long left; (left = startNanos - System.nanoTime()) > 0; ) LockSupport.parkNanos(left);
            for (int i = 0; i < concurrency; i++) {
                users.started();
                long intended = System.nanoTime();
                timers.execute(() -> startSession(intended));
            }
            long runNanos = Math.max(0, stopNanos - System.nanoTime());
            // Users stop at stopNanos (or the request limit); in-flight sessions then get the drain timeout.
            return users.awaitZero(Duration.ofNanos(runNanos).plus(plan.drainTimeout()));
        } finally {
            timers.shutdownNow();
        }
    }

    private void startSession(long intended) {
        if (intended >= stopNanos || limitReached(intended)) {
            users.finished();
            return;
        }
        sender.send(workload.session(shard.sequence(nextLocal.getAndIncrement())), intended)
                .whenComplete((o, t) -> afterSession(o));
    }

    private boolean limitReached(long intended) {
        if (intended < measureStartNanos || plan.maxRequests() == 0) return false;
        return measuredStarted.incrementAndGet() > plan.maxRequests();
    }

    private void afterSession(RequestOutcome last) {
        long next = last != null ? last.endNanos() : System.nanoTime();
        try {
            timers.execute(() -> startSession(next));
        } catch (RejectedExecutionException stopped) {
            users.finished();
        }
    }
}
