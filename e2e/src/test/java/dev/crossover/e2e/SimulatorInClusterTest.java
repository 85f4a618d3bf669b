package dev.crossover.e2e;

import io.fabric8.kubernetes.api.model.ContainerBuilder;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.PodSpecBuilder;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * llm-d-inference-sim, the GPU-less stand-in for vLLM that InferencePlatform's Simulator engine
 * runs, serves its OpenAI API and vllm:* metrics from a pod of the locally built image, reached
 * through a ClusterIP Service by name.
 */
class SimulatorInClusterTest extends ClusterTestBase {

    private static final String MODEL = "crossover/sim-llama-8b";

    @Override
    protected String namespacePrefix() {
        return "e2e-sim";
    }

    @Test
    void simulatorServesChatCompletionsAndVllmMetrics() {
        Needs.simulatorImage(cluster);
        PodSpec spec = new PodSpecBuilder()
                .withTerminationGracePeriodSeconds(1L)
                .withContainers(new ContainerBuilder()
                        .withName("sim")
                        .withImage(cluster.simulatorImage())
                        .withImagePullPolicy("IfNotPresent")
                        .withArgs("--model", MODEL, "--port", "8000", "--mode", "echo",
                                "--time-to-first-token", "20ms", "--inter-token-latency", "5ms")
                        .build())
                .build();
        exposedPod("sim", spec, 8000, 8000, "/health");

        runToCompletion("models", "get", "http://sim:8000/v1/models");
        assertThat(logs("models")).contains(MODEL);

        runToCompletion("chat", "post", "http://sim:8000/v1/chat/completions",
                "{\"model\":\"" + MODEL + "\",\"max_tokens\":16,"
                        + "\"messages\":[{\"role\":\"user\",\"content\":\"crossover says hello\"}]}");
        assertThat(logs("chat")).contains("chat.completion").contains("crossover says hello");

        runToCompletion("metrics", "get", "http://sim:8000/metrics");
        assertThat(logs("metrics")).contains("vllm:");
    }
}
