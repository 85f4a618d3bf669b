package dev.crossover.benchmark;

import dev.crossover.testing.Crds;
import dev.crossover.testing.InJvmOperators;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.ServiceAccountBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.javaoperatorsdk.operator.Operator;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.IOException;
import java.time.Clock;

/** What the BenchmarkRun tests on a real API server share: a namespace ready for load pods, and the reconciler in this JVM. */
final class BenchmarkRunsOnApiServer {

  private BenchmarkRunsOnApiServer() {}

  /** The CRDs, the namespace, and its default ServiceAccount (no controller-manager creates it; pod admission looks it up). */
  static void prepareNamespace(KubernetesClient client, String namespace) throws IOException {
    Crds.install(client);
    client.namespaces().resource(new NamespaceBuilder().withNewMetadata().withName(namespace).endMetadata().build())
        .serverSideApply();
    client.serviceAccounts().inNamespace(namespace).resource(new ServiceAccountBuilder().withNewMetadata()
        .withName("default").endMetadata().build()).serverSideApply();
  }

  /** The BenchmarkRun reconciler watching {@code namespace}, started; its gauges go to {@code registry}. */
  static Operator startOperator(KubernetesClient client, String namespace, MeterRegistry registry) {
    Operator operator = InJvmOperators.on(client);
    operator.register(new BenchmarkRunReconciler("loadgen:test", Clock.systemUTC(), new BenchmarkMetrics(registry)),
        o -> o.settingNamespaces(namespace));
    operator.start();
    return operator;
  }
}
