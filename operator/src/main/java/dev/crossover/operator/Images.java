package dev.crossover.operator;

import dev.crossover.gateway.GatewayNames;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Container images the operator deploys, pinned to the versions Crossover is built and tested
 * against. A spec can name its own; the operator-wide defaults can be changed with
 * crossover.images.vllm / .simulator / .endpoint-picker / .loadgen / .litellm / .bifrost (e.g. to
 * a mirror, or to locally built images on an air-gapped cluster).
 *
 * <p>{@code endpointPickerConfigApiVersion} goes with the endpoint-picker image: llm-d's picker
 * reads {@code EndpointPickerConfig} as {@code llm-d.ai/v1alpha1}, the Gateway API Inference
 * Extension's reference picker (which the local cluster runs) as
 * {@code inference.networking.x-k8s.io/v1alpha1}; the plugin types are the same
 * (crossover.endpoint-picker.config-api-version).
 */
public record Images(String vllm, String simulator, String endpointPicker, String loadgen,
    String litellm, String bifrost, String endpointPickerConfigApiVersion) {

  public static final String LLM_D_EPP_CONFIG = "llm-d.ai/v1alpha1";
  public static final String INFERENCE_EXTENSION_EPP_CONFIG = "inference.networking.x-k8s.io/v1alpha1";

  public static Images defaults() {
    return new Images(
        "vllm/vllm-openai:v0.11.0",
        // The simulator release the loadgen and e2e tests run (e2e/scripts/versions.sh SIM_VERSION).
        "ghcr.io/llm-d/llm-d-inference-sim:v0.10.2",
        "ghcr.io/llm-d/llm-d-router-endpoint-picker:v0.4.0",
        "ghcr.io/crossover-dev/crossover-loadgen:0.1.0",
        // The gateway versions the real-gateway tests run (e2e/scripts/versions.sh).
        "ghcr.io/berriai/litellm:main-v" + GatewayNames.LITELLM_VERSION,
        "maximhq/bifrost:" + GatewayNames.BIFROST_VERSION,
        LLM_D_EPP_CONFIG);
  }

  /** The defaults, overridden by configuration where it says so. */
  public static Images fromConfig() {
    Images d = defaults();
    Config config = ConfigProvider.getConfig();
    return new Images(
        config.getOptionalValue("crossover.images.vllm", String.class).orElse(d.vllm()),
        config.getOptionalValue("crossover.images.simulator", String.class).orElse(d.simulator()),
        config.getOptionalValue("crossover.images.endpoint-picker", String.class).orElse(d.endpointPicker()),
        config.getOptionalValue("crossover.images.loadgen", String.class).orElse(d.loadgen()),
        config.getOptionalValue("crossover.images.litellm", String.class).orElse(d.litellm()),
        config.getOptionalValue("crossover.images.bifrost", String.class).orElse(d.bifrost()),
        config.getOptionalValue("crossover.endpoint-picker.config-api-version", String.class)
            .orElse(d.endpointPickerConfigApiVersion()));
  }
}
