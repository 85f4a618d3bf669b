package dev.crossover.loadgen.load;

import dev.crossover.loadgen.client.DaemonThreads;
import dev.crossover.loadgen.client.RequestOutcome;
import dev.crossover.loadgen.client.StreamingClient;
import dev.crossover.loadgen.result.RunRecorder;
import dev.crossover.loadgen.workload.Workload;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * Users, each starting its next session as soon as its previous one ends. A user's next session is
 * intended at the instant the previous one ended, so the scheduling-lag histogram shows the
 * client's own turnaround. Stages change the number of users: new users start at once, surplus
 * users retire when their current session ends (a closed loop never cuts a request short).
 */
final class ClosedLoopDriver {
    private final LoadPlan plan;
    private final Workload workload;
    private final Shard shard;
    private final long startNanos;
    private final long measureStartNanos;
    private final AtomicLong nextLocal = new AtomicLong();
    private final AtomicLong measuredStarted = new AtomicLong();
    private final InFlight users = new InFlight();
    // Dispatching from a timer thread, not from the completion callback, keeps a fast-failing
    // server from nesting callbacks without bound.
    private final ScheduledExecutorService timers =
            Executors.newSingleThreadScheduledExecutor(new DaemonThreads("loadgen-users"));
    private final SessionSender sender;
    /** Guarded by this: how many users should run, and which user slots are running. */
    private int targetUsers;
    private boolean[] running = new boolean[0];
    private boolean limitHit;

    ClosedLoopDriver(LoadPlan plan, StreamingClient client, Workload workload, Shard shard, RunRecorder recorder,
                     long startNanos) {
        this.plan = plan;
        this.workload = workload;
        this.shard = shard;
        this.startNanos = startNanos;
        this.measureStartNanos = startNanos + plan.warmup().toNanos();
        this.sender = new SessionSender(client, recorder, timers);
    }

    boolean run() throws InterruptedException {
        try {
            sleepUntil(startNanos);
            long stageEnd = measureStartNanos;
            setUsers(plan.stages().get(0).concurrency()); // warm-up runs at the first stage's level
            sleepUntil(stageEnd);
            for (Stage stage : plan.stages()) {
                setUsers(stage.concurrency());
                stageEnd += stage.duration().toNanos();
                while (System.nanoTime() < stageEnd && !limitHit()) LockSupport.parkNanos(Math.min(50_000_000L,
                        Math.max(1, stageEnd - System.nanoTime())));
                if (Thread.interrupted()) throw new InterruptedException();
            }
            setUsers(0);
            return users.awaitZero(plan.drainTimeout());
        } finally {
            timers.shutdownNow();
        }
    }

    private synchronized boolean limitHit() { return limitHit; }

    private synchronized void setUsers(int target) {
        targetUsers = target;
        if (running.length < target) running = java.util.Arrays.copyOf(running, target);
        for (int i = 0; i < target; i++) {
            if (!running[i]) {
                running[i] = true;
                users.started();
                long intended = System.nanoTime();
                int user = i;
                timers.execute(() -> startSession(user, intended));
            }
        }
    }

    /** Retires the user if it is surplus or the request limit is reached; else starts its next session. */
    private void startSession(int user, long intended) {
        synchronized (this) {
            if (user >= targetUsers || limitReached(intended)) {
                running[user] = false;
                users.finished();
                return;
            }
        }
        sender.send(workload.session(shard.sequence(nextLocal.getAndIncrement())), intended)
                .whenComplete((o, t) -> afterSession(user, o));
    }

    private boolean limitReached(long intended) {
        if (intended < measureStartNanos || plan.maxRequests() == 0) return false;
        if (measuredStarted.incrementAndGet() > plan.maxRequests()) {
            limitHit = true;
            return true;
        }
        return false;
    }

    private void afterSession(int user, RequestOutcome last) {
        long next = last != null ? last.endNanos() : System.nanoTime();
        try {
            timers.execute(() -> startSession(user, next));
        } catch (RejectedExecutionException stopped) {
            synchronized (this) {
                running[user] = false;
            }
            users.finished();
        }
    }

    private static void sleepUntil(long target) throws InterruptedException {
        for (long left; (left = target - System.nanoTime()) > 0; ) {
            LockSupport.parkNanos(left);
            if (Thread.interrupted()) throw new InterruptedException();
        }
    }
}
