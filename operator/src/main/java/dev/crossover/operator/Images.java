package dev.crossover.operator;

import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Container images the operator deploys, pinned to the versions Crossover is built and tested
 * against. A spec can name its own; the operator-wide defaults can be changed with
 * crossover.images.vllm / .simulator / .endpoint-picker / .loadgen (e.g. to a mirror, or to
 * locally built images on an air-gapped cluster).
 */
public record Images(String vllm, String simulator, String endpointPicker, String loadgen) {

  public static Images defaults() {
    return new Images(
        "vllm/vllm-openai:v0.11.0",
        // The simulator release the loadgen and e2e tests run (e2e/scripts/versions.sh SIM_VERSION).
        "ghcr.io/llm-d/llm-d-inference-sim:v0.10.2",
        "ghcr.io/llm-d/llm-d-router-endpoint-picker:v0.4.0",
        "ghcr.io/crossover-dev/crossover-loadgen:0.1.0");
  }

  /** The defaults, overridden by configuration where it says so. */
  public static Images fromConfig() {
    Images d = defaults();
    Config config = ConfigProvider.getConfig();
    return new Images(
        config.getOptionalValue("crossover.images.vllm", String.class).orElse(d.vllm()),
        config.getOptionalValue("crossover.images.simulator", String.class).orElse(d.simulator()),
        config.getOptionalValue("crossover.images.endpoint-picker", String.class).orElse(d.endpointPicker()),
        config.getOptionalValue("crossover.images.loadgen", String.class).orElse(d.loadgen()));
  }
}
