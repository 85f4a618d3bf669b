package dev.crossover.e2e;

import java.util.Optional;

/**
 * Picks the cluster for this test run, once per JVM.
 * <p>
 * {@code CROSSOVER_TEST_CLUSTER}: {@code local} (the cluster-up.sh cluster), {@code k3s}
 * (Testcontainers, needs Docker) or {@code auto} (default: local if its kubeconfig exists, else k3s
 * if a Docker engine answers). With {@code CROSSOVER_E2E_REQUIRED=true} (set by run-e2e.sh) a
 * missing cluster fails the tests instead of skipping them.
 */
public final class TestClusters {

    private static TestCluster current;

    private TestClusters() {
    }

    public static synchronized Optional<TestCluster> current() {
        if (current == null) {
            current = select();
            if (current != null) {
                Runtime.getRuntime().addShutdownHook(new Thread(current::close, "test-cluster-close"));
            }
        }
        return Optional.ofNullable(current);
    }

    public static boolean required() {
        return Boolean.parseBoolean(System.getenv("CROSSOVER_E2E_REQUIRED"));
    }

    private static TestCluster select() {
        String mode = Optional.ofNullable(System.getenv("CROSSOVER_TEST_CLUSTER")).orElse("auto");
        switch (mode) {
            case "local":
                return LocalUpstreamCluster.find().orElseThrow(() -> new IllegalStateException(
                        "CROSSOVER_TEST_CLUSTER=local but no kubeconfig: run e2e/scripts/cluster-up.sh"));
            case "k3s":
                return K3sTestcontainersCluster.start();
            case "auto":
                Optional<LocalUpstreamCluster> local = LocalUpstreamCluster.find();
                if (local.isPresent()) {
                    return local.get();
                }
                return K3sTestcontainersCluster.dockerAvailable() ? K3sTestcontainersCluster.start() : null;
            default:
                throw new IllegalArgumentException("CROSSOVER_TEST_CLUSTER must be local, k3s or auto, not " + mode);
        }
    }
}
