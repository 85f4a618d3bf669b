package dev.crossover.benchmark;

import dev.crossover.api.v1alpha1.BedrockTarget;
import dev.crossover.api.v1alpha1.BenchmarkRun;
import dev.crossover.api.v1alpha1.BenchmarkTarget;
import dev.crossover.api.v1alpha1.LevelResult;
import dev.crossover.aws.AwsFacts;
import dev.crossover.aws.BedrockFacts;
import java.util.Optional;

/**
 * How a Bedrock target of a run is billed, for its cost curve: the spec's pricing, its model units
 * (the spec's, else what Bedrock says of the provisioned or imported model when AWS facts are on),
 * and the prompt-cache share the level measured.
 */
final class BedrockBillings {
  private BedrockBillings() {}

  static Optional<BenchmarkCosts.BedrockBilling> of(BenchmarkRun run, String targetName, LevelResult basis) {
    Optional<BedrockTarget> bedrock = run.getSpec().getTargets().stream()
        .filter(t -> targetName.equals(t.getName())).findFirst().map(BenchmarkTarget::getBedrock);
    if (bedrock.isEmpty()) {
      return Optional.empty();
    }
    BedrockTarget b = bedrock.get();
    BedrockTarget.Pricing pricing = Optional.ofNullable(b.getPricing()).orElse(BedrockTarget.Pricing.OnDemand);
    String region = Optional.ofNullable(b.getRegion())
        .or(() -> Optional.ofNullable(run.getSpec().getAws()).map(a -> a.getRegion())).orElse("us-east-1");
    Optional<Integer> units = Optional.ofNullable(b.getModelUnits()).or(() -> unitsFromBedrock(pricing, region, b.getModelId()));
    // Cache writes come from the level's own figure; a level stored before it existed has none (0).
    return Optional.of(new BenchmarkCosts.BedrockBilling(pricing, units,
        Optional.ofNullable(basis.getCacheHitRate()).orElse(0.0),
        Optional.ofNullable(basis.getCacheWriteRate()).orElse(0.0)));
  }

  private static Optional<Integer> unitsFromBedrock(BedrockTarget.Pricing pricing, String region, String modelId) {
    AwsFacts aws = AwsFacts.shared();
    if (!aws.enabled()) {
      return Optional.empty();
    }
    BedrockFacts facts = aws.bedrock();
    return switch (pricing) {
      case ProvisionedThroughput -> facts.provisionedModel(region, modelId).known().map(m -> m.modelUnits());
      case CustomModelImport -> facts.importedModel(region, modelId).known().map(m -> m.customModelUnitsPerCopy());
      default -> Optional.empty();
    };
  }
}
