package dev.crossover.cost;

import java.math.BigDecimal;

/**
 * CPU pods that self-managed serving needs besides the model servers (gateway, EPP), priced by
 * their resource requests. Seed 000 guesses ~$50/month for each; Crossover prices what is
 * requested instead.
 */
public record SupportPod(String name, int replicas, BigDecimal vcpu, BigDecimal memoryGiB) {
  public SupportPod {
    if (replicas < 0 || vcpu.signum() < 0 || memoryGiB.signum() < 0) {
      throw new IllegalArgumentException("Negative resources for pod " + name);
    }
  }
}
