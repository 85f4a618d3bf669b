package dev.crossover.benchmark;

import dev.crossover.api.v1alpha1.BenchmarkRun;
import dev.crossover.api.v1alpha1.BenchmarkRunStatus;
import dev.crossover.operator.Conditions;
import dev.crossover.operator.StatusPatch;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.api.reconciler.ControllerConfiguration;
import io.javaoperatorsdk.operator.api.reconciler.Reconciler;
import io.javaoperatorsdk.operator.api.reconciler.UpdateControl;

/**
 * Reconciles BenchmarkRuns. Load Jobs are not launched yet, so a run stays Pending and status
 * says why, instead of reporting results it does not have.
 */
@ControllerConfiguration(name = "benchmarkrun")
public class BenchmarkRunReconciler implements Reconciler<BenchmarkRun> {

  @Override
  public UpdateControl<BenchmarkRun> reconcile(BenchmarkRun run, Context<BenchmarkRun> context) {
    Long generation = run.getMetadata().getGeneration();
    BenchmarkRunStatus status = run.getStatus() == null ? new BenchmarkRunStatus() : run.getStatus();
    status.setObservedGeneration(generation);
    status.setPhase(BenchmarkRunStatus.Phase.Pending);
    status.setCondition(Conditions.READY, Conditions.UNKNOWN, "NotImplemented",
        "This operator version does not run load Jobs yet: nothing was measured.", generation);
    return UpdateControl.patchStatus(StatusPatch.of(run, status, BenchmarkRun::new));
  }
}
