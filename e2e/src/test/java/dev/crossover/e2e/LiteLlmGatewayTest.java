package dev.crossover.e2e;

import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.ContainerBuilder;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.PodSpecBuilder;
import io.fabric8.kubernetes.api.model.VolumeBuilder;
import io.fabric8.kubernetes.api.model.VolumeMountBuilder;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Configuration A's gateway hop on real parts: the LiteLLM proxy (image built from PyPI by
 * build-images.sh litellm) routes an OpenAI chat completion to llm-d-inference-sim through
 * Services, as InferencePlatform + GatewayProfile LiteLLM will.
 */
class LiteLlmGatewayTest extends ClusterTestBase {

    private static final String MODEL = "crossover/sim-llama-8b";

    @Override
    protected String namespacePrefix() {
        return "e2e-litellm";
    }

    @Test
    void liteLlmRoutesChatCompletionsToTheSimulator() {
        String image = Needs.image(cluster, "litellm");
        Needs.simulatorImage(cluster);

        exposedPod("sim", new PodSpecBuilder()
                .withTerminationGracePeriodSeconds(1L)
                .withContainers(new ContainerBuilder().withName("sim").withImage(cluster.simulatorImage())
                        .withArgs("--model", MODEL, "--port", "8000", "--mode", "echo").build())
                .build(), 8000, 8000, "/health");

        client.configMaps().inNamespace(ns).resource(new ConfigMapBuilder()
                .withNewMetadata().withName("litellm").endMetadata()
                .withData(Map.of("config.yaml", """
                        model_list:
                          - model_name: sim-llama-8b
                            litellm_params:
                              model: hosted_vllm/%s
                              api_base: http://sim:8000/v1
                              api_key: none
                        litellm_settings:
                          telemetry: false
                        """.formatted(MODEL)))
                .build()).create();
        PodSpec gateway = new PodSpecBuilder()
                .withTerminationGracePeriodSeconds(1L)
                .withContainers(new ContainerBuilder().withName("litellm").withImage(image)
                        .withArgs("--config", "/etc/litellm/config.yaml", "--host", "0.0.0.0", "--port", "4000")
                        .withVolumeMounts(new VolumeMountBuilder().withName("config").withMountPath("/etc/litellm").build())
                        .build())
                .withVolumes(new VolumeBuilder().withName("config").withNewConfigMap().withName("litellm").endConfigMap().build())
                .build();
        exposedPod("litellm", gateway, 4000, 4000, "/health/liveliness");

        runToCompletion("chat", "post", "http://litellm:4000/v1/chat/completions",
                "{\"model\":\"sim-llama-8b\",\"max_tokens\":16,"
                        + "\"messages\":[{\"role\":\"user\",\"content\":\"through the gateway\"}]}");
        assertThat(logs("chat")).contains("chat.completion").contains("through the gateway");
    }
}
