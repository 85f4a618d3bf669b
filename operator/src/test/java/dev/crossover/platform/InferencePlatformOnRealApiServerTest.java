package dev.crossover.platform;

import dev.crossover.operator.Images;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.crossover.api.v1alpha1.InferencePlatform;
import dev.crossover.platform.inference.InferencePool;
import dev.crossover.platform.karpenter.EC2NodeClass;
import dev.crossover.platform.karpenter.NodePool;
import dev.crossover.testing.InJvmOperators;
import dev.crossover.testing.Crds;
import dev.crossover.testing.LocalApiServer;
import dev.crossover.testing.UpstreamCrds;
import io.fabric8.kubernetes.api.model.Condition;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentStatusBuilder;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.HTTPRoute;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.javaoperatorsdk.operator.Operator;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The InferencePlatform reconciler on a real kube-apiserver with the real upstream CRDs of
 * Karpenter, its AWS provider, the Gateway API and the Inference Extension installed. Nothing
 * runs pods here (no kubelet, no controllers), so where a test needs "the Deployment became
 * ready" it writes that status itself, as the Deployment controller would.
 */
@ExtendWith(LocalApiServer.class)
class InferencePlatformOnRealApiServerTest {

  private static final String NS = "platform-it";
  private static final String NS_ERRORS = "platform-it-errors";
  private static Operator operator;

  @BeforeAll
  static void startOperator(KubernetesClient client) throws Exception {
    Crds.install(client);
    UpstreamCrds.install(client);
    for (String ns : List.of(NS, NS_ERRORS, "gw")) {
      client.namespaces().resource(new NamespaceBuilder().withNewMetadata().withName(ns).endMetadata().build()).serverSideApply();
    }
    operator = InJvmOperators.on(client);
    operator.register(new InferencePlatformReconciler(), o -> o.settingNamespaces(NS, NS_ERRORS));
    operator.start();
  }

  @AfterAll
  static void stopOperator() {
    if (operator != null) {
      operator.stop();
    }
  }

  @Test
  void everyRenderedObjectPassesTheUpstreamCrdsValidation(KubernetesClient client) {
    List<HasMetadata> rendered = new ArrayList<>();
    for (String yaml : List.of(Platforms.LLAMA_8B, PREFIX_AWARE, KWOK)) {
      InferencePlatform platform = Platforms.fromYaml(yaml);
      platform.getMetadata().setNamespace(NS);
      ResolvedPlatform p = ResolvedPlatform.of(platform, Images.defaults());
      NodePoolRenderer.nodePool(p).ifPresent(rendered::add);
      NodePoolRenderer.ec2NodeClass(p, "my-cluster").ifPresent(rendered::add);
      rendered.add(ModelServerRenderer.deployment(p));
      rendered.add(ModelServerRenderer.service(p));
      rendered.addAll(EndpointPickerRenderer.all(p));
    }
    assertThat(rendered).extracting(HasMetadata::getKind)
        .contains("NodePool", "EC2NodeClass", "InferencePool", "HTTPRoute", "Deployment", "Service", "ConfigMap", "Role");
    for (HasMetadata object : rendered) {
      // Server-side dry run: full admission (schema, CEL rules, defaulting), nothing stored.
      HasMetadata admitted = client.resource(object).dryRun().create();
      assertThat(admitted.getMetadata().getName()).as("%s admitted", object.getKind()).isEqualTo(object.getMetadata().getName());
    }
  }

  @Test
  void childrenAreCreatedKeptInSyncReportedAndCleanedUp(KubernetesClient client) {
    client.secrets().inNamespace(NS).resource(new SecretBuilder().withNewMetadata().withName("hf-token").endMetadata()
        .withStringData(Map.of("token", "hf_test")).build()).serverSideApply();
    client.resource(gateway()).inNamespace("gw").serverSideApply();
    InferencePlatform platform = Platforms.fromYaml(PREFIX_AWARE);
    platform.getMetadata().setNamespace(NS);
    platform.getMetadata().setUid(null);
    client.resource(platform).create();

    String poolName = new PlatformNames("llmd", NS).clusterScoped();
    await("children created").atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
      assertThat(client.resources(NodePool.class).withName(poolName).get()).isNotNull();
      assertThat(client.resources(EC2NodeClass.class).withName(poolName).get()).isNotNull();
      assertThat(client.apps().deployments().inNamespace(NS).withName("llmd-model").get()).isNotNull();
      assertThat(client.services().inNamespace(NS).withName("llmd-model").get()).isNotNull();
      assertThat(client.apps().deployments().inNamespace(NS).withName("llmd-epp").get()).isNotNull();
      assertThat(client.resources(InferencePool.class).inNamespace(NS).withName("llmd").get()).isNotNull();
      assertThat(client.resources(HTTPRoute.class).inNamespace(NS).withName("llmd").get()).isNotNull();
    });
    assertThat(client.resources(InferencePlatform.class).inNamespace(NS).withName("llmd").get().getMetadata().getFinalizers())
        .as("finalizer for the cluster-scoped children").isNotEmpty();

    // Nothing is ready yet, and status says which part and why.
    await("not ready, for the right reason").atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
      var status = platform(client, NS, "llmd").getStatus();
      assertThat(status.getObservedGeneration()).isEqualTo(1L);
      assertThat(condition(client, NS, "llmd", "Ready").getStatus()).isEqualTo("False");
      assertThat(condition(client, NS, "llmd", "NodePoolReady").getReason()).isEqualTo("NodePoolNotReady");
      assertThat(condition(client, NS, "llmd", "ModelServerReady").getMessage()).startsWith("0/2");
      assertThat(condition(client, NS, "llmd", "RouterReady").getReason()).isEqualTo("EndpointPickerNotReady");
    });

    // Reality changes: Karpenter reports the NodePool ready, the pods come up, the Gateway gets an address.
    NodePool pool = client.resources(NodePool.class).withName(poolName).get();
    pool.setStatus(new dev.crossover.platform.karpenter.KarpenterStatus());
    pool.getStatus().setConditions(List.of(readyCondition()));
    client.resource(pool).updateStatus();
    markReady(client, "llmd-model", 2);
    markReady(client, "llmd-epp", 1);
    GenericKubernetesResource gw = client.genericKubernetesResources("gateway.networking.k8s.io/v1", "Gateway")
        .inNamespace("gw").withName("inference-gateway").get();
    gw.setAdditionalProperty("status", Map.of("addresses", List.of(Map.of("type", "IPAddress", "value", "10.96.0.50"))));
    client.resource(gw).updateStatus();

    await("Ready follows reality").atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
      var status = platform(client, NS, "llmd").getStatus();
      assertThat(condition(client, NS, "llmd", "Ready").getStatus()).isEqualTo("True");
      assertThat(status.getEndpoint()).isEqualTo("http://10.96.0.50/v1");
      assertThat(status.getReadyReplicas()).isEqualTo(2);
      assertThat(status.getFirstReadyTime()).isNotNull();
      assertThat(status.getColdStartSeconds()).isNotNull().isNotNegative();
    });

    // Hand edits are undone and hand deletions restored, within 10 s.
    client.apps().deployments().inNamespace(NS).withName("llmd-model").edit(d -> {
      d.getSpec().setReplicas(7);
      return d;
    });
    await("edited replicas restored").atMost(Duration.ofSeconds(10)).untilAsserted(() ->
        assertThat(client.apps().deployments().inNamespace(NS).withName("llmd-model").get().getSpec().getReplicas()).isEqualTo(2));
    client.services().inNamespace(NS).withName("llmd-model").delete();
    await("deleted Service restored").atMost(Duration.ofSeconds(10)).untilAsserted(() ->
        assertThat(client.services().inNamespace(NS).withName("llmd-model").get()).isNotNull());
    client.resources(NodePool.class).withName(poolName).delete();
    await("deleted NodePool restored").atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
      NodePool restored = client.resources(NodePool.class).withName(poolName).get();
      assertThat(restored).isNotNull();
      assertThat(restored.getMetadata().getDeletionTimestamp()).isNull();
    });

    // Deleting the platform removes the cluster-scoped children through the finalizer.
    client.resources(InferencePlatform.class).inNamespace(NS).withName("llmd").delete();
    await("cluster-scoped children deleted").atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
      assertThat(client.resources(NodePool.class).withName(poolName).get()).isNull();
      assertThat(client.resources(EC2NodeClass.class).withName(poolName).get()).isNull();
      assertThat(client.resources(InferencePlatform.class).inNamespace(NS).withName("llmd").get()).isNull();
    });
  }

  @Test
  void missingSecretAndMissingGatewayBecomeConditionsThatNameThem(KubernetesClient client) {
    client.resource(Platforms.fromYaml("""
        apiVersion: crossover.dev/v1alpha1
        kind: InferencePlatform
        metadata: {name: no-secret, namespace: %s}
        spec:
          model: {name: org/m-8B, hfTokenSecretRef: {name: missing-token}}
          nodes: {provision: false}
        """.formatted(NS_ERRORS))).create();
    client.resource(Platforms.fromYaml("""
        apiVersion: crossover.dev/v1alpha1
        kind: InferencePlatform
        metadata: {name: no-gateway, namespace: %s}
        spec:
          model: {name: org/m-8B}
          nodes: {provision: false}
          routing: {mode: PrefixCacheAware, gatewayRef: {name: nowhere}}
        """.formatted(NS_ERRORS))).create();
    await("conditions").atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
      Condition secret = condition(client, NS_ERRORS, "no-secret", "ModelServerReady");
      assertThat(secret.getReason()).isEqualTo("SecretNotFound");
      assertThat(secret.getMessage()).contains("missing-token");
      assertThat(condition(client, NS_ERRORS, "no-secret", "Ready").getStatus()).isEqualTo("False");
      Condition router = condition(client, NS_ERRORS, "no-gateway", "RouterReady");
      assertThat(router.getReason()).isEqualTo("GatewayNotFound");
      assertThat(router.getMessage()).contains(NS_ERRORS + "/nowhere");
    });
    assertThat(client.apps().deployments().inNamespace(NS_ERRORS).withName("no-secret-model").get())
        .as("no Deployment that could only fail on the missing Secret").isNull();
  }

  private static InferencePlatform platform(KubernetesClient client, String ns, String name) {
    return client.resources(InferencePlatform.class).inNamespace(ns).withName(name).get();
  }

  private static Condition condition(KubernetesClient client, String ns, String name, String type) {
    var status = platform(client, ns, name).getStatus();
    assertThat(status).as("status of %s", name).isNotNull();
    return status.condition(type).orElseThrow(() -> new AssertionError("no " + type + " condition on " + name));
  }

  private static void markReady(KubernetesClient client, String deployment, int replicas) {
    Deployment d = client.apps().deployments().inNamespace(NS).withName(deployment).get();
    d.setStatus(new DeploymentStatusBuilder().withReplicas(replicas).withReadyReplicas(replicas)
        .withAvailableReplicas(replicas).withUpdatedReplicas(replicas).withObservedGeneration(d.getMetadata().getGeneration()).build());
    client.resource(d).updateStatus();
  }

  private static Condition readyCondition() {
    Condition c = new Condition();
    c.setType("Ready");
    c.setStatus("True");
    c.setReason("Ready");
    c.setMessage("");
    c.setLastTransitionTime("2026-11-22T00:00:00Z");
    c.setObservedGeneration(1L);
    return c;
  }

  private static GenericKubernetesResource gateway() {
    GenericKubernetesResource gw = new GenericKubernetesResource();
    gw.setApiVersion("gateway.networking.k8s.io/v1");
    gw.setKind("Gateway");
    gw.setMetadata(new io.fabric8.kubernetes.api.model.ObjectMetaBuilder().withName("inference-gateway").withNamespace("gw").build());
    gw.setAdditionalProperty("spec", Map.of("gatewayClassName", "test",
        "listeners", List.of(Map.of("name", "http", "port", 80, "protocol", "HTTP",
            "allowedRoutes", Map.of("namespaces", Map.of("from", "All"))))));
    return gw;
  }

  static final String PREFIX_AWARE = """
      apiVersion: crossover.dev/v1alpha1
      kind: InferencePlatform
      metadata: {name: llmd}
      spec:
        model:
          name: hugging-quants/Meta-Llama-3.1-8B-Instruct-AWQ-INT4
          hfTokenSecretRef: {name: hf-token}
        engine: {replicas: 2}
        nodes:
          nodeClass:
            ec2: {discoveryTag: my-cluster}
        routing:
          mode: PrefixCacheAware
          gatewayRef: {name: inference-gateway, namespace: gw}
      """;

  static final String KWOK = """
      apiVersion: crossover.dev/v1alpha1
      kind: InferencePlatform
      metadata: {name: kwok}
      spec:
        model: {name: crossover/sim-8B}
        engine: {type: Simulator}
        nodes:
          nodeClass: {kind: KWOKNodeClass, name: default}
      """;
}
