package dev.crossover.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import dev.crossover.api.v1alpha1.BifrostSpec;
import dev.crossover.operator.Images;
import io.fabric8.kubernetes.api.model.Condition;
import dev.crossover.api.v1alpha1.EngineSpec;
import dev.crossover.api.v1alpha1.GatewayProfile;
import dev.crossover.api.v1alpha1.GatewayProfileSpec.Type;
import dev.crossover.api.v1alpha1.GatewayProfileStatus;
import dev.crossover.api.v1alpha1.InferencePlatform;
import dev.crossover.api.v1alpha1.InferencePlatformSpec;
import dev.crossover.api.v1alpha1.InferencePlatformStatus;
import dev.crossover.api.v1alpha1.ModelSpec;
import dev.crossover.testing.Crds;
import dev.crossover.testing.LocalApiServer;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.discovery.v1.EndpointSliceBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * GatewaySync against a real kube-apiserver (no controllers run there, so Deployments never get
 * ready pods: readiness is asserted as "not ready, and says why").
 */
@ExtendWith(LocalApiServer.class)
class GatewaySyncAgainstRealApiServerTest {
  static final String NS = "gw-sync";

  @BeforeAll
  static void setUp(KubernetesClient client) throws Exception {
    Crds.install(client);
    if (client.namespaces().withName(NS).get() == null) {
      client.namespaces().resource(new NamespaceBuilder().withNewMetadata().withName(NS).endMetadata().build()).create();
    }
  }

  static InferencePlatform platform(KubernetesClient client, String name, String endpoint) {
    InferencePlatform ip = new InferencePlatform();
    ip.setMetadata(new ObjectMetaBuilder().withName(name).withNamespace(NS).build());
    InferencePlatformSpec spec = new InferencePlatformSpec();
    ModelSpec m = new ModelSpec();
    m.setName("crossover/sim-llama-8b");
    m.setServedName("sim-llama-8b");
    m.setParameters("8B");
    spec.setModel(m);
    EngineSpec e = new EngineSpec();
    e.setType(EngineSpec.Type.Simulator);
    spec.setEngine(e);
    ip.setSpec(spec);
    InferencePlatform created = client.resource(ip).inNamespace(NS).createOr(x -> x.update());
    if (endpoint != null) {
      InferencePlatformStatus st = new InferencePlatformStatus();
      st.setEndpoint(endpoint);
      st.setServedModel("sim-llama-8b");
      created.setStatus(st);
      created = client.resource(created).inNamespace(NS).updateStatus();
    }
    return created;
  }

  static GatewayProfile create(KubernetesClient client, GatewayProfile p) {
    p.getMetadata().setNamespace(NS);
    p.getMetadata().setUid(null);
    p.getMetadata().setGeneration(null);
    return client.resource(p).inNamespace(NS).createOr(x -> x.update());
  }

  static Condition cond(GatewayProfileStatus s, String type) {
    return s.condition(type).orElseThrow(() -> new AssertionError("no condition " + type + " in " + s.getConditions()));
  }

  @Test
  void bifrostChildrenAreAppliedOwnedAndStatusCarriesEndpointHashAndNoKey(KubernetesClient client) {
    platform(client, "sim-a", "http://sim-a.gw-sync.svc:8000/v1");
    GatewayProfile p = Profiles.profile(Type.Bifrost, "sim-a");
    p.getMetadata().setName("bf");
    p.getSpec().setTenants(List.of(Profiles.tenant("team-a", 10, null, null, null)));
    p = create(client, p);
    GatewayProfileStatus s = new GatewaySync(client, Images.defaults()).sync(p);

    assertThat(cond(s, GatewayProfileStatus.BACKENDS_RESOLVED).getStatus()).isEqualTo("True");
    assertThat(s.getEndpoint()).isEqualTo("http://bf-gateway.gw-sync.svc:8080/v1");
    assertThat(s.getResolvedBackends()).singleElement().satisfies(b -> {
      assertThat(b.getTarget()).isEqualTo("http://sim-a.gw-sync.svc:8000/v1");
      assertThat(b.getModel()).isEqualTo("sim-llama-8b");
    });
    assertThat(s.getConfigHash()).hasSize(64);
    assertThat(s.getMasterKeySecret()).isEqualTo("bf-master-key");
    // No pods run here: not Ready, and the condition says why.
    assertThat(cond(s, "Ready").getStatus()).isEqualTo("False");
    assertThat(cond(s, "Ready").getReason()).as("the one Ready rule: the Deployment controller has not observed it").isEqualTo("RolloutInProgress");
    assertThat(cond(s, GatewaySync.TENANTS_ENFORCED).getStatus()).isEqualTo("True");

    Deployment d = client.apps().deployments().inNamespace(NS).withName("bf-gateway").get();
    assertThat(d.getMetadata().getOwnerReferences()).singleElement()
        .satisfies(o -> assertThat(o.getUid()).isEqualTo(client.resources(GatewayProfile.class).inNamespace(NS).withName("bf").get().getMetadata().getUid()));
    assertThat(d.getSpec().getTemplate().getMetadata().getAnnotations()).containsEntry(GatewayNames.CONFIG_HASH_ANNOTATION, s.getConfigHash());
    ConfigMap cm = client.configMaps().inNamespace(NS).withName("bf-gateway").get();
    assertThat(cm.getData().get("config.json")).contains("http://sim-a.gw-sync.svc:8000");
    assertThat(GatewayObjects.configHash(cm.getData().get("config.json"))).isEqualTo(s.getConfigHash());
    assertThat(client.services().inNamespace(NS).withName("bf-gateway").get().getSpec().getPorts().get(0).getPort()).isEqualTo(8080);

    Secret master = client.secrets().inNamespace(NS).withName("bf-master-key").get();
    String key = new String(Base64.getDecoder().decode(master.getData().get("masterKey")));
    assertThat(key).startsWith("sk-bf-");
    assertThat(client.secrets().inNamespace(NS).withName("bf-tenant-team-a").get()).isNotNull();
    // The key is in the Secret only: not in status, the ConfigMap or the Deployment.
    assertThat(Serialization.asJson(s)).doesNotContain(key);
    assertThat(Serialization.asJson(cm)).doesNotContain(key);
    assertThat(Serialization.asJson(d)).doesNotContain(key);

    // A second pass keeps the generated key and the hash (nothing changed).
    GatewayProfileStatus again = new GatewaySync(client, Images.defaults()).sync(client.resources(GatewayProfile.class).inNamespace(NS).withName("bf").get());
    assertThat(again.getConfigHash()).isEqualTo(s.getConfigHash());
    assertThat(new String(Base64.getDecoder().decode(
        client.secrets().inNamespace(NS).withName("bf-master-key").get().getData().get("masterKey")))).isEqualTo(key);
  }

  @Test
  void theGatewayFollowsThePlatformsEndpoint(KubernetesClient client) {
    platform(client, "sim-move", "http://sim-move.gw-sync.svc:8000/v1");
    GatewayProfile p = Profiles.profile(Type.LiteLLM, "sim-move");
    p.getMetadata().setName("follow");
    p = create(client, p);
    GatewayProfileStatus s1 = new GatewaySync(client, Images.defaults()).sync(p);
    platform(client, "sim-move", "http://sim-move-v2.gw-sync.svc:8000/v1");
    GatewayProfileStatus s2 = new GatewaySync(client, Images.defaults()).sync(client.resources(GatewayProfile.class).inNamespace(NS).withName("follow").get());
    assertThat(s2.getConfigHash()).isNotEqualTo(s1.getConfigHash());
    assertThat(client.configMaps().inNamespace(NS).withName("follow-gateway").get().getData().get("config.yaml"))
        .contains("http://sim-move-v2.gw-sync.svc:8000/v1");
    assertThat(client.apps().deployments().inNamespace(NS).withName("follow-gateway").get()
        .getSpec().getTemplate().getMetadata().getAnnotations()).containsEntry(GatewayNames.CONFIG_HASH_ANNOTATION, s2.getConfigHash());
  }

  @Test
  void aMissingBackendGivesAClearConditionAndNoGateway(KubernetesClient client) {
    GatewayProfile p = Profiles.profile(Type.LiteLLM, "does-not-exist");
    p.getMetadata().setName("orphan");
    p = create(client, p);
    GatewayProfileStatus s = new GatewaySync(client, Images.defaults()).sync(p);
    Condition c = cond(s, GatewayProfileStatus.BACKENDS_RESOLVED);
    assertThat(c.getStatus()).isEqualTo("False");
    assertThat(c.getReason()).isEqualTo("BackendNotFound");
    assertThat(c.getMessage()).contains("InferencePlatform gw-sync/does-not-exist not found");
    assertThat(cond(s, "Ready").getStatus()).isEqualTo("False");
    assertThat(client.apps().deployments().inNamespace(NS).withName("orphan-gateway").get()).isNull();
  }

  @Test
  void aPlatformWithoutEndpointIsNotReadyYet(KubernetesClient client) {
    platform(client, "sim-cold", null);
    GatewayProfile p = Profiles.profile(Type.Bifrost, "sim-cold");
    p.getMetadata().setName("cold");
    GatewayProfileStatus s = new GatewaySync(client, Images.defaults()).sync(create(client, p));
    assertThat(cond(s, GatewayProfileStatus.BACKENDS_RESOLVED).getReason()).isEqualTo("BackendNotReady");
    assertThat(cond(s, GatewayProfileStatus.BACKENDS_RESOLVED).getMessage()).contains("has no endpoint yet");
  }

  @Test
  void liteLlmTenantsWithoutADatabaseSaySoInACondition(KubernetesClient client) {
    platform(client, "sim-t", "http://sim-t.gw-sync.svc:8000/v1");
    GatewayProfile p = Profiles.profile(Type.LiteLLM, "sim-t");
    p.getMetadata().setName("lt");
    p.getSpec().setTenants(List.of(Profiles.tenant("team-a", 10, null, null, null)));
    GatewayProfileStatus s = new GatewaySync(client, Images.defaults()).sync(create(client, p));
    Condition c = cond(s, GatewaySync.TENANTS_ENFORCED);
    assertThat(c.getStatus()).isEqualTo("False");
    assertThat(c.getReason()).isEqualTo("DatabaseRequired");
    assertThat(c.getMessage()).contains("litellm.databaseUrlSecretRef");
  }

  @Test
  void nativeResolvesToThePlatformsEndpointWithoutAGateway(KubernetesClient client) {
    platform(client, "sim-n", "http://sim-n.gw-sync.svc:8000/v1");
    GatewayProfile p = Profiles.profile(Type.Native, "sim-n");
    p.getMetadata().setName("native");
    GatewayProfileStatus s = new GatewaySync(client, Images.defaults()).sync(create(client, p));
    assertThat(s.getEndpoint()).isEqualTo("http://sim-n.gw-sync.svc:8000/v1");
    assertThat(cond(s, "Ready").getStatus()).isEqualTo("True");
    assertThat(client.apps().deployments().inNamespace(NS).withName("native-gateway").get()).isNull();
  }

  @Test
  void bifrostPodBalancingFollowsTheEndpointSlices(KubernetesClient client) {
    platform(client, "sim-pods", "http://sim-pods.gw-sync.svc:8000/v1");
    client.discovery().v1().endpointSlices().inNamespace(NS).resource(new EndpointSliceBuilder()
        .withNewMetadata().withName("sim-pods-abc").withNamespace(NS)
          .withLabels(Map.of("kubernetes.io/service-name", "sim-pods")).endMetadata()
        .withAddressType("IPv4")
        .addNewPort().withName("http").withPort(8000).withProtocol("TCP").endPort()
        .addNewEndpoint().withAddresses("10.1.0.2").withNewConditions().withReady(true).endConditions().endEndpoint()
        .addNewEndpoint().withAddresses("10.1.0.1").withNewConditions().withReady(true).endConditions().endEndpoint()
        .addNewEndpoint().withAddresses("10.1.0.3").withNewConditions().withReady(false).endConditions().endEndpoint()
        .build()).createOr(x -> x.update());
    GatewayProfile p = Profiles.profile(Type.Bifrost, "sim-pods");
    p.getMetadata().setName("pods");
    BifrostSpec b = new BifrostSpec();
    b.setBalance(BifrostSpec.Balance.Pods);
    p.getSpec().setBifrost(b);
    GatewayProfileStatus s = new GatewaySync(client, Images.defaults()).sync(create(client, p));
    assertThat(s.getResolvedBackends()).singleElement()
        .satisfies(r -> assertThat(r.getTarget()).isEqualTo("http://10.1.0.1:8000/v1,http://10.1.0.2:8000/v1"));
    String cfg = client.configMaps().inNamespace(NS).withName("pods-gateway").get().getData().get("config.json");
    assertThat(cfg).contains("\"http://10.1.0.1:8000\"").contains("\"http://10.1.0.2:8000\"").doesNotContain("10.1.0.3");
  }
}
