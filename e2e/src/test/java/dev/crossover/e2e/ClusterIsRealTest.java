package dev.crossover.e2e;

import io.fabric8.kubernetes.api.model.ContainerBuilder;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.PodSpecBuilder;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServiceBuilder;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.api.model.batch.v1.JobBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;
import static org.awaitility.Awaitility.await;

/**
 * Proves the test cluster is a real one: pods run containers and their logs are readable, a
 * ClusterIP Service reaches a pod, cluster DNS resolves, a Job completes, a pod reaches the API
 * server through the {@code kubernetes} Service with its ServiceAccount token, and the node
 * advertises a GPU that a pod can request.
 */
class ClusterIsRealTest extends ClusterTestBase {

    @Override
    protected String namespacePrefix() {
        return "e2e-real";
    }

    @Test
    void podRunsAndItsLogsAreReadable() {
        Pod pod = runToCompletion("hello", "echo", "hello from crossover e2e");
        assertThat(pod.getStatus().getPhase()).isEqualTo("Succeeded");
        assertThat(logs("hello")).contains("hello from crossover e2e");
        assertThat(pod.getStatus().getPodIP()).as("pod IP from the CNI bridge").isNotBlank();
    }

    @Test
    void serviceClusterIpReachesThePod() {
        String ip = webService("web-ip").getSpec().getClusterIP();
        runToCompletion("get-by-ip", "get", "http://" + ip + "/");
        assertThat(logs("get-by-ip")).contains("hello from web-ip");
    }

    @Test
    void clusterDnsResolvesServiceNames() {
        Service svc = webService("web-dns");
        String fqdn = "web-dns." + ns + ".svc.cluster.local";
        runToCompletion("lookup", "lookup", fqdn);
        assertThat(logs("lookup")).contains(svc.getSpec().getClusterIP());
        runToCompletion("get-by-name", "get", "http://web-dns/");
        assertThat(logs("get-by-name")).contains("hello from web-dns");
    }

    @Test
    void jobCompletes() {
        Job job = new JobBuilder()
                .withNewMetadata().withName("job").endMetadata()
                .withNewSpec().withBackoffLimit(0).withCompletions(2).withParallelism(2)
                .withNewTemplate().withSpec(podSpec("Never", "echo", "job done")).endTemplate()
                .endSpec().build();
        client.batch().v1().jobs().inNamespace(ns).resource(job).create();
        await().atMost(TIMEOUT).until(() -> {
            var status = client.batch().v1().jobs().inNamespace(ns).withName("job").get().getStatus();
            if (status != null && status.getFailed() != null && status.getFailed() > 0) {
                fail("job failed: " + status);
            }
            return status != null && Integer.valueOf(2).equals(status.getSucceeded());
        });
        assertThat(client.batch().v1().jobs().inNamespace(ns).withName("job").get().getStatus().getConditions())
                .anySatisfy(c -> assertThat(c.getType() + "=" + c.getStatus()).isEqualTo("Complete=True"));
    }

    @Test
    void podReachesTheApiServerWithItsServiceAccountToken() {
        Pod pod = runToCompletion("whoami", "whoami");
        assertThat(pod.getStatus().getPhase()).as(logs("whoami")).isEqualTo("Succeeded");
        assertThat(logs("whoami"))
                .contains("SelfSubjectReview")
                .contains("system:serviceaccount:" + ns + ":default");
    }

    @Test
    void nodeAdvertisesAGpuThatAPodCanRequest() {
        Needs.that(cluster.gpuNodeName() != null, cluster.name() + " has no GPU node", null);
        Node node = client.nodes().withName(cluster.gpuNodeName()).get();
        assertThat(node.getMetadata().getLabels())
                .containsEntry("node.kubernetes.io/instance-type", "g5.2xlarge")
                .containsEntry("karpenter.sh/capacity-type", "on-demand");
        assertThat(node.getStatus().getAllocatable()).containsKey("nvidia.com/gpu");
        assertThat(node.getStatus().getAllocatable().get("nvidia.com/gpu").getNumericalAmount().intValue())
                .isGreaterThanOrEqualTo(1);

        PodSpec spec = podSpec("Never", "echo", "scheduled on a GPU node");
        spec.getContainers().get(0).setResources(new io.fabric8.kubernetes.api.model.ResourceRequirementsBuilder()
                .withLimits(Map.of("nvidia.com/gpu", new Quantity("1"))).build());
        spec.setNodeSelector(Map.of("node.kubernetes.io/instance-type", "g5.2xlarge"));
        Pod pod = runToCompletion("gpu", spec);
        assertThat(pod.getSpec().getNodeName()).isEqualTo(cluster.gpuNodeName());
        assertThat(pod.getStatus().getPhase()).isEqualTo("Succeeded");
    }
}
