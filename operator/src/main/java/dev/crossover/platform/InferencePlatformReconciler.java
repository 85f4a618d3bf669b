package dev.crossover.platform;

import dev.crossover.api.v1alpha1.InferencePlatform;
import dev.crossover.api.v1alpha1.InferencePlatformStatus;
import dev.crossover.operator.Conditions;
import dev.crossover.operator.StatusPatch;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.api.reconciler.ControllerConfiguration;
import io.javaoperatorsdk.operator.api.reconciler.Reconciler;
import io.javaoperatorsdk.operator.api.reconciler.UpdateControl;

/**
 * Reconciles InferencePlatforms. Rendering of the NodePool, model server and router is not
 * built yet, so this controller says exactly that in status instead of claiming readiness.
 */
@ControllerConfiguration(name = "inferenceplatform")
public class InferencePlatformReconciler implements Reconciler<InferencePlatform> {

  @Override
  public UpdateControl<InferencePlatform> reconcile(InferencePlatform platform, Context<InferencePlatform> context) {
    Long generation = platform.getMetadata().getGeneration();
    InferencePlatformStatus status = platform.getStatus() == null ? new InferencePlatformStatus() : platform.getStatus();
    status.setObservedGeneration(generation);
    status.setCondition(Conditions.READY, Conditions.UNKNOWN, "NotImplemented",
        "This operator version does not provision InferencePlatforms yet: no NodePool, model server or router was created.",
        generation);
    return UpdateControl.patchStatus(StatusPatch.of(platform, status, InferencePlatform::new));
  }
}
