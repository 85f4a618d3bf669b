package dev.crossover.loadgen.load;

import dev.crossover.loadgen.client.DaemonThreads;
import dev.crossover.loadgen.client.PreparedRequest;
import dev.crossover.loadgen.client.StreamingClient;
import dev.crossover.loadgen.result.RunRecorder;
import dev.crossover.loadgen.workload.Session;
import dev.crossover.loadgen.workload.Workload;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.locks.LockSupport;

/**
 * Starts sessions at their scheduled instants and never waits for responses. Each request carries
 * its intended send time, so when this sender falls behind, the delay is charged to the request's
 * latency (and to the scheduling-lag histogram) instead of silently stretching the schedule:
 * no coordinated omission.
 */
final class OpenLoopDriver {
    /** Park until this close to the target, then spin: parkNanos overshoots by tens of microseconds. */
    private static final long SPIN_NANOS = 150_000;
    private static final long LATE_WARMUP_SKIP_NANOS = 100_000_000;

    private final LoadPlan plan;
    private final Workload workload;
    private final Shard shard;
    private final long startNanos;
    private final long measureStartNanos;
    private final ScheduledExecutorService timers =
            Executors.newSingleThreadScheduledExecutor(new DaemonThreads("loadgen-turns"));
    private final SessionSender sender;
    private final StreamingClient client;
    private final RunRecorder recorder;

    OpenLoopDriver(LoadPlan plan, StreamingClient client, Workload workload, Shard shard, RunRecorder recorder,
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

    /** Sends the whole schedule, then waits (up to the drain timeout) for the stragglers. */
    boolean run() throws InterruptedException {
        try {
            ArrivalSchedule schedule = new ArrivalSchedule(plan.extendable() ? extended(plan) : plan, shard.phase());
            long stagesEndOffset = plan.warmup().plus(plan.stagesDuration()).toNanos();
            InFlight inFlight = new InFlight();
            long local = 0;
            long measured = 0;
            for (long offset = schedule.next(); offset >= 0; offset = schedule.next()) {
                long intended = startNanos + offset;
                if (intended >= measureStartNanos && plan.maxRequests() > 0 && measured >= plan.maxRequests()) break;
                // After the stages, the extension only runs until the minimum is sent.
                if (offset >= stagesEndOffset && measured >= plan.minRequests()) break;
                // A shard that started a little after its level's start (within warm-up) skips the
                // warm-up arrivals already past instead of firing them all at once.
                if (intended < measureStartNanos && intended < System.nanoTime() - LATE_WARMUP_SKIP_NANOS) continue;
                // Build the session before its instant: generating prompts is the workload's cost, not lag.
                Session session = workload.session(shard.sequence(local++));
                PreparedRequest first = client.prepare(session.turns().get(0).request());
                waitUntil(intended);
                if (intended >= measureStartNanos) measured++;
                inFlight.started();
                sender.send(session, first, intended).whenComplete((o, t) -> inFlight.finished());
            }
            recorder.sendingEnded(System.nanoTime());
            return inFlight.awaitZero(plan.drainTimeout());
        } finally {
            timers.shutdownNow();
        }
    }

    /** The plan with its last stage's rate going on for the extension cap. */
    private static LoadPlan extended(LoadPlan p) {
        java.util.List<Stage> stages = new java.util.ArrayList<>(p.stages());
        stages.add(new Stage(p.maxExtension(), p.stages().getLast().ratePerSecond(), 0));
        return new LoadPlan(p.model(), stages, p.warmup(), p.maxRequests(), p.seed(), p.drainTimeout());
    }

    private static void waitUntil(long target) throws InterruptedException {
        long left;
        while ((left = target - System.nanoTime()) > 0) {
            if (Thread.interrupted()) throw new InterruptedException();
            if (left > SPIN_NANOS) LockSupport.parkNanos(left - SPIN_NANOS);
            else Thread.onSpinWait();
        }
    }
}
