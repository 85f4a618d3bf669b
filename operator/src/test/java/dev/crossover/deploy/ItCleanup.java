package dev.crossover.deploy;

import static org.awaitility.Awaitility.await;

import dev.crossover.api.v1alpha1.BenchmarkRun;
import dev.crossover.api.v1alpha1.GatewayProfile;
import dev.crossover.api.v1alpha1.InferencePlatform;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.time.Duration;
import java.util.List;

/**
 * The API server is shared by every test class of a run: an IT that ran an operator deletes its
 * custom resources while that operator still runs (it removes their finalizers), so the next
 * test's operator does not find them.
 */
final class ItCleanup {
  private ItCleanup() {}

  static void deleteCrossoverResources(KubernetesClient client, String namespace) {
    for (Class<? extends io.fabric8.kubernetes.client.CustomResource<?, ?>> type
        : List.of(BenchmarkRun.class, GatewayProfile.class, InferencePlatform.class)) {
      client.resources(type).inNamespace(namespace).delete();
    }
    await("custom resources in " + namespace + " gone").atMost(Duration.ofSeconds(30)).until(() ->
        client.resources(InferencePlatform.class).inNamespace(namespace).list().getItems().isEmpty()
            && client.resources(GatewayProfile.class).inNamespace(namespace).list().getItems().isEmpty()
            && client.resources(BenchmarkRun.class).inNamespace(namespace).list().getItems().isEmpty());
  }
}
