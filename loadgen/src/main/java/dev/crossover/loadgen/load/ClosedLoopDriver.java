package dev.crossover.loadgen.load;

import dev.crossover.loadgen.client.DaemonThreads;
import dev.crossover.loadgen.client.RequestOutcome;
import dev.crossover.loadgen.client.StreamingClient;
import dev.crossover.loadgen.result.RunRecorder;
import dev.crossover.loadgen.workload.Workload;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;

/**
 * N users, each sending its next request as soon as its previous one ends. A user's next request
 * is intended at the instant the previous one ended, so the scheduling-lag histogram shows the
 * client's own turnaround.
 */
final class ClosedLoopDriver {
    private final LoadPlan plan;
    private final StreamingClient client;
    private final Workload workload;
    private final Shard shard;
    private final RunRecorder recorder;
    private final long measureStartNanos;
    private final long stopNanos;
    private final AtomicLong nextLocal = new AtomicLong();
    private final AtomicLong measuredSent = new AtomicLong();
    private final InFlight users = new InFlight();
    // Dispatching from a separate thread keeps a fast-failing server from nesting callbacks.
    private final ExecutorService dispatcher = Executors.newSingleThreadExecutor(new DaemonThreads("loadgen-users"));

    ClosedLoopDriver(LoadPlan plan, StreamingClient client, Workload workload, Shard shard, RunRecorder recorder,
                     long startNanos) {
        this.plan = plan;
        this.client = client;
        this.workload = workload;
        this.shard = shard;
        this.recorder = recorder;
        this.measureStartNanos = startNanos + plan.warmup().toNanos();
        this.stopNanos = measureStartNanos + plan.stagesDuration().toNanos();
    }

    boolean run() throws InterruptedException {
        try {
            int concurrency = plan.stages().get(0).concurrency();
            long now = System.nanoTime();
            for (int i = 0; i < concurrency; i++) {
                users.started();
                dispatcher.execute(() -> sendNext(now));
            }
            long runNanos = stopNanos - System.nanoTime();
            // Users stop at stopNanos (or the request limit); then in-flight requests get the drain timeout.
            return users.awaitZero(java.time.Duration.ofNanos(Math.max(0, runNanos)).plus(plan.drainTimeout()));
        } finally {
            dispatcher.shutdownNow();
        }
    }

    private void sendNext(long intended) {
        if (intended >= stopNanos || limitReached(intended)) {
            users.finished();
            return;
        }
        client.send(workload.request(shard.sequence(nextLocal.getAndIncrement())), intended)
                .whenComplete((o, t) -> afterResponse(o));
    }

    private boolean limitReached(long intended) {
        if (intended < measureStartNanos || plan.maxRequests() == 0) return false;
        return measuredSent.incrementAndGet() > plan.maxRequests();
    }

    private void afterResponse(RequestOutcome o) {
        if (o != null) recorder.accept(o);
        long next = o != null ? o.endNanos() : System.nanoTime();
        try {
            dispatcher.execute(() -> sendNext(next));
        } catch (java.util.concurrent.RejectedExecutionException stopped) {
            users.finished();
        }
    }
}
