package dev.crossover.loadgen.load;

import dev.crossover.loadgen.client.StreamingClient;
import dev.crossover.loadgen.result.IntervalSeries;
import dev.crossover.loadgen.result.RunRecorder;
import dev.crossover.loadgen.result.RunResult;
import dev.crossover.loadgen.workload.Workload;

/** Runs one plan against one client and returns its result. */
public final class LoadRunner {
    /** Time to set up the schedule before its first instant, so the first request is not late by construction. */
    private static final long START_DELAY_NANOS = 20_000_000;
    public static final String FLAG_UNFINISHED = "REQUESTS_UNFINISHED_AT_DRAIN_TIMEOUT";

    private LoadRunner() {}

    /**
     * The nanoTime of the run's start: the plan's common start instant when it has one (every
     * shard of a level the same), else just ahead of now. A shard may start late by up to its
     * warm-up (at least 1 s): it loses warm-up requests only. Later than that, its measured
     * schedule would no longer line up with the other shards', and it refuses to run.
     */
    static long startNanos(LoadPlan plan) {
        long nowNanos = System.nanoTime();
        if (plan.startAtEpochMillis() <= 0) return nowNanos + START_DELAY_NANOS;
        long lateMillis = System.currentTimeMillis() - plan.startAtEpochMillis();
        long toleranceMillis = Math.max(1_000, plan.warmup().toMillis());
        if (lateMillis > toleranceMillis) {
            throw new LateStartException("this shard started " + lateMillis + " ms after its level's common start ("
                    + java.time.Instant.ofEpochMilli(plan.startAtEpochMillis()) + "), more than the " + toleranceMillis
                    + " ms its warm-up allows: its schedule would not line up with the other shards'");
        }
        return nowNanos - lateMillis * 1_000_000L;
    }

    public static RunResult run(String label, LoadPlan plan, StreamingClient client, Workload workload, Shard shard)
            throws InterruptedException {
        return run(label, plan, client, workload, shard, null);
    }

    /** @param recorderHook optional access to the recorder before the run starts (listeners) */
    public static RunResult run(String label, LoadPlan plan, StreamingClient client, Workload workload, Shard shard,
                                java.util.function.Consumer<RunRecorder> recorderHook) throws InterruptedException {
        return run(label, plan, client, workload, shard, recorderHook, null, null);
    }

    /**
     * @param progress       where to log a progress line every {@code progressEvery}; null for none
     *                       (long runs in a Job: the log shows the run is alive and how it goes)
     */
    public static RunResult run(String label, LoadPlan plan, StreamingClient client, Workload workload, Shard shard,
                                java.util.function.Consumer<RunRecorder> recorderHook,
                                java.util.function.Consumer<String> progress, java.time.Duration progressEvery)
            throws InterruptedException {
        LoadPlan local = shard.apply(plan);
        long start = startNanos(local);
        long runMillis = local.warmup().plus(local.stagesDuration()).toMillis();
        RunRecorder recorder = new RunRecorder(start + local.warmup().toNanos(), System.nanoTime(),
                System.currentTimeMillis(), IntervalSeries.intervalFor(runMillis));
        if (recorderHook != null) recorderHook.accept(recorder);
        var reporter = progress == null ? null : java.util.concurrent.Executors.newSingleThreadScheduledExecutor(
                new dev.crossover.loadgen.client.DaemonThreads("loadgen-progress"));
        if (reporter != null) {
            long every = progressEvery.toMillis();
            reporter.scheduleAtFixedRate(() -> progress.accept(label + ": " + recorder.progressLine()), every, every,
                    java.util.concurrent.TimeUnit.MILLISECONDS);
        }
        // Each turn learns its conversation (the session's sequence): AgentCore keeps a conversation in
        // one runtime session. The sequence is global across shards, so no two pods share one.
        Workload placed = sequence -> workload.session(sequence).inConversation(sequence);
        boolean drained;
        try {
            drained = local.model().openLoop()
                    ? new OpenLoopDriver(local, client, placed, shard, recorder, start).run()
                    : new ClosedLoopDriver(local, client, placed, shard, recorder, start).run();
        } finally {
            if (reporter != null) reporter.shutdownNow();
        }
        // Requests still out after the drain timeout count as timeouts, at this instant.
        if (!drained) recorder.closeUnfinished(System.nanoTime());
        RunResult result = recorder.result(label);
        return drained ? result : result.withFlag(FLAG_UNFINISHED);
    }
}
