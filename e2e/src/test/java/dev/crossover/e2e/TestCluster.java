package dev.crossover.e2e;

import io.fabric8.kubernetes.client.KubernetesClient;

/**
 * A real Kubernetes cluster the e2e tests run against. Two implementations:
 * <ul>
 *   <li>{@link LocalUpstreamCluster}: the single-node cluster {@code e2e/scripts/cluster-up.sh} builds
 *       on this machine from upstream parts (no Docker needed); it advertises {@code nvidia.com/gpu}
 *       and g5.2xlarge labels;</li>
 *   <li>{@link K3sTestcontainersCluster}: k3s in a container, only where a Docker engine runs.</li>
 * </ul>
 * {@link TestClusters#current()} picks one.
 */
public interface TestCluster extends AutoCloseable {

    /** Short name for messages: "local-upstream", "k3s". */
    String name();

    KubernetesClient client();

    /** The image with the {@code testbox} binary (see e2e/scripts/images/testbox), present on every node. */
    String testboxImage();

    /** The llm-d-inference-sim image (build-images.sh), or null when the cluster does not have it. */
    String simulatorImage();

    /** The Java runtime base image (build-images.sh jre), or null when the cluster does not have it. */
    default String jreImage() {
        return null;
    }

    /** An optional image by short name ("litellm", ...), or null when the cluster does not have it. */
    default String optionalImage(String name) {
        return null;
    }

    /** Name of the node that pretends to be a GPU instance, or null when the cluster has none. */
    String gpuNodeName();

    /** Releases the client; a cluster the harness did not start itself is left running. */
    @Override
    void close();
}
