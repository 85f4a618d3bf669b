package dev.crossover.gateway;

import dev.crossover.api.v1alpha1.GatewayProfile;
import dev.crossover.api.v1alpha1.GatewayProfileStatus;
import dev.crossover.operator.Conditions;
import dev.crossover.operator.StatusPatch;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.api.reconciler.ControllerConfiguration;
import io.javaoperatorsdk.operator.api.reconciler.Reconciler;
import io.javaoperatorsdk.operator.api.reconciler.UpdateControl;

/**
 * Reconciles GatewayProfiles. Gateway rendering is not built yet, so this controller says so in
 * status instead of claiming readiness.
 */
@ControllerConfiguration(name = "gatewayprofile")
public class GatewayProfileReconciler implements Reconciler<GatewayProfile> {

  @Override
  public UpdateControl<GatewayProfile> reconcile(GatewayProfile profile, Context<GatewayProfile> context) {
    Long generation = profile.getMetadata().getGeneration();
    GatewayProfileStatus status = profile.getStatus() == null ? new GatewayProfileStatus() : profile.getStatus();
    status.setObservedGeneration(generation);
    status.setCondition(Conditions.READY, Conditions.UNKNOWN, "NotImplemented",
        "This operator version does not deploy gateways yet: no " + profile.getSpec().getType() + " gateway was created.",
        generation);
    return UpdateControl.patchStatus(StatusPatch.of(profile, status, GatewayProfile::new));
  }
}
