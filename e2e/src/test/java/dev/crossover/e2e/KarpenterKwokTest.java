package dev.crossover.e2e;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.ResourceRequirementsBuilder;
import io.fabric8.kubernetes.api.model.TolerationBuilder;
import io.fabric8.kubernetes.client.dsl.base.ResourceDefinitionContext;
import io.fabric8.kubernetes.client.utils.Serialization;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Karpenter with its KWOK cloud provider (e2e/scripts/karpenter-kwok-up.sh): a pending GPU pod
 * makes Karpenter launch a NodeClaim from a NodePool pinned to g5.2xlarge, KWOK turns it into a
 * Ready fake Node advertising nvidia.com/gpu, and the pod is bound to it and Running.
 * Skipped when Karpenter is not installed, unless CROSSOVER_E2E_KARPENTER=true.
 */
class KarpenterKwokTest extends ClusterTestBase {

    static final ResourceDefinitionContext NODE_POOL = new ResourceDefinitionContext.Builder()
            .withGroup("karpenter.sh").withVersion("v1").withKind("NodePool").withPlural("nodepools").withNamespaced(false).build();
    static final ResourceDefinitionContext NODE_CLAIM = new ResourceDefinitionContext.Builder()
            .withGroup("karpenter.sh").withVersion("v1").withKind("NodeClaim").withPlural("nodeclaims").withNamespaced(false).build();
    static final ResourceDefinitionContext KWOK_NODE_CLASS = new ResourceDefinitionContext.Builder()
            .withGroup("karpenter.kwok.sh").withVersion("v1alpha1").withKind("KWOKNodeClass").withPlural("kwoknodeclasses")
            .withNamespaced(false).build();

    private String pool;

    @Override
    protected String namespacePrefix() {
        return "e2e-karpenter";
    }

    @Test
    void pendingGpuPodMakesKarpenterLaunchAG5Node() {
        boolean installed = client.apiextensions().v1().customResourceDefinitions().withName("nodepools.karpenter.sh").get() != null;
        if (Boolean.parseBoolean(System.getenv("CROSSOVER_E2E_KARPENTER"))) {
            assertThat(installed).as("Karpenter CRDs (karpenter-kwok-up.sh)").isTrue();
        }
        // CROSSOVER_E2E_KARPENTER=false leaves Karpenter out on purpose: then, and only then, this skips.
        Assumptions.assumeTrue(installed, "Karpenter is not installed (e2e/scripts/karpenter-kwok-up.sh)");
        pool = ns + "-gpu";

        client.genericKubernetesResources(KWOK_NODE_CLASS).resource(resource(Map.of(
                "apiVersion", "karpenter.kwok.sh/v1alpha1", "kind", "KWOKNodeClass",
                "metadata", Map.of("name", pool)))).create();
        client.genericKubernetesResources(NODE_POOL).resource(resource(Map.of(
                "apiVersion", "karpenter.sh/v1", "kind", "NodePool",
                "metadata", Map.of("name", pool),
                "spec", Map.of(
                        "template", Map.of("spec", Map.of(
                                "requirements", List.of(
                                        Map.of("key", "node.kubernetes.io/instance-type", "operator", "In", "values", List.of("g5.2xlarge")),
                                        Map.of("key", "karpenter.sh/capacity-type", "operator", "In", "values", List.of("on-demand"))),
                                "taints", List.of(Map.of("key", "nvidia.com/gpu", "effect", "NoSchedule")),
                                "nodeClassRef", Map.of("group", "karpenter.kwok.sh", "kind", "KWOKNodeClass", "name", pool))),
                        "limits", Map.of("nvidia.com/gpu", "4"),
                        "disruption", Map.of("consolidationPolicy", "WhenEmpty", "consolidateAfter", "30s"))))).create();

        PodSpec spec = podSpec("Never", "sleep", "0");
        spec.getContainers().get(0).setResources(new ResourceRequirementsBuilder()
                .withLimits(Map.of("nvidia.com/gpu", new Quantity("1"))).build());
        spec.setNodeSelector(Map.of("karpenter.sh/nodepool", pool));
        spec.setTolerations(List.of(new TolerationBuilder().withKey("nvidia.com/gpu").withOperator("Exists")
                .withEffect("NoSchedule").build()));
        client.pods().inNamespace(ns).resource(new io.fabric8.kubernetes.api.model.PodBuilder()
                .withNewMetadata().withName("gpu-workload").endMetadata().withSpec(spec).build()).create();

        await().atMost(TIMEOUT).until(() -> {
            Pod p = client.pods().inNamespace(ns).withName("gpu-workload").get();
            return p.getSpec().getNodeName() != null && "Running".equals(p.getStatus().getPhase());
        });
        Pod pod = client.pods().inNamespace(ns).withName("gpu-workload").get();
        Node node = client.nodes().withName(pod.getSpec().getNodeName()).get();
        assertThat(node.getMetadata().getLabels())
                .containsEntry("node.kubernetes.io/instance-type", "g5.2xlarge")
                .containsEntry("karpenter.sh/nodepool", pool)
                .containsEntry("karpenter.sh/capacity-type", "on-demand");
        assertThat(node.getStatus().getAllocatable().get("nvidia.com/gpu")).isEqualTo(new Quantity("1"));
        assertThat(client.genericKubernetesResources(NODE_CLAIM).list().getItems())
                .anySatisfy(nc -> assertThat(nc.getMetadata().getLabels()).containsEntry("karpenter.sh/nodepool", pool));
    }

    @AfterAll
    void removePool() {
        if (pool == null) {
            return;
        }
        client.pods().inNamespace(ns).withName("gpu-workload").withGracePeriod(0).delete();
        client.genericKubernetesResources(NODE_POOL).withName(pool).delete();
        // Karpenter drains and deletes the pool's NodeClaims and Nodes before the class can go.
        await().atMost(TIMEOUT).until(() -> client.genericKubernetesResources(NODE_CLAIM).list().getItems().stream()
                .noneMatch(nc -> pool.equals(nc.getMetadata().getLabels().get("karpenter.sh/nodepool"))));
        client.genericKubernetesResources(KWOK_NODE_CLASS).withName(pool).delete();
    }

    private static GenericKubernetesResource resource(Map<String, Object> map) {
        return Serialization.unmarshal(Serialization.asJson(map), GenericKubernetesResource.class);
    }
}
