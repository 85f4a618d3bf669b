package dev.crossover.e2e;

import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;

/**
 * The cluster {@code e2e/scripts/cluster-up.sh} brings up from upstream parts (etcd, kube-apiserver,
 * controller-manager, scheduler, kubelet, kube-proxy, CoreDNS; containerd/runc/CNI). The harness
 * does not start it: {@code e2e/scripts/run-e2e.sh} does, and always tears it down.
 * <p>
 * The kubeconfig comes from {@code CROSSOVER_KUBECONFIG}, else from the state dir
 * ({@code CROSSOVER_CLUSTER_DIR}, default {@code /var/lib/crossover-cluster}) when the cluster is up
 * there: cluster-up writes {@code cluster.env} (node and image names) last, cluster-down removes it.
 */
public final class LocalUpstreamCluster implements TestCluster {

    static final String DEFAULT_STATE_DIR = "/var/lib/crossover-cluster";

    private final Path kubeconfig;
    private final Map<String, String> env;
    private final KubernetesClient client;

    private LocalUpstreamCluster(Path kubeconfig, Map<String, String> env) {
        this.kubeconfig = kubeconfig;
        this.env = env;
        try {
            Config config = Config.fromKubeconfig(Files.readString(kubeconfig));
            this.client = new KubernetesClientBuilder().withConfig(config).build();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + kubeconfig, e);
        }
    }

    /** The running local cluster, if its kubeconfig exists. */
    static Optional<LocalUpstreamCluster> find() {
        Path stateDir = Path.of(getenv("CROSSOVER_CLUSTER_DIR", DEFAULT_STATE_DIR));
        String explicit = System.getenv("CROSSOVER_KUBECONFIG");
        Path kubeconfig = Path.of(explicit != null && !explicit.isBlank() ? explicit : stateDir.resolve("admin.kubeconfig").toString());
        // cluster.env is written last by cluster-up and removed by cluster-down: the cluster is up.
        boolean up = Files.isReadable(stateDir.resolve("cluster.env"));
        if (!Files.isReadable(kubeconfig) || (explicit == null && !up)) {
            return Optional.empty();
        }
        return Optional.of(new LocalUpstreamCluster(kubeconfig, readEnv(stateDir.resolve("cluster.env"))));
    }

    private static Map<String, String> readEnv(Path file) {
        Properties p = new Properties();
        if (Files.isReadable(file)) {
            try (var in = Files.newBufferedReader(file)) {
                p.load(in);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        @SuppressWarnings({"unchecked", "rawtypes"})
        Map<String, String> m = (Map) p;
        return Map.copyOf(m);
    }

    private static String getenv(String name, String dflt) {
        String v = System.getenv(name);
        return v == null || v.isBlank() ? dflt : v;
    }

    public Path kubeconfig() {
        return kubeconfig;
    }

    @Override
    public String name() {
        return "local-upstream";
    }

    @Override
    public KubernetesClient client() {
        return client;
    }

    @Override
    public String testboxImage() {
        return env.getOrDefault("CROSSOVER_TESTBOX_IMAGE", "crossover.local/testbox:1");
    }

    @Override
    public String simulatorImage() {
        return env.get("CROSSOVER_SIM_IMAGE");
    }

    @Override
    public String jreImage() {
        return env.get("CROSSOVER_JRE_IMAGE");
    }

    @Override
    public String optionalImage(String name) {
        return env.get("CROSSOVER_" + name.toUpperCase(java.util.Locale.ROOT).replace('-', '_') + "_IMAGE");
    }

    @Override
    public String gpuNodeName() {
        return env.getOrDefault("CROSSOVER_NODE_NAME", "crossover-node");
    }

    @Override
    public void close() {
        client.close();
    }
}
