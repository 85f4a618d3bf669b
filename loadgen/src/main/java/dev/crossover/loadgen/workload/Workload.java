package dev.crossover.loadgen.workload;

import dev.crossover.loadgen.client.GenerationRequest;

/**
 * The request stream of a run. request(n) must depend only on the workload's seed and n, never on
 * timing or threads, so the same seed replays the same requests whatever the load model.
 */
@FunctionalInterface
public interface Workload {
    GenerationRequest request(long sequence);
}
