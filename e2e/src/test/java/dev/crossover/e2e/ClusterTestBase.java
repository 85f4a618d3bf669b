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
import org.junit.jupiter.api.Assumptions;
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
 * What every cluster test needs: the cluster ({@link TestClusters#current()}), a namespace of its
 * own (deleted afterwards), and pods of the testbox image run to completion.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class ClusterTestBase {

    protected static final Duration TIMEOUT = Duration.ofMinutes(2);
    private static final Set<String> DONE = Set.of("Succeeded", "Failed");

    protected TestCluster cluster;
    protected KubernetesClient client;
    protected String ns;

    @BeforeAll
    void setUp() {
        var found = TestClusters.current();
        if (found.isEmpty()) {
            if (TestClusters.required()) {
                fail("no test cluster: run e2e/scripts/cluster-up.sh or set CROSSOVER_KUBECONFIG");
            }
            Assumptions.abort("no test cluster (run e2e/scripts/run-e2e.sh)");
        }
        cluster = found.get();
        client = cluster.client();
        ns = namespacePrefix() + "-" + Long.toString(System.nanoTime() % 1_000_000, 36);
        Namespace namespace = new NamespaceBuilder().withNewMetadata().withName(ns).endMetadata().build();
        client.namespaces().resource(namespace).create();
        // The ServiceAccount controller creates "default" asynchronously; pods need it.
        await().atMost(TIMEOUT).until(() -> client.serviceAccounts().inNamespace(ns).withName("default").get() != null);
    }

    @AfterAll
    void tearDown() {
        if (client != null && ns != null) {
            client.namespaces().withName(ns).delete();
        }
    }

    /** Prefix of the test namespace. */
    protected abstract String namespacePrefix();

    // ------------------------------------------------------------------ helpers

    protected PodSpec podSpec(String restartPolicy, String... args) {
        return imagePodSpec(cluster.testboxImage(), restartPolicy, args);
    }

    protected PodSpec imagePodSpec(String image, String restartPolicy, String... args) {
        return new PodSpecBuilder()
                .withRestartPolicy(restartPolicy)
                .withTerminationGracePeriodSeconds(1L)
                .withContainers(new ContainerBuilder()
                        .withName("main")
                        .withImage(image)
                        .withImagePullPolicy("IfNotPresent")
                        .withArgs(args)
                        .build())
                .build();
    }

    protected Pod runToCompletion(String name, String... args) {
        return runToCompletion(name, podSpec("Never", args));
    }

    protected Pod runToCompletion(String name, PodSpec spec) {
        Pod done = runUntilDone(name, spec);
        assertThat(done.getStatus().getPhase())
                .as("pod %s: %s; logs: %s", name, done.getStatus(), logs(name))
                .isEqualTo("Succeeded");
        return done;
    }

    /** Runs a pod that must fail (e.g. a request a server must refuse); testbox retries are off. */
    protected Pod runToCompletionExpectingFailure(String name, PodSpec spec) {
        spec.getContainers().get(0).getEnv().add(new io.fabric8.kubernetes.api.model.EnvVar("TESTBOX_RETRY_SECONDS", "0", null));
        Pod done = runUntilDone(name, spec);
        assertThat(done.getStatus().getPhase()).as("pod %s must fail; logs: %s", name, logs(name)).isEqualTo("Failed");
        return done;
    }

    private Pod runUntilDone(String name, PodSpec spec) {
        Pod pod = new PodBuilder().withNewMetadata().withName(name).endMetadata().withSpec(spec).build();
        client.pods().inNamespace(ns).resource(pod).create();
        await().atMost(TIMEOUT).pollInterval(Duration.ofMillis(500)).until(() -> {
            Pod p = client.pods().inNamespace(ns).withName(name).get();
            return p != null && p.getStatus() != null && DONE.contains(p.getStatus().getPhase());
        });
        return client.pods().inNamespace(ns).withName(name).get();
    }

    protected String logs(String pod) {
        return client.pods().inNamespace(ns).withName(pod).getLog();
    }

    /** A pod serving "hello from NAME" on 8080 behind a ClusterIP Service NAME on port 80, ready. */
    protected Service webService(String name) {
        PodSpec spec = podSpec("Always", "serve", "8080");
        spec.setHostname(name);
        return exposedPod(name, spec, 8080, 80, "/healthz");
    }

    /**
     * Creates a pod NAME from SPEC (its first container serving HTTP on containerPort, ready when
     * readinessPath answers) and a ClusterIP Service NAME on servicePort; returns once the Service
     * has a ready endpoint.
     */
    protected Service exposedPod(String name, PodSpec spec, int containerPort, int servicePort, String readinessPath) {
        Map<String, String> labels = Map.of("app", name);
        spec.getContainers().get(0).setReadinessProbe(new io.fabric8.kubernetes.api.model.ProbeBuilder()
                .withNewHttpGet().withPath(readinessPath).withPort(new IntOrString(containerPort)).endHttpGet()
                .withPeriodSeconds(1).build());
        Pod pod = new PodBuilder()
                .withNewMetadata().withName(name).withLabels(labels).endMetadata()
                .withSpec(spec)
                .build();
        client.pods().inNamespace(ns).resource(pod).create();
        Service svc = client.services().inNamespace(ns).resource(new ServiceBuilder()
                .withNewMetadata().withName(name).endMetadata()
                .withNewSpec().withSelector(labels).withType("ClusterIP")
                .addNewPort().withPort(servicePort).withTargetPort(new IntOrString(containerPort)).endPort()
                .endSpec().build()).create();
        await().atMost(TIMEOUT).until(() -> {
            var slices = client.discovery().v1().endpointSlices().inNamespace(ns)
                    .withLabel("kubernetes.io/service-name", name).list().getItems();
            return slices.stream().flatMap(sl -> sl.getEndpoints() == null ? java.util.stream.Stream.empty() : sl.getEndpoints().stream())
                    .anyMatch(e -> e.getConditions() != null && Boolean.TRUE.equals(e.getConditions().getReady()));
        });
        assertThat(svc.getSpec().getClusterIP()).isNotBlank();
        return svc;
    }
}
