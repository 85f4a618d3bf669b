package dev.crossover.gateway;

import static dev.crossover.gateway.GatewaySyncAgainstRealApiServerTest.NS;
import static dev.crossover.gateway.GatewaySyncAgainstRealApiServerTest.cond;
import static dev.crossover.gateway.GatewaySyncAgainstRealApiServerTest.create;
import static dev.crossover.gateway.GatewaySyncAgainstRealApiServerTest.platform;
import static org.assertj.core.api.Assertions.assertThat;

import dev.crossover.api.v1alpha1.GatewayProfile;
import dev.crossover.api.v1alpha1.GatewayProfileSpec.Type;
import dev.crossover.api.v1alpha1.GatewayProfileStatus;
import dev.crossover.operator.ChildWriter;
import dev.crossover.operator.Images;
import dev.crossover.operator.OwnerReferences;
import dev.crossover.testing.Crds;
import dev.crossover.testing.LocalApiServer;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.ManagedFieldsEntry;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import io.fabric8.kubernetes.api.model.apps.DeploymentStatusBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A GatewayProfile's children on a real kube-apiserver: never taking over an object it does not
 * control, following a type change without leftovers or an immutable-selector error, and Ready
 * only once the Deployment controller reports the current template rolled out (written here
 * through the status subresource, as no controller runs).
 */
@ExtendWith(LocalApiServer.class)
class GatewayChildrenAgainstRealApiServerTest {

  @BeforeAll
  static void setUp(KubernetesClient client) throws Exception {
    Crds.install(client);
    if (client.namespaces().withName(NS).get() == null) {
      client.namespaces().resource(new NamespaceBuilder().withNewMetadata().withName(NS).endMetadata().build()).create();
    }
  }

  @Test
  void aConfigMapItDoesNotControlIsLeftUntouchedAndNamedInNotOwned(KubernetesClient client) {
    platform(client, "sim-own", "http://sim-own.gw-sync.svc:8000/v1");
    ConfigMap theirs = client.resource(new ConfigMapBuilder().withNewMetadata().withName("own-gateway").withNamespace(NS)
        .endMetadata().addToData("config.yaml", "someone: else").build()).create();
    GatewayProfile p = Profiles.profile(Type.LiteLLM, "sim-own");
    p.getMetadata().setName("own");
    GatewayProfileStatus s = new GatewaySync(client, Images.defaults()).sync(create(client, p));

    assertThat(cond(s, "Ready").getStatus()).isEqualTo("False");
    assertThat(cond(s, "Ready").getReason()).isEqualTo("NotOwned");
    assertThat(cond(s, "Ready").getMessage()).contains("ConfigMap/own-gateway");
    ConfigMap after = client.configMaps().inNamespace(NS).withName("own-gateway").get();
    assertThat(after.getMetadata().getResourceVersion()).isEqualTo(theirs.getMetadata().getResourceVersion());
    assertThat(after.getData()).containsExactly(Map.entry("config.yaml", "someone: else"));
    assertThat(client.apps().deployments().inNamespace(NS).withName("own-gateway").get())
        .as("no gateway that would mount someone else's config").isNull();
  }

  @Test
  void anEarlierProfilesKeySecretIsNotReadAsOurs(KubernetesClient client) {
    platform(client, "sim-key", "http://sim-key.gw-sync.svc:8000/v1");
    GatewayProfile p = Profiles.profile(Type.LiteLLM, "sim-key");
    p.getMetadata().setName("key");
    GatewayProfile created = create(client, p);
    // The master-key Secret of a deleted profile of the same name, not yet garbage-collected.
    GatewayProfile earlier = Profiles.profile(Type.LiteLLM, "sim-key");
    earlier.getMetadata().setName("key");
    earlier.getMetadata().setUid("11111111-2222-3333-4444-555555555555");
    earlier.getMetadata().setNamespace(NS);
    client.resource(GatewayObjects.generatedKeySecret(earlier, "key-master-key", "masterKey", "sk-old")).inNamespace(NS).create();

    GatewayProfileStatus s = new GatewaySync(client, Images.defaults()).sync(created);
    assertThat(cond(s, "Ready").getReason()).isEqualTo("NotOwned");
    assertThat(cond(s, "Ready").getMessage()).contains("Secret/key-master-key")
        .contains("an earlier GatewayProfile of the same name");
    assertThat(client.secrets().inNamespace(NS).withName("key-master-key").get().getMetadata().getOwnerReferences())
        .singleElement().satisfies(o -> assertThat(o.getUid()).isEqualTo("11111111-2222-3333-4444-555555555555"));
  }

  @Test
  void aTypeChangeRollsTheSameDeploymentAndNativeRemovesTheGateway(KubernetesClient client) {
    platform(client, "sim-type", "http://sim-type.gw-sync.svc:8000/v1");
    GatewayProfile p = Profiles.profile(Type.LiteLLM, "sim-type");
    p.getMetadata().setName("typed");
    GatewayProfile created = create(client, p);
    GatewaySync sync = new GatewaySync(client, Images.defaults());
    sync.sync(created);
    Deployment litellm = client.apps().deployments().inNamespace(NS).withName("typed-gateway").get();
    assertThat(litellm.getSpec().getTemplate().getSpec().getContainers().get(0).getName()).isEqualTo("litellm");
    assertThat(client.configMaps().inNamespace(NS).withName("typed-gateway").get().getData()).containsKey("config.yaml");

    GatewayProfile bifrost = client.resources(GatewayProfile.class).inNamespace(NS).withName("typed").edit(x -> {
      x.getSpec().setType(Type.Bifrost);
      return x;
    });
    GatewayProfileStatus s = sync.sync(bifrost);
    assertThat(cond(s, "Ready").getReason()).as("not an apply error").isNotIn("ApplyFailed", "NotOwned");
    Deployment rolled = client.apps().deployments().inNamespace(NS).withName("typed-gateway").get();
    assertThat(rolled.getMetadata().getUid()).as("the same Deployment, rolled").isEqualTo(litellm.getMetadata().getUid());
    assertThat(rolled.getSpec().getTemplate().getSpec().getContainers()).singleElement()
        .satisfies(c -> assertThat(c.getName()).isEqualTo("bifrost"));
    assertThat(rolled.getSpec().getTemplate().getMetadata().getLabels()).containsEntry("app.kubernetes.io/name", "bifrost");
    assertThat(client.configMaps().inNamespace(NS).withName("typed-gateway").get().getData())
        .containsKey("config.json").doesNotContainKey("config.yaml");
    assertThat(client.services().inNamespace(NS).withName("typed-gateway").get().getSpec().getPorts().get(0).getPort())
        .isEqualTo(GatewayNames.BIFROST_PORT);

    GatewayProfile nativ = client.resources(GatewayProfile.class).inNamespace(NS).withName("typed").edit(x -> {
      x.getSpec().setType(Type.Native);
      x.getSpec().setBifrost(null);
      return x;
    });
    s = sync.sync(nativ);
    assertThat(cond(s, "Ready").getStatus()).isEqualTo("True");
    assertThat(client.apps().deployments().inNamespace(NS).withName("typed-gateway").get()).isNull();
    assertThat(client.services().inNamespace(NS).withName("typed-gateway").get()).isNull();
    assertThat(client.configMaps().inNamespace(NS).withName("typed-gateway").get()).isNull();
  }

  @Test
  void aDeploymentWithTheOlderTypeNamingSelectorIsReplaced(KubernetesClient client) {
    platform(client, "sim-old", "http://sim-old.gw-sync.svc:8000/v1");
    GatewayProfile p = Profiles.profile(Type.LiteLLM, "sim-old");
    p.getMetadata().setName("legacy");
    GatewayProfile created = create(client, p);
    // As an earlier operator version wrote it: the selector names the type.
    Map<String, String> oldSelector = Map.of("app.kubernetes.io/name", "litellm", "app.kubernetes.io/instance", "legacy",
        GatewayNames.PROFILE_LABEL, "legacy");
    Deployment old = client.resource(new DeploymentBuilder()
        .withNewMetadata().withName("legacy-gateway").withNamespace(NS).withOwnerReferences(OwnerReferences.controllerOf(created))
        .endMetadata()
        .withNewSpec().withNewSelector().withMatchLabels(oldSelector).endSelector()
          .withNewTemplate().withNewMetadata().withLabels(oldSelector).endMetadata()
            .withNewSpec().addNewContainer().withName("litellm").withImage("litellm:old").endContainer().endSpec()
          .endTemplate()
        .endSpec().build()).create();

    GatewayProfileStatus s = new GatewaySync(client, Images.defaults()).sync(created);
    assertThat(cond(s, "Ready").getReason()).isNotIn("ApplyFailed", "NotOwned");
    Deployment now = client.apps().deployments().inNamespace(NS).withName("legacy-gateway").get();
    assertThat(now.getMetadata().getUid()).as("replaced").isNotEqualTo(old.getMetadata().getUid());
    assertThat(now.getSpec().getSelector().getMatchLabels()).isEqualTo(GatewayObjects.selectorLabels(created))
        .doesNotContainKey("app.kubernetes.io/name");
    assertThat(now.getMetadata().getManagedFields()).extracting(ManagedFieldsEntry::getManager)
        .contains(ChildWriter.FIELD_MANAGER);
  }

  @Test
  void readyOnlyOnceTheNewConfigIsRolledOut(KubernetesClient client) {
    platform(client, "sim-roll", "http://sim-roll.gw-sync.svc:8000/v1");
    GatewayProfile p = Profiles.profile(Type.Bifrost, "sim-roll");
    p.getMetadata().setName("roll");
    GatewayProfile created = create(client, p);
    GatewaySync sync = new GatewaySync(client, Images.defaults());
    sync.sync(created);
    deploymentStatus(client, "roll-gateway", 1, 1, 1);
    assertThat(cond(sync.sync(created), "Ready").getStatus()).isEqualTo("True");

    // A new backend URL: a new config hash on the pod template, a new generation.
    var ip = client.resources(dev.crossover.api.v1alpha1.InferencePlatform.class).inNamespace(NS).withName("sim-roll").get();
    ip.getStatus().setEndpoint("http://sim-roll-2.gw-sync.svc:8000/v1");
    client.resource(ip).updateStatus();
    GatewayProfileStatus s = sync.sync(created);
    assertThat(cond(s, "Ready").getStatus()).isEqualTo("False");
    assertThat(cond(s, "Ready").getReason()).isEqualTo("RolloutInProgress");
    deploymentStatus(client, "roll-gateway", 2, 1, 1);
    assertThat(cond(sync.sync(created), "Ready").getReason()).as("the ready pod is the old one").isEqualTo("RolloutInProgress");
    deploymentStatus(client, "roll-gateway", 1, 1, 1);
    assertThat(cond(sync.sync(created), "Ready").getStatus()).isEqualTo("True");
  }

  private static void deploymentStatus(KubernetesClient client, String name, int replicas, int updated, int ready) {
    Deployment d = client.apps().deployments().inNamespace(NS).withName(name).get();
    d.setStatus(new DeploymentStatusBuilder().withReplicas(replicas).withUpdatedReplicas(updated).withReadyReplicas(ready)
        .withAvailableReplicas(ready).withObservedGeneration(d.getMetadata().getGeneration()).build());
    client.resource(d).updateStatus();
  }
}
