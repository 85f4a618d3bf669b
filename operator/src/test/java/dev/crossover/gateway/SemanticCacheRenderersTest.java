package dev.crossover.gateway;

import static dev.crossover.gateway.RenderersTest.at;
import static dev.crossover.gateway.RenderersTest.json;
import static dev.crossover.gateway.RenderersTest.yaml;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.crossover.api.v1alpha1.GatewayProfile;
import dev.crossover.api.v1alpha1.GatewayProfileSpec.Type;
import dev.crossover.api.v1alpha1.OpenAIEndpoint;
import dev.crossover.api.v1alpha1.SecretKeyRef;
import dev.crossover.api.v1alpha1.SemanticCacheEmbeddings;
import dev.crossover.api.v1alpha1.SemanticCacheSpec;
import dev.crossover.api.v1alpha1.SemanticCacheSpec.KeyBy;
import dev.crossover.api.v1alpha1.SemanticCacheStore;
import io.fabric8.kubernetes.api.model.EnvVar;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** spec.semanticCache rendered into each gateway's own configuration, checked field by field. */
@SuppressWarnings("unchecked")
class SemanticCacheRenderersTest {
  static final ResolvedTarget A = RenderersTest.A;
  static final ResolvedTarget BR = RenderersTest.BR;

  /** A semantic cache as a user writes it: a Valkey address, an OpenAI-compatible embedder. */
  static SemanticCacheSpec cache(KeyBy keyBy, String storeAddress, String embedderUrl, String model, int dimension,
      double threshold) {
    SemanticCacheStore store = new SemanticCacheStore();
    store.setAddress(storeAddress);
    OpenAIEndpoint e = new OpenAIEndpoint();
    e.setUrl(embedderUrl);
    e.setModel(model);
    SemanticCacheEmbeddings emb = new SemanticCacheEmbeddings();
    emb.setOpenAI(e);
    emb.setDimension(dimension);
    SemanticCacheSpec c = new SemanticCacheSpec();
    c.setVectorStore(store);
    c.setEmbeddings(emb);
    c.setSimilarityThreshold(threshold);
    c.setTtl("10m");
    c.setKeyBy(keyBy);
    return c;
  }

  static GatewayProfile withCache(Type type, KeyBy keyBy) {
    GatewayProfile p = Profiles.profile(type, "pool-a");
    p.getSpec().setSemanticCache(cache(keyBy, "valkey.cache.svc:6379", "http://e5.cache.svc:8000/v1",
        "multilingual-e5-small-q4", 384, 0.93));
    return p;
  }

  @Test
  void bifrostGetsTheSemanticCachePluginAndARedisVectorStore() throws Exception {
    GatewayProfile p = withCache(Type.Bifrost, KeyBy.SystemPrompt);
    p.getSpec().getSemanticCache().getVectorStore().setPasswordSecretRef(new SecretKeyRef("valkey", null));
    Map<String, Object> cfg = json(BifrostConfig.render(p.getSpec(), List.of(A)));

    List<Map<String, Object>> plugins = at(cfg, "plugins");
    assertThat(plugins).extracting(m -> m.get("name")).containsExactly("telemetry", "semantic_cache");
    Map<String, Object> sc = at(plugins.get(1), "config");
    assertThat(sc).containsEntry("provider", "vllm")
        .containsEntry("embedding_model", SemanticCacheSettings.EMBEDDER_MODEL)
        .containsEntry("dimension", 384)
        .containsEntry("threshold", 0.93)
        .containsEntry("ttl", "10m")
        .containsEntry("exclude_system_prompt", true)
        .doesNotContainKey("default_cache_key");
    assertThat((String) sc.get("vector_store_namespace")).startsWith("crossover-semcache-");

    assertThat((String) at(cfg, "vector_store", "type")).isEqualTo("redis");
    assertThat((Boolean) at(cfg, "vector_store", "enabled")).isTrue();
    assertThat((String) at(cfg, "vector_store", "config", "addr")).isEqualTo("valkey.cache.svc:6379");
    // The password is an environment reference filled from the Secret, never a literal.
    assertThat((String) at(cfg, "vector_store", "config", "password"))
        .isEqualTo("env." + SemanticCacheSettings.STORE_PASSWORD_ENV);
  }

  @Test
  void bifrostEmbedderIsAnAliasedVllmKeyNoVirtualKeyAllows() throws Exception {
    GatewayProfile p = withCache(Type.Bifrost, KeyBy.SystemPrompt);
    Map<String, Object> cfg = json(BifrostConfig.render(p.getSpec(), List.of(A)));
    List<Map<String, Object>> keys = at(cfg, "providers", "vllm", "keys");
    assertThat(keys).hasSize(2);
    Map<String, Object> e = keys.get(1);
    assertThat(e.get("models")).isEqualTo(List.of(SemanticCacheSettings.EMBEDDER_MODEL));
    assertThat((String) at(e, "vllm_key_config", "url")).isEqualTo("http://e5.cache.svc:8000");
    assertThat((String) at(e, "vllm_key_config", "model_name")).isEqualTo(SemanticCacheSettings.EMBEDDER_MODEL);
    assertThat((String) at(e, "aliases", SemanticCacheSettings.EMBEDDER_MODEL)).isEqualTo("multilingual-e5-small-q4");
    // Clients' virtual keys allow the chat models only: nobody calls the embedder through the gateway.
    List<Map<String, Object>> vks = at(cfg, "governance", "virtual_keys");
    for (Map<String, Object> vk : vks) {
      List<Map<String, Object>> pcs = at(vk, "provider_configs");
      assertThat(pcs).allSatisfy(pc -> assertThat((List<Object>) pc.get("allowed_models"))
          .doesNotContain(SemanticCacheSettings.EMBEDDER_MODEL));
    }
  }

  @Test
  void bifrostWithBedrockOnlyBackendsGetsTheEmbedderButNoVllmProviderConfig() throws Exception {
    GatewayProfile p = withCache(Type.Bifrost, KeyBy.SystemPrompt);
    Map<String, Object> cfg = json(BifrostConfig.render(p.getSpec(), List.of(BR)));
    assertThat((List<?>) at(cfg, "providers", "vllm", "keys")).hasSize(1);
    List<Map<String, Object>> pcs = at(cfg, "governance", "virtual_keys", 0, "provider_configs");
    // An empty allowed_models would not mean "none": the vllm provider must not be offered at all.
    assertThat(pcs).extracting(m -> m.get("provider")).containsExactly("bedrock");
  }

  @Test
  void bifrostProfileKeyKeepsTheSystemPromptAndSetsADefaultKey() throws Exception {
    GatewayProfile p = withCache(Type.Bifrost, KeyBy.Profile);
    Map<String, Object> sc = at(json(BifrostConfig.render(p.getSpec(), List.of(A))), "plugins", 1, "config");
    assertThat(sc).containsEntry("exclude_system_prompt", false)
        .containsEntry("default_cache_key", SemanticCacheSettings.PROFILE_CACHE_KEY);
  }

  @Test
  void bifrostWithoutACacheHasNeitherPluginNorStore() throws Exception {
    GatewayProfile p = Profiles.profile(Type.Bifrost, "pool-a");
    Map<String, Object> cfg = json(BifrostConfig.render(p.getSpec(), List.of(A)));
    assertThat(cfg).doesNotContainKey("vector_store");
    assertThat((List<?>) at(cfg, "plugins")).hasSize(1);
    assertThat((List<?>) at(cfg, "providers", "vllm", "keys")).hasSize(1);
  }

  @Test
  void liteLlmGetsAValkeySemanticCacheAndAnEmbedderModelGroup() throws Exception {
    GatewayProfile p = withCache(Type.LiteLLM, KeyBy.Tenant);
    p.getSpec().getSemanticCache().getVectorStore().setPasswordSecretRef(new SecretKeyRef("valkey", "pw"));
    p.getSpec().getSemanticCache().getEmbeddings().getOpenAI().setApiKeySecretRef(new SecretKeyRef("e5", null));
    Map<String, Object> cfg = yaml(LiteLlmConfig.render(p.getSpec(), List.of(A)));
    assertThat((Boolean) at(cfg, "litellm_settings", "cache")).isTrue();
    Map<String, Object> cp = at(cfg, "litellm_settings", "cache_params");
    assertThat(cp).containsEntry("type", "valkey-semantic")
        .containsEntry("host", "valkey.cache.svc")
        .containsEntry("port", 6379)
        .containsEntry("password", "os.environ/" + SemanticCacheSettings.STORE_PASSWORD_ENV)
        .containsEntry("similarity_threshold", 0.93)
        .containsEntry("valkey_semantic_cache_embedding_model", SemanticCacheSettings.EMBEDDER_MODEL)
        .containsEntry("ttl", 600)
        .containsEntry("supported_call_types", List.of("acompletion", "completion"));
    assertThat((String) cp.get("valkey_semantic_cache_index_name")).startsWith("crossover-semcache-");

    List<Map<String, Object>> models = at(cfg, "model_list");
    assertThat(models).hasSize(2);
    Map<String, Object> e = models.get(1);
    assertThat(e.get("model_name")).isEqualTo(SemanticCacheSettings.EMBEDDER_MODEL);
    assertThat((String) at(e, "litellm_params", "model")).isEqualTo("openai/multilingual-e5-small-q4");
    assertThat((String) at(e, "litellm_params", "api_base")).isEqualTo("http://e5.cache.svc:8000/v1");
    assertThat((String) at(e, "litellm_params", "api_key"))
        .isEqualTo("os.environ/" + SemanticCacheSettings.EMBEDDER_KEY_ENV);
  }

  @Test
  void liteLlmWithoutACacheHasNoCacheSettings() throws Exception {
    GatewayProfile p = Profiles.profile(Type.LiteLLM, "pool-a");
    Map<String, Object> cfg = yaml(LiteLlmConfig.render(p.getSpec(), List.of(A)));
    assertThat((Map<String, Object>) at(cfg, "litellm_settings")).doesNotContainKeys("cache", "cache_params");
    assertThat((List<?>) at(cfg, "model_list")).hasSize(1);
  }

  @Test
  void aKeyModeTheGatewayCannotHonourIsNeverRenderedSilently() {
    // Admission refuses these; the renderers refuse them too rather than render something else.
    assertThatThrownBy(() -> BifrostConfig.render(withCache(Type.Bifrost, KeyBy.Tenant).getSpec(), List.of(A)))
        .hasMessageContaining("Tenant");
    assertThatThrownBy(() -> LiteLlmConfig.render(withCache(Type.LiteLLM, KeyBy.SystemPrompt).getSpec(), List.of(A)))
        .hasMessageContaining("SystemPrompt");
  }

  @Test
  void profilesThatDifferInCacheSettingsUseDifferentNamespaces() {
    GatewayProfile a = withCache(Type.Bifrost, KeyBy.SystemPrompt);
    GatewayProfile b = withCache(Type.Bifrost, KeyBy.SystemPrompt);
    assertThat(SemanticCacheSettings.namespace(a.getSpec(), List.of(A)))
        .isEqualTo(SemanticCacheSettings.namespace(b.getSpec(), List.of(A)));
    b.getSpec().getSemanticCache().setSimilarityThreshold(0.85);
    assertThat(SemanticCacheSettings.namespace(a.getSpec(), List.of(A)))
        .isNotEqualTo(SemanticCacheSettings.namespace(b.getSpec(), List.of(A)));
    GatewayProfile c = withCache(Type.Bifrost, KeyBy.SystemPrompt);
    c.getSpec().getSemanticCache().getEmbeddings().setDimension(768);
    assertThat(SemanticCacheSettings.namespace(a.getSpec(), List.of(A)))
        .isNotEqualTo(SemanticCacheSettings.namespace(c.getSpec(), List.of(A)));
  }

  @Test
  void secretsReachTheGatewayAsEnvironmentFromSecretsOnly() {
    for (Type type : List.of(Type.Bifrost, Type.LiteLLM)) {
      GatewayProfile p = withCache(type, type == Type.Bifrost ? KeyBy.SystemPrompt : KeyBy.Tenant);
      p.getSpec().getSemanticCache().getVectorStore().setPasswordSecretRef(new SecretKeyRef("valkey", null));
      p.getSpec().getSemanticCache().getEmbeddings().getOpenAI().setApiKeySecretRef(new SecretKeyRef("e5", "token"));
      List<EnvVar> env = GatewayObjects.env(p, List.of(A));
      EnvVar pw = env.stream().filter(e -> e.getName().equals(SemanticCacheSettings.STORE_PASSWORD_ENV)).findFirst().orElseThrow();
      assertThat(pw.getValue()).isNull();
      assertThat(pw.getValueFrom().getSecretKeyRef().getName()).isEqualTo("valkey");
      assertThat(pw.getValueFrom().getSecretKeyRef().getKey()).isEqualTo(SemanticCacheSettings.STORE_PASSWORD_KEY);
      EnvVar key = env.stream().filter(e -> e.getName().equals(SemanticCacheSettings.EMBEDDER_KEY_ENV)).findFirst().orElseThrow();
      assertThat(key.getValueFrom().getSecretKeyRef().getName()).isEqualTo("e5");
      assertThat(key.getValueFrom().getSecretKeyRef().getKey()).isEqualTo("token");
    }
  }
}
