package dev.crossover.loadgen.load;

import dev.crossover.loadgen.client.GenerationRequest;
import dev.crossover.loadgen.client.StreamingClient;
import dev.crossover.loadgen.result.RunRecorder;
import dev.crossover.loadgen.workload.Workload;
import java.util.concurrent.locks.LockSupport;

/**
 * Sends requests at their scheduled instants and never waits for responses. Each request carries
 * its intended send time, so when this sender falls behind, the delay is charged to the request's
 * latency (and to the scheduling-lag histogram) instead of silently stretching the schedule:
 * no coordinated omission.
 */
final class OpenLoopDriver {
    /** Park until this close to the target, then spin: parkNanos overshoots by tens of microseconds. */
    private static final long SPIN_NANOS = 150_000;

    private final LoadPlan plan;
    private final StreamingClient client;
    private final Workload workload;
    private final Shard shard;
    private final RunRecorder recorder;
    private final long startNanos;
    private final long measureStartNanos;

    OpenLoopDriver(LoadPlan plan, StreamingClient client, Workload workload, Shard shard, RunRecorder recorder,
                   long startNanos) {
        this.plan = plan;
        this.client = client;
        this.workload = workload;
        this.shard = shard;
        this.recorder = recorder;
        this.startNanos = startNanos;
        this.measureStartNanos = startNanos + plan.warmup().toNanos();
    }

    /** Sends the whole schedule, then waits (up to the drain timeout) for the stragglers. */
    boolean run() throws InterruptedException {
        ArrivalSchedule schedule = new ArrivalSchedule(plan);
        InFlight inFlight = new InFlight();
        long local = 0;
        long measured = 0;
        for (long offset = schedule.next(); offset >= 0; offset = schedule.next()) {
            long intended = startNanos + offset;
            if (intended >= measureStartNanos && plan.maxRequests() > 0 && measured >= plan.maxRequests()) break;
            // Build the request before its instant: generating a prompt is the workload's cost, not lag.
            GenerationRequest request = workload.request(shard.sequence(local++));
            waitUntil(intended);
            if (intended >= measureStartNanos) measured++;
            inFlight.started();
            client.send(request, intended).whenComplete((o, t) -> {
                try {
                    if (o != null) recorder.accept(o);
                } finally {
                    inFlight.finished();
                }
            });
        }
        return inFlight.awaitZero(plan.drainTimeout());
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
