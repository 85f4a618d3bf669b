package dev.crossover.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.crossover.api.v1alpha1.InferencePlatform;
import dev.crossover.operator.ChildWriter;
import dev.crossover.operator.Images;
import dev.crossover.platform.inference.InferencePool;
import dev.crossover.platform.karpenter.EC2NodeClass;
import dev.crossover.platform.karpenter.NodePool;
import dev.crossover.testing.Crds;
import dev.crossover.testing.InJvmOperators;
import dev.crossover.testing.LocalApiServer;
import dev.crossover.testing.UpstreamCrds;
import io.fabric8.kubernetes.api.model.Condition;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.ManagedFieldsEntry;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServiceAccount;
import io.fabric8.kubernetes.api.model.ServiceBuilder;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentStatusBuilder;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.HTTPRoute;
import io.fabric8.kubernetes.api.model.rbac.Role;
import io.fabric8.kubernetes.api.model.rbac.RoleBinding;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.javaoperatorsdk.operator.Operator;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Ownership, pruning and Ready of an InferencePlatform's children on a real kube-apiserver with
 * the upstream Karpenter, Gateway API and Inference Extension CRDs. No controllers run there:
 * where a test needs the Deployment controller's report, it writes the Deployment's status
 * through the status subresource itself.
 */
@ExtendWith(LocalApiServer.class)
class PlatformChildrenOnRealApiServerTest {

  private static final String NS = "children-it";
  private static final String GW_NS = "children-gw";
  private static Operator operator;

  @BeforeAll
  static void startOperator(KubernetesClient client) throws Exception {
    Crds.install(client);
    UpstreamCrds.install(client);
    for (String ns : List.of(NS, GW_NS, "team-a", "team")) {
      client.namespaces().resource(new NamespaceBuilder().withNewMetadata().withName(ns).endMetadata().build()).serverSideApply();
    }
    operator = InJvmOperators.on(client);
    operator.register(new InferencePlatformReconciler(), o -> o.settingNamespaces(NS, "team-a", "team"));
    operator.start();
  }

  @AfterAll
  static void stopOperator() {
    if (operator != null) {
      operator.stop();
    }
  }

  @Test
  void aServiceItDoesNotControlIsLeftUntouchedAndNamedInNotOwned(KubernetesClient client) {
    Service theirs = client.resource(new ServiceBuilder()
        .withNewMetadata().withName("taken-model").withNamespace(NS).addToLabels("team", "search").endMetadata()
        .withNewSpec().addNewPort().withName("web").withPort(1234).endPort().addToSelector("app", "search").endSpec()
        .build()).create();
    create(client, """
        apiVersion: crossover.dev/v1alpha1
        kind: InferencePlatform
        metadata: {name: taken, namespace: %s}
        spec:
          model: {name: crossover/sim-8B}
          engine: {type: Simulator}
          nodes: {provision: false}
        """.formatted(NS));

    await("NotOwned names the Service").atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
      Condition ready = condition(client, NS, "taken", "Ready");
      assertThat(ready.getStatus()).isEqualTo("False");
      assertThat(ready.getReason()).isEqualTo("NotOwned");
      assertThat(ready.getMessage()).contains("Service/taken-model").contains("no controller owner reference");
      assertThat(condition(client, NS, "taken", "ModelServerReady").getReason()).isEqualTo("NotOwned");
    });
    Service after = client.services().inNamespace(NS).withName("taken-model").get();
    assertThat(after.getMetadata().getResourceVersion()).as("not written at all")
        .isEqualTo(theirs.getMetadata().getResourceVersion());
    assertThat(after.getMetadata().getOwnerReferences()).isNullOrEmpty();
    assertThat(after.getMetadata().getManagedFields()).extracting(ManagedFieldsEntry::getManager)
        .doesNotContain(ChildWriter.FIELD_MANAGER);
    assertThat(client.apps().deployments().inNamespace(NS).withName("taken-model").get())
        .as("no Deployment behind a Service that routes elsewhere").isNull();

    // Once the name is free the platform creates and owns its Service.
    client.resource(after).delete();
    await("own Service created").atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
      Service ours = client.services().inNamespace(NS).withName("taken-model").get();
      assertThat(ours).isNotNull();
      assertThat(ours.getMetadata().getOwnerReferences()).singleElement().satisfies(o -> {
        assertThat(o.getUid()).isEqualTo(platform(client, NS, "taken").getMetadata().getUid());
        assertThat(o.getController()).isTrue();
      });
      assertThat(condition(client, NS, "taken", "ModelServerReady").getReason()).isNotEqualTo("NotOwned");
    });
  }

  @Test
  void routingBackToRoundRobinAndProvisionFalseDeleteWhatIsNoLongerNeededAndNothingElse(KubernetesClient client) {
    client.resource(gateway()).serverSideApply();
    InferencePlatform created = create(client, """
        apiVersion: crossover.dev/v1alpha1
        kind: InferencePlatform
        metadata: {name: prune, namespace: %s}
        spec:
          model: {name: hugging-quants/Meta-Llama-3.1-8B-Instruct-AWQ-INT4}
          nodes:
            nodeClass:
              ec2: {discoveryTag: my-cluster}
          routing:
            mode: PrefixCacheAware
            gatewayRef: {name: inference-gateway, namespace: %s}
        """.formatted(NS, GW_NS));
    String pool = new PlatformNames("prune", NS).clusterScoped();
    await("every child created").atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
      assertThat(client.resources(NodePool.class).withName(pool).get()).isNotNull();
      assertThat(client.resources(EC2NodeClass.class).withName(pool).get()).isNotNull();
      for (Class<? extends HasMetadata> type : pickerTypes()) {
        assertThat(get(client, type, type == InferencePool.class || type == HTTPRoute.class ? "prune" : "prune-epp"))
            .as(type.getSimpleName()).isNotNull();
      }
    });
    NodePool ownPool = client.resources(NodePool.class).withName(pool).get();
    assertThat(ownPool.getMetadata().getLabels()).containsEntry(ChildWriter.OWNER_UID_LABEL, created.getMetadata().getUid())
        .containsEntry(PlatformNames.PLATFORM_LABEL, "prune").containsEntry(PlatformNames.PLATFORM_NAMESPACE_LABEL, NS);

    // Decoys that pruning must not touch: a ConfigMap with the platform's labels but no owner
    // reference, and a NodePool labelled for a platform of the same name with another UID.
    ConfigMap decoyMap = client.resource(new ConfigMapBuilder().withMetadata(new ObjectMetaBuilder()
        .withName("prune-notes").withNamespace(NS).withLabels(new PlatformNames("prune", NS).ownerLabels()).build())
        .addToData("note", "mine").build()).create();
    NodePool decoyPool = NodePoolRenderer.nodePool(ResolvedPlatform.of(created, Images.defaults())).orElseThrow();
    decoyPool.getMetadata().setName("someone-elses-pool");
    Map<String, String> labels = new HashMap<>(decoyPool.getMetadata().getLabels());
    labels.put(ChildWriter.OWNER_UID_LABEL, "0000-another-uid");
    decoyPool.getMetadata().setLabels(labels);
    client.resource(decoyPool).create();

    client.resources(InferencePlatform.class).inNamespace(NS).withName("prune").edit(p -> {
      p.getSpec().setRouting(null);
      p.getSpec().getNodes().setProvision(false);
      p.getSpec().getNodes().setNodeClass(null);
      return p;
    });

    await("the picker, NodePool and EC2NodeClass are gone").atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
      assertThat(client.resources(NodePool.class).withName(pool).get()).isNull();
      assertThat(client.resources(EC2NodeClass.class).withName(pool).get()).isNull();
      for (Class<? extends HasMetadata> type : pickerTypes()) {
        assertThat(get(client, type, type == InferencePool.class || type == HTTPRoute.class ? "prune" : "prune-epp"))
            .as(type.getSimpleName()).isNull();
      }
      assertThat(condition(client, NS, "prune", "RouterReady").getReason()).isEqualTo("ServiceRouting");
      assertThat(condition(client, NS, "prune", "NodePoolReady").getReason()).isEqualTo("NotProvisioned");
    });
    assertThat(client.apps().deployments().inNamespace(NS).withName("prune-model").get()).as("still desired").isNotNull();
    assertThat(client.services().inNamespace(NS).withName("prune-model").get()).as("still desired").isNotNull();
    assertThat(client.configMaps().inNamespace(NS).withName("prune-notes").get().getMetadata().getUid())
        .isEqualTo(decoyMap.getMetadata().getUid());
    assertThat(client.resources(NodePool.class).withName("someone-elses-pool").get()).isNotNull();
    client.resources(NodePool.class).withName("someone-elses-pool").delete();
  }

  @Test
  void readyIsFalseUntilTheNewModelIsRolledOut(KubernetesClient client) {
    create(client, """
        apiVersion: crossover.dev/v1alpha1
        kind: InferencePlatform
        metadata: {name: rollout, namespace: %s}
        spec:
          model: {name: crossover/sim-8B}
          engine: {type: Simulator, replicas: 1}
          nodes: {provision: false}
        """.formatted(NS));
    await("Deployment").atMost(Duration.ofSeconds(30))
        .until(() -> client.apps().deployments().inNamespace(NS).withName("rollout-model").get() != null);
    deploymentStatus(client, "rollout-model", 1, 1, 1);
    await("Ready with the first model").atMost(Duration.ofSeconds(30)).untilAsserted(() ->
        assertThat(condition(client, NS, "rollout", "Ready").getStatus()).isEqualTo("True"));
    long firstGeneration = client.apps().deployments().inNamespace(NS).withName("rollout-model").get()
        .getMetadata().getGeneration();

    client.resources(InferencePlatform.class).inNamespace(NS).withName("rollout").edit(p -> {
      p.getSpec().getModel().setName("crossover/sim-70B");
      return p;
    });
    // The old pod still runs and is ready, but it serves the old model.
    await("Ready false while the new template is not observed").atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
      assertThat(client.apps().deployments().inNamespace(NS).withName("rollout-model").get().getMetadata().getGeneration())
          .isGreaterThan(firstGeneration);
      assertThat(condition(client, NS, "rollout", "Ready").getStatus()).isEqualTo("False");
      assertThat(condition(client, NS, "rollout", "ModelServerReady").getReason()).isEqualTo("RolloutInProgress");
    });
    // The Deployment controller surges: one new pod not ready yet, the old one still ready.
    deploymentStatus(client, "rollout-model", 2, 1, 1);
    await("Ready false while the old pod is the ready one").atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
      Condition server = condition(client, NS, "rollout", "ModelServerReady");
      assertThat(server.getReason()).isEqualTo("RolloutInProgress");
      assertThat(server.getMessage()).contains("1 of the previous still running");
      assertThat(condition(client, NS, "rollout", "Ready").getStatus()).isEqualTo("False");
    });
    // The new pod is ready and the old one gone.
    deploymentStatus(client, "rollout-model", 1, 1, 1);
    await("Ready again once rolled out").atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
      assertThat(condition(client, NS, "rollout", "Ready").getStatus()).isEqualTo("True");
      assertThat(platform(client, NS, "rollout").getStatus().getServedModel()).isEqualTo("crossover/sim-70B");
    });

    // Zero replicas: not Ready, one reason.
    client.resources(InferencePlatform.class).inNamespace(NS).withName("rollout").edit(p -> {
      p.getSpec().getEngine().setReplicas(0);
      return p;
    });
    await("scaled to zero").atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
      Condition ready = condition(client, NS, "rollout", "Ready");
      assertThat(ready.getStatus()).isEqualTo("False");
      assertThat(ready.getReason()).isEqualTo("ScaledToZero");
    });
  }

  @Test
  void clusterScopedChildrenOfLookAlikePlatformsDoNotCollide(KubernetesClient client) {
    String spec = """
        apiVersion: crossover.dev/v1alpha1
        kind: InferencePlatform
        metadata: {name: %s, namespace: %s}
        spec:
          model: {name: crossover/sim-8B}
          engine: {type: Simulator}
          nodes:
            nodeClass: {kind: KWOKNodeClass, name: default}
        """;
    InferencePlatform a = create(client, spec.formatted("llm", "team-a"));
    InferencePlatform b = create(client, spec.formatted("a-llm", "team"));
    String poolA = new PlatformNames("llm", "team-a").clusterScoped();
    String poolB = new PlatformNames("a-llm", "team").clusterScoped();
    assertThat(poolA).isNotEqualTo(poolB);
    await("one NodePool each").atMost(Duration.ofSeconds(30)).ignoreExceptions().untilAsserted(() -> {
      assertThat(client.resources(NodePool.class).withName(poolA).get().getMetadata().getLabels())
          .containsEntry(ChildWriter.OWNER_UID_LABEL, a.getMetadata().getUid())
          .containsEntry(PlatformNames.PLATFORM_NAMESPACE_LABEL, "team-a");
      assertThat(client.resources(NodePool.class).withName(poolB).get().getMetadata().getLabels())
          .containsEntry(ChildWriter.OWNER_UID_LABEL, b.getMetadata().getUid())
          .containsEntry(PlatformNames.PLATFORM_NAMESPACE_LABEL, "team");
      assertThat(client.apps().deployments().inNamespace("team-a").withName("llm-model").get().getSpec().getTemplate()
          .getSpec().getNodeSelector()).containsEntry(NodePoolRenderer.NODEPOOL_LABEL, poolA);
    });
    // Each platform's condition reports its own pool.
    await("no NotOwned between them").atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
      assertThat(condition(client, "team-a", "llm", "NodePoolReady").getReason()).isEqualTo("NodePoolNotReady");
      assertThat(condition(client, "team", "a-llm", "NodePoolReady").getReason()).isEqualTo("NodePoolNotReady");
    });

    // Deleting one platform removes its pool only (the finalizer's cleanup).
    client.resources(InferencePlatform.class).inNamespace("team-a").withName("llm").delete();
    await("only llm's pool removed").atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
      assertThat(client.resources(NodePool.class).withName(poolA).get()).isNull();
      assertThat(client.resources(InferencePlatform.class).inNamespace("team-a").withName("llm").get()).isNull();
    });
    assertThat(client.resources(NodePool.class).withName(poolB).get()).isNotNull();
    client.resources(InferencePlatform.class).inNamespace("team").withName("a-llm").delete();
  }

  private static List<Class<? extends HasMetadata>> pickerTypes() {
    return List.of(ServiceAccount.class, Role.class, RoleBinding.class, ConfigMap.class, Deployment.class, Service.class,
        InferencePool.class, HTTPRoute.class);
  }

  private static HasMetadata get(KubernetesClient client, Class<? extends HasMetadata> type, String name) {
    return client.resources(type).inNamespace(NS).withName(name).get();
  }

  private static InferencePlatform create(KubernetesClient client, String yaml) {
    return client.resource(Platforms.fromYaml(yaml)).create();
  }

  private static InferencePlatform platform(KubernetesClient client, String ns, String name) {
    return client.resources(InferencePlatform.class).inNamespace(ns).withName(name).get();
  }

  private static Condition condition(KubernetesClient client, String ns, String name, String type) {
    var status = platform(client, ns, name).getStatus();
    assertThat(status).as("status of %s", name).isNotNull();
    return status.condition(type).orElseThrow(() -> new AssertionError("no " + type + " condition on " + name));
  }

  /** What the Deployment controller would report: counts for the Deployment's current generation. */
  private static void deploymentStatus(KubernetesClient client, String name, int replicas, int updated, int ready) {
    Deployment d = client.apps().deployments().inNamespace(NS).withName(name).get();
    d.setStatus(new DeploymentStatusBuilder().withReplicas(replicas).withUpdatedReplicas(updated).withReadyReplicas(ready)
        .withAvailableReplicas(ready).withObservedGeneration(d.getMetadata().getGeneration()).build());
    client.resource(d).updateStatus();
  }

  private static GenericKubernetesResource gateway() {
    GenericKubernetesResource gw = new GenericKubernetesResource();
    gw.setApiVersion("gateway.networking.k8s.io/v1");
    gw.setKind("Gateway");
    gw.setMetadata(new ObjectMetaBuilder().withName("inference-gateway").withNamespace(GW_NS).build());
    gw.setAdditionalProperty("spec", Map.of("gatewayClassName", "test",
        "listeners", List.of(Map.of("name", "http", "port", 80, "protocol", "HTTP",
            "allowedRoutes", Map.of("namespaces", Map.of("from", "All"))))));
    return gw;
  }
}
