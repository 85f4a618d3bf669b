package dev.crossover.benchmark;

import dev.crossover.api.v1alpha1.BenchmarkTarget;
import dev.crossover.aws.AwsFacts;
import dev.crossover.aws.BedrockFacts;
import java.util.Optional;
import java.util.function.Supplier;
import org.jboss.logging.Logger;

/**
 * Asks the Bedrock control plane about a Bedrock target's model before any load runs: an id that
 * does not exist in the region, or a model that cannot stream, cannot work (a run's spec is
 * immutable), so the run fails with TargetsResolved=False and a reason and message naming the
 * model. While the answer is on its way the target waits. When the control plane cannot be asked (AWS off, access denied, throttled), the
 * target is not held up: the load Jobs use their own runtime permissions and report errors
 * themselves.
 */
final class BedrockTargetCheck {

  private static final Logger LOG = Logger.getLogger(BedrockTargetCheck.class);

  private final Supplier<AwsFacts> aws;

  BedrockTargetCheck(Supplier<AwsFacts> aws) {
    this.aws = aws;
  }

  /** Why the target must wait, or empty when it may run. */
  Optional<TargetResolver.Resolution> problem(BenchmarkTarget t, String region) {
    AwsFacts facts = aws.get();
    String modelId = t.getBedrock().getModelId();
    if (facts.enabled()) {
      facts.prices().watchBedrockModel(modelId);
    }
    return switch (facts.bedrock().check(region, modelId)) {
      case BedrockFacts.ModelCheck.Wrong wrong ->
          Optional.of(new TargetResolver.Resolution.Impossible(wrong.reason(), "target " + t.getName() + ": " + wrong.message()));
      case BedrockFacts.ModelCheck.Pending pending -> Optional.of(new TargetResolver.Resolution.Waiting(
          "BedrockModelCheckPending", "target " + t.getName() + ": waiting for " + pending.action() + " about " + modelId));
      case BedrockFacts.ModelCheck.Unchecked unchecked -> {
        if (facts.enabled()) {
          LOG.infof("target %s: model %s not checked: %s", t.getName(), modelId, unchecked.why());
        }
        yield Optional.empty();
      }
      case BedrockFacts.ModelCheck.Usable usable -> Optional.empty();
    };
  }
}
