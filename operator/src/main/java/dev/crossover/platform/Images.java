package dev.crossover.platform;

/**
 * Container images of what a platform runs, pinned to the versions Crossover is built against.
 * Each can be overridden per platform in the spec, or for the whole operator with the
 * properties crossover.images.* (see application.properties).
 */
public record Images(String vllm, String simulator, String endpointPicker) {

  public static Images defaults() {
    return new Images(
        "vllm/vllm-openai:v0.11.0",
        "ghcr.io/llm-d/llm-d-inference-sim:v0.6.1",
        "ghcr.io/llm-d/llm-d-router-endpoint-picker:v0.4.0");
  }
}
