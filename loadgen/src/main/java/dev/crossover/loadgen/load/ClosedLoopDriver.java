package dev.crossover.loadgen.load;

import dev.crossover.loadgen.client.DaemonThreads;
import dev.crossover.loadgen.client.PreparedRequest;
import dev.crossover.loadgen.client.RequestOutcome;
import dev.crossover.loadgen.client.StreamingClient;
import dev.crossover.loadgen.result.RunRecorder;
import dev.crossover.loadgen.workload.Session;
import dev.crossover.loadgen.workload.Workload;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;

/**
 * Users, each starting its next session as soon as its previous one ends. A user's next session is
 * intended at the instant the previous one ended, so the scheduling-lag histogram shows the
 * client's own turnaround, and that turnaround counts in the next request's latency. To keep it
 * short, each user's next session is built and encoded while its current one is in flight, and
 * is sent from the thread that saw the previous one end, with no hand-off: a hand-off to another
 * thread waits for that thread to wake, and on a busy machine for a core (measured on the
 * simulator: scheduling lag p50 ~0.4 ms with a timer-thread hand-off). Stages change the number of users: new users start at once, surplus
 * users retire when their current session ends (a closed loop never cuts a request short).
 */
final class ClosedLoopDriver {
    private static final int MAX_INLINE_DEPTH = 8;
    private static final ThreadLocal<int[]> INLINE_DEPTH = ThreadLocal.withInitial(() -> new int[1]);
    /** Marks a session's next-session slot as taken by afterSession, so a late prepare is not stored. */
    private static final Ready PREPARED_ELSEWHERE = new Ready(null, null);

    private final LoadPlan plan;
    private final Workload workload;
    private final Shard shard;
    private final long startNanos;
    private final long measureStartNanos;
    private final AtomicLong nextLocal = new AtomicLong();
    private final AtomicLong measuredStarted = new AtomicLong();
    private final InFlight users = new InFlight();
    /** Timers for turn pauses, the first session of a user, and the rare overflow of inline starts. */
    private final ScheduledExecutorService timers =
            Executors.newSingleThreadScheduledExecutor(new DaemonThreads("loadgen-users"));
    private final SessionSender sender;
    private final StreamingClient client;
    private final RunRecorder recorder;
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
        this.client = client;
        this.recorder = recorder;
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
                waitUntil(stageEnd);
            }
            if (plan.extendable()) {
                // Too few requests for the percentiles: the last stage goes on, up to the cap.
                long capEnd = stageEnd + plan.maxExtension().toNanos();
                while (recorder.measuredRequests() < plan.minRequests() && System.nanoTime() < capEnd && !limitHit()) {
                    waitUntil(Math.min(capEnd, System.nanoTime() + 50_000_000L));
                }
            }
            setUsers(0);
            recorder.sendingEnded(System.nanoTime());
            return users.awaitZero(plan.drainTimeout());
        } finally {
            timers.shutdownNow();
        }
    }

    private void waitUntil(long end) throws InterruptedException {
        while (System.nanoTime() < end && !limitHit()) LockSupport.parkNanos(Math.min(50_000_000L,
                Math.max(1, end - System.nanoTime())));
        if (Thread.interrupted()) throw new InterruptedException();
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
                timers.execute(() -> startSession(user, intended, null));
            }
        }
    }

    /** A session built and encoded ahead of its instant. */
    private record Ready(Session session, PreparedRequest first) {}

    private Ready prepareNext() {
        Session session = workload.session(shard.sequence(nextLocal.getAndIncrement()));
        return new Ready(session, client.prepare(session.turns().get(0).request()));
    }

    /**
     * Retires the user if it is surplus or the request limit is reached; else sends its next session
     * (the one prepared ahead, if any), then prepares the one after while this one is in flight.
     */
    private void startSession(int user, long intended, Ready ready) {
        synchronized (this) {
            if (user >= targetUsers || limitReached(intended)) {
                running[user] = false;
                users.finished();
                return;
            }
        }
        Ready now = ready != null ? ready : prepareNext();
        AtomicReference<Ready> after = new AtomicReference<>();
        sender.send(now.session(), now.first(), intended).whenComplete((o, t) -> afterSession(user, o, after));
        // Usually long before the session ends; if it has ended already, afterSession prepared its own.
        if (after.get() == null) after.compareAndSet(null, prepareNext());
    }

    private boolean limitReached(long intended) {
        if (intended < measureStartNanos || plan.maxRequests() == 0) return false;
        if (measuredStarted.incrementAndGet() > plan.maxRequests()) {
            limitHit = true;
            return true;
        }
        return false;
    }

    private void afterSession(int user, RequestOutcome last, AtomicReference<Ready> after) {
        long next = last != null ? last.endNanos() : System.nanoTime();
        Ready ready = after.getAndSet(PREPARED_ELSEWHERE); // null when the session ended inside send()
        int[] depth = INLINE_DEPTH.get();
        if (depth[0] < MAX_INLINE_DEPTH) {
            depth[0]++;
            try {
                startSession(user, next, ready);
            } finally {
                depth[0]--;
            }
            return;
        }
        // A server failing each request inside send() would nest starts without bound: trampoline.
        try {
            timers.execute(() -> startSession(user, next, ready));
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
