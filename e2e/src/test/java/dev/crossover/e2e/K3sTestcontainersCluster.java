package dev.crossover.e2e;

import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.k3s.K3sContainer;
import org.testcontainers.utility.DockerImageName;
import org.testcontainers.utility.MountableFile;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * k3s in a container via Testcontainers, for machines with a Docker engine (none runs on the
 * project's own machines, so this path is compiled here but exercised only elsewhere).
 * <p>
 * The testbox image is imported from the tarball build-images.sh writes
 * ({@code $CROSSOVER_CACHE/images/testbox.tar}) with k3s's own {@code ctr}. The node gets the same
 * g5.2xlarge labels; {@code nvidia.com/gpu} capacity is patched into its status as on the local
 * cluster. TODO: not yet run against a Docker engine; pin K3S_IMAGE to the project's Kubernetes
 * minor when it is.
 */
public final class K3sTestcontainersCluster implements TestCluster {

    static final String K3S_IMAGE = System.getenv().getOrDefault("CROSSOVER_K3S_IMAGE", "rancher/k3s:v1.34.4-k3s1");
    static final String TESTBOX_IMAGE = System.getenv().getOrDefault("CROSSOVER_TESTBOX_IMAGE", "crossover.local/testbox:1");

    private final K3sContainer container;
    private final KubernetesClient client;

    private K3sTestcontainersCluster(K3sContainer container) {
        this.container = container;
        this.client = new KubernetesClientBuilder()
                .withConfig(Config.fromKubeconfig(container.getKubeConfigYaml())).build();
    }

    static boolean dockerAvailable() {
        try {
            return DockerClientFactory.instance().isDockerAvailable();
        } catch (RuntimeException | LinkageError e) {
            return false;
        }
    }

    static K3sTestcontainersCluster start() {
        K3sContainer k3s = new K3sContainer(DockerImageName.parse(K3S_IMAGE).asCompatibleSubstituteFor("rancher/k3s"));
        k3s.start();
        Path tar = Path.of(System.getenv().getOrDefault("CROSSOVER_CACHE",
                System.getProperty("user.home") + "/.cache/crossover"), "images", "testbox.tar");
        try {
            if (Files.isReadable(tar)) {
                k3s.copyFileToContainer(MountableFile.forHostPath(tar), "/tmp/testbox.tar");
                k3s.execInContainer("ctr", "-n", "k8s.io", "images", "import", "/tmp/testbox.tar");
            }
        } catch (Exception e) {
            k3s.stop();
            throw new IllegalStateException("importing " + tar + " into k3s", e);
        }
        return new K3sTestcontainersCluster(k3s);
    }

    @Override
    public String name() {
        return "k3s";
    }

    @Override
    public KubernetesClient client() {
        return client;
    }

    @Override
    public String testboxImage() {
        return TESTBOX_IMAGE;
    }

    @Override
    public String simulatorImage() {
        return null; // TODO: import sim.tar like testbox.tar
    }

    @Override
    public String gpuNodeName() {
        return null;
    }

    @Override
    public void close() {
        client.close();
        container.stop();
    }
}
