package dev.crossover.benchmark;

import dev.crossover.api.v1alpha1.SecretKeyRef;
import dev.crossover.loadgen.plan.RunPlan;
import java.util.Optional;

/**
 * A BenchmarkRun target resolved to what a load pod needs: where to send, which model, and the
 * Secret holding its bearer key (mounted as an environment variable, never written in a plan).
 *
 * @param kind     Gateway, Platform, OpenAI, Bedrock or AgentCore (status and cost use it)
 * @param endpoint URL or model id, for status
 * @param target   the run plan's target section
 * @param apiKey   the key's Secret, or null
 * @param selfManaged whether its cost is node-hours (gateway, platform) rather than per token
 * @param platform    the platform a self-managed target runs on, for its cost
 * @param bedrockModelId the Bedrock model of a managed target, for its token prices
 */
public record ResolvedBenchmarkTarget(String name, String kind, String endpoint, RunPlan.Target target,
    SecretKeyRef apiKey, boolean selfManaged, Optional<BenchmarkCosts.PlatformFacts> platform, String bedrockModelId) {

  /** Environment variable of the load pod that holds the target's key. */
  public static final String API_KEY_ENV = "CROSSOVER_TARGET_API_KEY";
}
