package dev.crossover.operator;

import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentCondition;
import io.fabric8.kubernetes.api.model.apps.DeploymentStatus;
import java.util.List;
import java.util.Optional;

/**
 * Whether a Deployment serves the current spec, derived the same way for every kind that runs
 * one (the model server and endpoint picker of an InferencePlatform, a GatewayProfile's gateway).
 *
 * <p>Ready means all of: the Deployment controller has observed the latest generation (otherwise
 * its replica counts describe an older template); every desired replica runs the current template
 * ({@code updatedReplicas}); no pod of an older template is left ({@code replicas ==
 * updatedReplicas} — during a rolling update {@code readyReplicas} counts the old pods too, so
 * without this a rollout of a new model reports the old model's pods as Ready); and
 * {@code readyReplicas} reaches the desired count.
 *
 * <p>Zero desired replicas is {@code Ready=False} with reason {@value #SCALED_TO_ZERO}
 * everywhere: nothing serves, so nothing that waits for Ready (a BenchmarkRun, {@code kubectl
 * wait}) may treat it as serving; the distinct reason lets tools show it as suspended rather
 * than broken (Argo CD's health checks do).
 */
public record WorkloadReadiness(boolean ready, String reason, String message, int readyReplicas) {

  public static final String SCALED_TO_ZERO = "ScaledToZero";
  public static final String AVAILABLE = "Available";
  public static final String NOT_CREATED = "NotCreated";
  public static final String ROLLOUT_IN_PROGRESS = "RolloutInProgress";
  public static final String ROLLOUT_STUCK = "RolloutStuck";
  public static final String REPLICAS_NOT_READY = "ReplicasNotReady";

  public String status() {
    return ready ? Conditions.TRUE : Conditions.FALSE;
  }

  /**
   * @param what   what the pods are, for the message ("model server replicas")
   * @param live   the Deployment as the API server has it (null: not there)
   * @param desired the replicas the spec asks for
   * @param waiting appended while replicas are not ready yet (why it may take long), may be empty
   */
  public static WorkloadReadiness of(String what, Deployment live, int desired, String waiting) {
    if (desired == 0) {
      return new WorkloadReadiness(false, SCALED_TO_ZERO, "0 " + what + " wanted (replicas is 0): nothing serves.", 0);
    }
    if (live == null) {
      return new WorkloadReadiness(false, NOT_CREATED, "0/" + desired + " " + what + " ready: the Deployment does not exist yet.", 0);
    }
    DeploymentStatus s = Optional.ofNullable(live.getStatus()).orElseGet(DeploymentStatus::new);
    int ready = orZero(s.getReadyReplicas());
    int updated = orZero(s.getUpdatedReplicas());
    int total = orZero(s.getReplicas());
    String counts = ready + "/" + desired + " " + what + " ready";
    Long generation = live.getMetadata().getGeneration();
    if (s.getObservedGeneration() == null || (generation != null && s.getObservedGeneration() < generation)) {
      return new WorkloadReadiness(false, ROLLOUT_IN_PROGRESS, counts + "; the Deployment controller has not yet "
          + "observed generation " + generation + " of " + live.getMetadata().getName() + ".", ready);
    }
    Optional<DeploymentCondition> stuck = Optional.ofNullable(s.getConditions()).orElse(List.of()).stream()
        .filter(c -> "Progressing".equals(c.getType()) && "False".equals(c.getStatus())).findFirst();
    if (stuck.isPresent()) {
      return new WorkloadReadiness(false, ROLLOUT_STUCK, counts + "; rollout of " + live.getMetadata().getName()
          + " stopped progressing: " + stuck.get().getReason() + " - " + stuck.get().getMessage(), ready);
    }
    if (updated < desired || total > updated) {
      return new WorkloadReadiness(false, ROLLOUT_IN_PROGRESS, counts + "; rollout in progress: " + updated + "/" + desired
          + " on the current template" + (total > updated ? ", " + (total - updated) + " of the previous still running" : "")
          + ".", ready);
    }
    if (ready < desired) {
      return new WorkloadReadiness(false, REPLICAS_NOT_READY, counts + (waiting.isEmpty() ? "." : " " + waiting), ready);
    }
    return new WorkloadReadiness(true, AVAILABLE, counts + ".", ready);
  }

  private static int orZero(Integer i) {
    return i == null ? 0 : i;
  }
}
