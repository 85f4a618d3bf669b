package dev.crossover.platform;

import dev.crossover.api.v1alpha1.EngineSpec;
import dev.crossover.api.v1alpha1.InferencePlatform;
import dev.crossover.api.v1alpha1.InferencePlatformSpec;
import dev.crossover.api.v1alpha1.InferencePlatformStatus;
import dev.crossover.aws.InstanceTypeCatalog;
import dev.crossover.operator.Conditions;
import dev.crossover.operator.StatusPatch;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.api.reconciler.ControllerConfiguration;
import io.javaoperatorsdk.operator.api.reconciler.Reconciler;
import io.javaoperatorsdk.operator.api.reconciler.UpdateControl;
import java.util.Optional;

/**
 * Reconciles InferencePlatforms. It checks that the model fits the accelerator (a semantic
 * error becomes a condition, never a crash loop). Rendering of the NodePool, model server and
 * router is not built yet, so Ready never turns True and status says why.
 */
@ControllerConfiguration(name = "inferenceplatform")
public class InferencePlatformReconciler implements Reconciler<InferencePlatform> {

  static final String DEFAULT_INSTANCE_TYPE = "g5.2xlarge";
  private final ModelFit modelFit = new ModelFit(InstanceTypeCatalog.embedded());

  @Override
  public UpdateControl<InferencePlatform> reconcile(InferencePlatform platform, Context<InferencePlatform> context) {
    Long generation = platform.getMetadata().getGeneration();
    InferencePlatformStatus status = platform.getStatus() == null ? new InferencePlatformStatus() : platform.getStatus();
    status.setObservedGeneration(generation);

    ModelFit.Result fit = checkFit(platform.getSpec());
    switch (fit.verdict()) {
      case FITS -> status.setCondition(InferencePlatformStatus.MODEL_FITS, true, "Fits", fit.message(), generation);
      case DOES_NOT_FIT -> status.setCondition(InferencePlatformStatus.MODEL_FITS, false, "ModelDoesNotFit", fit.message(), generation);
      case UNKNOWN -> status.setCondition(InferencePlatformStatus.MODEL_FITS, Conditions.UNKNOWN, "FitNotChecked", fit.message(), generation);
    }
    if (fit.verdict() == ModelFit.Verdict.DOES_NOT_FIT) {
      status.setCondition(Conditions.READY, false, "ModelDoesNotFit", fit.message(), generation);
    } else {
      status.setCondition(Conditions.READY, Conditions.UNKNOWN, "NotImplemented",
          "This operator version does not provision InferencePlatforms yet: no NodePool, model server or router was created.",
          generation);
    }
    return UpdateControl.patchStatus(StatusPatch.of(platform, status, InferencePlatform::new));
  }

  private ModelFit.Result checkFit(InferencePlatformSpec spec) {
    Optional<EngineSpec> engine = Optional.ofNullable(spec.getEngine());
    if (engine.map(EngineSpec::getType).orElse(EngineSpec.Type.vLLM) == EngineSpec.Type.Simulator) {
      return new ModelFit.Result(ModelFit.Verdict.FITS, "The simulator holds no weights: nothing to fit.", 0, 0);
    }
    String instanceType = spec.getNodes() != null && spec.getNodes().getInstanceType() != null
        ? spec.getNodes().getInstanceType() : DEFAULT_INSTANCE_TYPE;
    int tp = engine.map(EngineSpec::getTensorParallelSize).orElse(1);
    double utilization = engine.map(EngineSpec::getGpuMemoryUtilization).orElse(0.9);
    return modelFit.check(spec.getModel(), instanceType, tp, utilization);
  }
}
