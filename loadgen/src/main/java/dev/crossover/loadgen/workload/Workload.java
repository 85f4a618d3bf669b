package dev.crossover.loadgen.workload;

/**
 * The request stream of a run, as sessions: a single-turn workload has one turn per session, an
 * agent workload several, each sent after the previous one ends (plus a simulated tool latency).
 * session(n) must depend only on the workload's seed and n, never on timing or threads, so the
 * same seed replays the same requests whatever the load model.
 */
@FunctionalInterface
public interface Workload {
    Session session(long sequence);
}
