package dev.crossover.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.crossover.api.v1alpha1.BenchmarkRun;
import dev.crossover.api.v1alpha1.GatewayProfile;
import dev.crossover.api.v1alpha1.InferencePlatform;
import dev.crossover.crd.RepoPaths;
import dev.crossover.testing.Crds;
import dev.crossover.testing.LocalApiServer;
import dev.crossover.testing.OperatorProcess;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentStatusBuilder;
import io.fabric8.kubernetes.api.model.coordination.v1.Lease;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.CustomResource;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The packaged operator runs as the chart's ServiceAccount — the kube-apiserver authorizes each
 * request against the chart's ClusterRoles and Roles, applied for real (the client impersonates
 * system:serviceaccount:crossover-system:crossover) — and still takes its Lease, starts every
 * controller and reconciles the local samples from platform to gateways to load Jobs without one
 * "forbidden". A control run as a ServiceAccount without bindings proves the impersonation bites.
 */
@ExtendWith(LocalApiServer.class)
class ChartRbacOperatorProcessIT {

  static final String NS = "rbac-it";
  static final String SA_USER = "system:serviceaccount:" + Chart.NAMESPACE + ":crossover";

  @Test
  void operatorReconcilesWithExactlyTheChartsRights(LocalApiServer.Handle api) throws Exception {
    KubernetesClient admin = api.client();
    Crds.install(admin);
    for (String ns : List.of(Chart.NAMESPACE, NS)) {
      admin.namespaces().resource(new NamespaceBuilder().withNewMetadata().withName(ns).endMetadata().build()).serverSideApply();
    }
    String rendered = Chart.render(List.of());
    for (HasMetadata item : admin.load(new ByteArrayInputStream(rendered.getBytes(StandardCharsets.UTF_8))).items()) {
      if (!item.getKind().equals("Deployment")) {
        admin.resource(item).fieldManager("helm").forceConflicts().serverSideApply();
      }
    }

    try (OperatorProcess operator = OperatorProcess.start(api.kubeConfigYaml(), asServiceAccount(SA_USER))) {
      operator.awaitReady(Duration.ofSeconds(120));
      await("Lease held").atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
        Lease lease = admin.leases().inNamespace(Chart.NAMESPACE).withName("crossover-operator-leader").get();
        assertThat(lease).isNotNull();
        assertThat(lease.getSpec().getHolderIdentity()).isNotBlank();
      });
      try (var files = Files.list(RepoPaths.samples().resolve("local"))) {
        for (Path f : files.filter(p -> p.toString().endsWith(".yaml")).sorted().toList()) {
          try (InputStream in = Files.newInputStream(f)) {
            admin.load(in).items().forEach(item -> admin.resource(item).inNamespace(NS).create());
          }
        }
      }
      // No kubelet here: play the Deployment controller for the simulator and the gateways.
      await("model server applied").atMost(Duration.ofSeconds(60)).untilAsserted(() ->
          assertThat(admin.apps().deployments().inNamespace(NS).withName("sim-model").get()).isNotNull());
      markReady(admin, "sim-model");
      await("gateways applied").atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
        assertThat(admin.apps().deployments().inNamespace(NS).list().getItems()).hasSizeGreaterThanOrEqualTo(3);
        assertThat(admin.secrets().inNamespace(NS).list().getItems()).as("generated master keys").hasSizeGreaterThanOrEqualTo(2);
        assertThat(admin.configMaps().inNamespace(NS).list().getItems()).isNotEmpty();
      });
      for (Deployment d : admin.apps().deployments().inNamespace(NS).list().getItems()) {
        markReady(admin, d.getMetadata().getName());
      }
      await("load Jobs created").atMost(Duration.ofSeconds(90)).untilAsserted(() ->
          assertThat(admin.batch().v1().jobs().inNamespace(NS).list().getItems()).hasSizeGreaterThanOrEqualTo(2));

      for (Class<? extends CustomResource<?, ?>> type : List.of(InferencePlatform.class, GatewayProfile.class, BenchmarkRun.class)) {
        for (CustomResource<?, ?> r : admin.resources(type).inNamespace(NS).list().getItems()) {
          assertThat(r.getStatus()).as("%s %s has status", type.getSimpleName(), r.getMetadata().getName()).isNotNull();
          assertThat(admin.getKubernetesSerialization().asJson(r.getStatus()).toLowerCase())
              .as("%s %s status", type.getSimpleName(), r.getMetadata().getName()).doesNotContain("forbidden");
        }
      }
      assertThat(Files.readString(operator.log()).toLowerCase()).as("operator log").doesNotContain("forbidden");
      // Deleting a platform runs its finalizer (cleanup) as the ServiceAccount too.
      ItCleanup.deleteCrossoverResources(admin, NS);
      assertThat(Files.readString(operator.log()).toLowerCase()).as("operator log after cleanup").doesNotContain("forbidden");
    }
  }

  /** Control: the same operator as a ServiceAccount nothing is bound to never becomes ready. */
  @Test
  void withoutTheBindingsTheOperatorIsRefused(LocalApiServer.Handle api) throws Exception {
    Crds.install(api.client());
    try (OperatorProcess operator = OperatorProcess.start(api.kubeConfigYaml(),
        asServiceAccount("system:serviceaccount:" + Chart.NAMESPACE + ":nobody"))) {
      await("refused").atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofSeconds(1)).untilAsserted(() ->
          assertThat(Files.readString(operator.log())).contains("is forbidden: User \"system:serviceaccount:"
              + Chart.NAMESPACE + ":nobody\""));
      // It either gives up starting or stays unready; it never serves.
      boolean ready = false;
      try {
        ready = operator.process().isAlive() && operator.get("/q/health/ready").statusCode() == 200;
      } catch (java.io.IOException stopped) {
        // not listening: refused at start-up
      }
      assertThat(ready).isFalse();
    }
  }

  /** fabric8 reads impersonation from these variables on top of the kubeconfig. */
  static Map<String, String> asServiceAccount(String user) {
    return Map.of(
        "KUBERNETES_IMPERSONATE_USERNAME", user,
        "KUBERNETES_IMPERSONATE_GROUP", "system:serviceaccounts,system:serviceaccounts:" + Chart.NAMESPACE + ",system:authenticated",
        "CROSSOVER_LEADER_ELECTION_NAMESPACE", Chart.NAMESPACE);
  }

  private static void markReady(KubernetesClient client, String name) {
    Deployment d = client.apps().deployments().inNamespace(NS).withName(name).get();
    int replicas = d.getSpec().getReplicas() == null ? 1 : d.getSpec().getReplicas();
    d.setStatus(new DeploymentStatusBuilder().withReplicas(replicas).withReadyReplicas(replicas).withAvailableReplicas(replicas)
        .withUpdatedReplicas(replicas).withObservedGeneration(d.getMetadata().getGeneration()).build());
    client.resource(d).updateStatus();
  }
}
