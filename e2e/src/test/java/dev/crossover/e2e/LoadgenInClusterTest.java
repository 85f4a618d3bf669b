package dev.crossover.e2e;

import io.fabric8.kubernetes.api.model.ContainerBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodSpecBuilder;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.api.model.batch.v1.JobBuilder;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;
import static org.awaitility.Awaitility.await;

/**
 * What a BenchmarkRun does, by hand: the loadgen image (jre base + loadgen's jar) runs as a Job
 * against llm-d-inference-sim behind a Service and prints its result JSON.
 */
class LoadgenInClusterTest extends ClusterTestBase {

    private static final String MODEL = "crossover/sim-llama-8b";

    @Override
    protected String namespacePrefix() {
        return "e2e-loadgen";
    }

    @Test
    void loadgenJobMeasuresTheSimulator() {
        String image = Needs.image(cluster, "loadgen");
        Needs.simulatorImage(cluster);
        exposedPod("sim", new PodSpecBuilder()
                .withTerminationGracePeriodSeconds(1L)
                .withContainers(new ContainerBuilder().withName("sim").withImage(cluster.simulatorImage())
                        .withArgs("--model", MODEL, "--port", "8000", "--mode", "random",
                                "--time-to-first-token", "20ms", "--inter-token-latency", "2ms")
                        .build())
                .build(), 8000, 8000, "/health");

        Job job = new JobBuilder()
                .withNewMetadata().withName("loadgen").endMetadata()
                .withNewSpec().withBackoffLimit(0)
                .withNewTemplate().withNewSpec().withRestartPolicy("Never")
                .withContainers(new ContainerBuilder().withName("loadgen").withImage(image)
                        .withArgs("run", "-u", "http://sim:8000/v1", "-m", MODEL, "-c", "2", "-n", "20",
                                "--input-tokens", "50", "--output-tokens", "8", "--no-summary", "-o", "-")
                        .build())
                .endSpec().endTemplate().endSpec().build();
        client.batch().v1().jobs().inNamespace(ns).resource(job).create();
        await().atMost(TIMEOUT).until(() -> {
            var status = client.batch().v1().jobs().inNamespace(ns).withName("loadgen").get().getStatus();
            if (status != null && status.getFailed() != null && status.getFailed() > 0) {
                fail("loadgen Job failed: " + jobLogs());
            }
            return status != null && Integer.valueOf(1).equals(status.getSucceeded());
        });
        assertThat(jobLogs()).contains("schemaVersion");
    }

    private String jobLogs() {
        Pod pod = client.pods().inNamespace(ns).withLabel("job-name", "loadgen").list().getItems().get(0);
        return logs(pod.getMetadata().getName());
    }
}
