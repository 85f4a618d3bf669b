package dev.crossover.gateway;

import dev.crossover.api.v1alpha1.GatewayProfile;
import dev.crossover.api.v1alpha1.GatewayProfileStatus;
import dev.crossover.operator.Conditions;
import dev.crossover.operator.Images;
import dev.crossover.operator.StatusPatch;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.api.reconciler.ControllerConfiguration;
import io.javaoperatorsdk.operator.api.reconciler.MaxReconciliationInterval;
import io.javaoperatorsdk.operator.api.reconciler.Reconciler;
import io.javaoperatorsdk.operator.api.reconciler.UpdateControl;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * Reconciles GatewayProfiles: LiteLLM or Bifrost as a Deployment + Service + ConfigMap (config
 * hash on the pod template), generated key Secrets, all owned by the profile and server-side
 * applied; Native resolves to the platform's endpoint. Backends are re-resolved periodically so
 * the gateway follows a platform's endpoint (and, for Bifrost balance: Pods, its pods).
 */
@ControllerConfiguration(name = "gatewayprofile",
    maxReconciliationInterval = @MaxReconciliationInterval(interval = 5, timeUnit = TimeUnit.MINUTES))
public class GatewayProfileReconciler implements Reconciler<GatewayProfile> {

  static final Duration FOLLOW = Duration.ofSeconds(30);
  static final Duration NOT_READY = Duration.ofSeconds(10);

  private final Images images;

  public GatewayProfileReconciler() {
    this(Images.fromConfig());
  }

  public GatewayProfileReconciler(Images images) {
    this.images = images;
  }

  @Override
  public UpdateControl<GatewayProfile> reconcile(GatewayProfile profile, Context<GatewayProfile> context) {
    GatewayProfileStatus status;
    try {
      status = new GatewaySync(context.getClient(), images).sync(profile);
    } catch (KubernetesClientException e) {
      Long gen = profile.getMetadata().getGeneration();
      status = profile.getStatus() == null ? new GatewayProfileStatus() : profile.getStatus();
      status.setObservedGeneration(gen);
      // The API server's message names the object and the field; it never carries a key value.
      status.setCondition(Conditions.READY, false, "ApplyFailed", "Applying the gateway failed: " + (e.getStatus() != null ? e.getStatus().getMessage() : e.getMessage()), gen);
    }
    UpdateControl<GatewayProfile> control = UpdateControl.patchStatus(StatusPatch.of(profile, status, GatewayProfile::new));
    return control.rescheduleAfter(status.isTrue(Conditions.READY) ? FOLLOW : NOT_READY);
  }
}
