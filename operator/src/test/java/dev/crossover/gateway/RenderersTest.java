package dev.crossover.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.crossover.api.v1alpha1.BifrostSpec;
import dev.crossover.api.v1alpha1.GatewayProfile;
import dev.crossover.api.v1alpha1.GatewayProfileSpec.Type;
import dev.crossover.api.v1alpha1.LiteLLMSpec;
import dev.crossover.api.v1alpha1.SecretKeyRef;
import dev.crossover.operator.Images;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The renderers are pure functions: every field that matters, checked without a cluster. */
class RenderersTest {
  static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
  static final ObjectMapper JSON = new ObjectMapper();

  static final ResolvedTarget A = ResolvedTarget.openAI("pool-a", ResolvedTarget.Kind.Platform,
      "http://a.bench.svc:8000/v1", "llama", 3);
  static final ResolvedTarget EXT = new ResolvedTarget("ext", ResolvedTarget.Kind.OpenAI,
      List.of("https://api.example.test/v1/"), "gpt-x", 1, new SecretKeyRef("ext-key", null), null);
  static final ResolvedTarget BR = ResolvedTarget.bedrock("claude",
      "anthropic.claude-3-5-haiku-20241022-v1:0", 2, "us-east-1");

  @SuppressWarnings("unchecked")
  static Map<String, Object> yaml(String s) throws Exception {
    return YAML.readValue(s, Map.class);
  }

  @SuppressWarnings("unchecked")
  static Map<String, Object> json(String s) throws Exception {
    return JSON.readValue(s, Map.class);
  }

  @SuppressWarnings("unchecked")
  static <T> T at(Object o, Object... path) {
    Object cur = o;
    for (Object p : path) {
      cur = p instanceof Integer i ? ((List<Object>) cur).get(i) : ((Map<String, Object>) cur).get(p);
    }
    return (T) cur;
  }

  @Test
  void liteLlmModelListHasOneDeploymentPerBackendWithProviderPrefixAndApiBase() throws Exception {
    GatewayProfile p = Profiles.profile(Type.LiteLLM, "pool-a");
    Map<String, Object> cfg = yaml(LiteLlmConfig.render(p.getSpec(), List.of(A, EXT, BR)));
    List<Object> models = at(cfg, "model_list");
    assertThat(models).hasSize(3);
    // Same model name as the backend serves: clients send the same name direct or via the gateway.
    assertThat((String) at(models, 0, "model_name")).isEqualTo("llama");
    assertThat((String) at(models, 0, "litellm_params", "model")).isEqualTo("hosted_vllm/llama");
    assertThat((String) at(models, 0, "litellm_params", "api_base")).isEqualTo("http://a.bench.svc:8000/v1");
    assertThat((Integer) at(models, 0, "litellm_params", "weight")).isEqualTo(3);
    assertThat((String) at(models, 0, "model_info", "id")).isEqualTo("pool-a");
    assertThat((String) at(models, 1, "litellm_params", "model")).isEqualTo("openai/gpt-x");
    assertThat((String) at(models, 1, "litellm_params", "api_base")).isEqualTo("https://api.example.test/v1");
    // A backend key is an environment reference, never a literal.
    assertThat((String) at(models, 1, "litellm_params", "api_key")).isEqualTo("os.environ/CROSSOVER_BACKEND_1_API_KEY");
    assertThat((String) at(models, 2, "litellm_params", "model")).isEqualTo("bedrock/anthropic.claude-3-5-haiku-20241022-v1:0");
    assertThat((String) at(models, 2, "litellm_params", "aws_region_name")).isEqualTo("us-east-1");
    assertThat((Object) at(models, 2, "litellm_params", "api_base")).isNull();
  }

  @Test
  void liteLlmRouterCallbacksMasterKeyAndTimeouts() throws Exception {
    GatewayProfile p = Profiles.profile(Type.LiteLLM, "pool-a");
    LiteLLMSpec l = new LiteLLMSpec();
    l.setRoutingStrategy(LiteLLMSpec.RoutingStrategy.LEAST_BUSY);
    l.setTimeout("1m30s");
    l.setNumRetries(2);
    p.getSpec().setLitellm(l);
    Map<String, Object> cfg = yaml(LiteLlmConfig.render(p.getSpec(), List.of(A)));
    assertThat((String) at(cfg, "router_settings", "routing_strategy")).isEqualTo("least-busy");
    assertThat((Integer) at(cfg, "router_settings", "num_retries")).isEqualTo(2);
    assertThat((Integer) at(cfg, "router_settings", "timeout")).isEqualTo(90);
    assertThat((List<String>) at(cfg, "litellm_settings", "callbacks")).containsExactly("prometheus");
    assertThat((String) at(cfg, "general_settings", "master_key")).isEqualTo("os.environ/LITELLM_MASTER_KEY");
    assertThat((Object) at(cfg, "general_settings", "database_url")).isNull();

    p.getSpec().setLitellm(null);
    Map<String, Object> defaults = yaml(LiteLlmConfig.render(p.getSpec(), List.of(A)));
    assertThat((String) at(defaults, "router_settings", "routing_strategy")).isEqualTo("simple-shuffle");
    assertThat((Integer) at(defaults, "router_settings", "num_retries")).isZero();
    assertThat((Integer) at(defaults, "router_settings", "timeout")).isEqualTo(600);
  }

  @Test
  void liteLlmTenantsNeedADatabase() throws Exception {
    GatewayProfile p = Profiles.profile(Type.LiteLLM, "pool-a");
    assertThat(LiteLlmConfig.tenantsEnforceable(p.getSpec())).isTrue();
    p.getSpec().setTenants(List.of(Profiles.tenant("team-a", 10, null, null, null)));
    assertThat(LiteLlmConfig.tenantsEnforceable(p.getSpec())).isFalse();
    LiteLLMSpec l = new LiteLLMSpec();
    l.setDatabaseUrlSecretRef(new SecretKeyRef("litellm-db", null));
    p.getSpec().setLitellm(l);
    assertThat(LiteLlmConfig.tenantsEnforceable(p.getSpec())).isTrue();
    Map<String, Object> cfg = yaml(LiteLlmConfig.render(p.getSpec(), List.of(A)));
    assertThat((String) at(cfg, "general_settings", "database_url")).isEqualTo("os.environ/DATABASE_URL");
    EnvVar db = GatewayObjects.env(p, List.of(A)).stream().filter(e -> e.getName().equals("DATABASE_URL")).findFirst().orElseThrow();
    assertThat(db.getValueFrom().getSecretKeyRef().getName()).isEqualTo("litellm-db");
    assertThat(db.getValueFrom().getSecretKeyRef().getKey()).isEqualTo("databaseUrl");
  }

  @Test
  void durations() {
    assertThat(LiteLlmConfig.seconds("600s")).isEqualTo(600);
    assertThat(LiteLlmConfig.seconds("10m")).isEqualTo(600);
    assertThat(LiteLlmConfig.seconds("1h1s")).isEqualTo(3601);
    assertThat(LiteLlmConfig.seconds("250ms")).isEqualTo(1);
    assertThatThrownBy(() -> LiteLlmConfig.seconds("10x")).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void bifrostBackendsAreWeightedVllmKeysWithBaseUrlsWithoutV1() throws Exception {
    GatewayProfile p = Profiles.profile(Type.Bifrost, "pool-a");
    ResolvedTarget b = ResolvedTarget.openAI("pool-b", ResolvedTarget.Kind.Platform, "http://b:8000/v1", "llama", 1);
    Map<String, Object> cfg = json(BifrostConfig.render(p.getSpec(), List.of(A, b, EXT, BR)));
    assertThat((String) at(cfg, "$schema")).isEqualTo("https://www.getbifrost.ai/schema");
    List<Object> keys = at(cfg, "providers", "vllm", "keys");
    assertThat(keys).hasSize(3);
    assertThat((String) at(keys, 0, "name")).isEqualTo("pool-a");
    assertThat((String) at(keys, 0, "vllm_key_config", "url")).isEqualTo("http://a.bench.svc:8000");
    assertThat((String) at(keys, 0, "vllm_key_config", "model_name")).isEqualTo("llama");
    assertThat((List<String>) at(keys, 0, "models")).containsExactly("llama");
    assertThat(((Number) at(keys, 0, "weight")).doubleValue()).isEqualTo(3.0);
    assertThat(((Number) at(keys, 1, "weight")).doubleValue()).isEqualTo(1.0);
    assertThat((String) at(keys, 2, "vllm_key_config", "url")).isEqualTo("https://api.example.test");
    assertThat((String) at(keys, 2, "value")).isEqualTo("env.CROSSOVER_BACKEND_2_API_KEY");
    assertThat((String) at(keys, 0, "value")).isEmpty();
    assertThat((Boolean) at(cfg, "providers", "vllm", "network_config", "allow_private_network")).isTrue();
    assertThat((Integer) at(cfg, "providers", "vllm", "network_config", "max_retries")).isZero();
    List<Object> bedrock = at(cfg, "providers", "bedrock", "keys");
    assertThat((List<String>) at(bedrock, 0, "models")).containsExactly("anthropic.claude-3-5-haiku-20241022-v1:0");
    assertThat((String) at(bedrock, 0, "bedrock_key_config", "region")).isEqualTo("us-east-1");
  }

  @Test
  void bifrostPodBalancingSplitsABackendsWeightAcrossItsPods() throws Exception {
    GatewayProfile p = Profiles.profile(Type.Bifrost, "pool-a");
    BifrostSpec bs = new BifrostSpec();
    bs.setBalance(BifrostSpec.Balance.Pods);
    p.getSpec().setBifrost(bs);
    ResolvedTarget pods = new ResolvedTarget("pool-a", ResolvedTarget.Kind.Platform,
        List.of("http://10.0.0.1:8000/v1", "http://10.0.0.2:8000/v1", "http://10.0.0.3:8000/v1"), "llama", 3, null, null);
    ResolvedTarget other = ResolvedTarget.openAI("pool-b", ResolvedTarget.Kind.Platform, "http://b:8000/v1", "llama", 1);
    Map<String, Object> cfg = json(BifrostConfig.render(p.getSpec(), List.of(pods, other)));
    List<Object> keys = at(cfg, "providers", "vllm", "keys");
    assertThat(keys).hasSize(4);
    assertThat((String) at(keys, 1, "name")).isEqualTo("pool-a-1");
    assertThat((String) at(keys, 1, "vllm_key_config", "url")).isEqualTo("http://10.0.0.2:8000");
    double podSum = 0;
    for (int i = 0; i < 3; i++) {
      podSum += ((Number) at(keys, i, "weight")).doubleValue();
    }
    // The backend keeps its 3:1 share against pool-b, however many pods it has.
    assertThat(podSum).isEqualTo(3.0);
    assertThat(((Number) at(keys, 3, "weight")).doubleValue()).isEqualTo(1.0);
  }

  @Test
  void bifrostTenantsAreVirtualKeysWithRateLimitsAndBudgetsAndTheMasterKeyIsUnlimited() throws Exception {
    GatewayProfile p = Profiles.profile(Type.Bifrost, "pool-a");
    p.getSpec().setTenants(List.of(
        Profiles.tenant("team-a", 60, 100000, "50", "1d"),
        Profiles.tenant("team-b", null, null, "7.5", null)));
    Map<String, Object> cfg = json(BifrostConfig.render(p.getSpec(), List.of(A)));
    assertThat((Boolean) at(cfg, "client", "enforce_auth_on_inference")).isTrue();
    List<Object> vks = at(cfg, "governance", "virtual_keys");
    assertThat(vks).hasSize(3);
    assertThat((String) at(vks, 0, "value")).isEqualTo("env.BIFROST_MASTER_KEY");
    assertThat((Object) at(vks, 0, "rate_limit_id")).isNull();
    assertThat((String) at(vks, 1, "id")).isEqualTo("tenant-team-a");
    assertThat((String) at(vks, 1, "value")).isEqualTo("env.CROSSOVER_TENANT_0_KEY");
    assertThat((String) at(vks, 1, "rate_limit_id")).isEqualTo("tenant-team-a-rate");
    assertThat((String) at(vks, 1, "provider_configs", 0, "provider")).isEqualTo("vllm");
    assertThat((List<String>) at(vks, 1, "provider_configs", 0, "allowed_models")).containsExactly("llama");
    // A weight lets governance route bare model names to the provider.
    assertThat((Integer) at(vks, 1, "provider_configs", 0, "weight")).isEqualTo(1);
    assertThat((String) at(vks, 2, "value")).isEqualTo("env.CROSSOVER_TENANT_1_KEY");
    assertThat((Object) at(vks, 2, "rate_limit_id")).isNull();
    List<Object> rls = at(cfg, "governance", "rate_limits");
    assertThat(rls).hasSize(1);
    assertThat((Integer) at(rls, 0, "request_max_limit")).isEqualTo(60);
    assertThat((String) at(rls, 0, "request_reset_duration")).isEqualTo("1m");
    assertThat((Integer) at(rls, 0, "token_max_limit")).isEqualTo(100000);
    List<Object> budgets = at(cfg, "governance", "budgets");
    assertThat(budgets).hasSize(2);
    assertThat(((Number) at(budgets, 0, "max_limit")).doubleValue()).isEqualTo(50.0);
    assertThat((String) at(budgets, 0, "reset_duration")).isEqualTo("1d");
    assertThat((String) at(budgets, 0, "virtual_key_id")).isEqualTo("tenant-team-a");
    assertThat((String) at(budgets, 1, "reset_duration")).isEqualTo("1M");
  }

  @Test
  void bifrostMakesNoCallsOut() throws Exception {
    GatewayProfile p = Profiles.profile(Type.Bifrost, "pool-a");
    String rendered = BifrostConfig.render(p.getSpec(), List.of(A));
    Map<String, Object> cfg = json(rendered);
    assertThat((String) at(cfg, "framework", "pricing", "pricing_url")).isEqualTo("file:./pricing.json");
    assertThat((String) at(cfg, "framework", "pricing", "model_parameters_url")).isEqualTo("file:./model-parameters.json");
    assertThat((String) at(cfg, "framework", "pricing", "mcp_library_url")).isEqualTo("file:./mcp-library.json");
    // The files are in the ConfigMap, mounted beside config.json, in the working directory.
    var cm = GatewayObjects.configMap(p, rendered);
    assertThat(cm.getData()).containsKeys("config.json", "pricing.json", "model-parameters.json", "mcp-library.json");
    Container c = GatewayObjects.deployment(p, List.of(A), "h", Images.defaults()).getSpec().getTemplate().getSpec().getContainers().get(0);
    assertThat(c.getWorkingDir()).isEqualTo("/app/data");
    assertThat(c.getVolumeMounts()).anySatisfy(m -> assertThat(m.getMountPath()).isEqualTo("/app/data/pricing.json"));
    List<Object> plugins = at(cfg, "plugins");
    assertThat(plugins).hasSize(1);
    assertThat((String) at(plugins, 0, "name")).isEqualTo("telemetry");
  }

  @Test
  void gatewayImageIsTheSpecsElseTheOperatorWideDefaultForItsType() {
    Images local = new Images("v", "s", "e", "l", "mirror/litellm:1", "mirror/bifrost:1", Images.LLM_D_EPP_CONFIG);
    GatewayProfile lite = Profiles.profile(Type.LiteLLM, "pool-a");
    GatewayProfile bif = Profiles.profile(Type.Bifrost, "pool-a");
    assertThat(image(GatewayObjects.deployment(lite, List.of(A), "h", local))).isEqualTo("mirror/litellm:1");
    assertThat(image(GatewayObjects.deployment(bif, List.of(A), "h", local))).isEqualTo("mirror/bifrost:1");
    assertThat(image(GatewayObjects.deployment(bif, List.of(A), "h", Images.defaults())))
        .endsWith(":" + GatewayNames.BIFROST_VERSION);
    bif.getSpec().setImage("own/bifrost:2");
    assertThat(image(GatewayObjects.deployment(bif, List.of(A), "h", local))).isEqualTo("own/bifrost:2");
  }

  @Test
  void renderedVersionsAreTheVersionsTheGatewayTestsAndClusterImagesRun() {
    // The loopback tests and the cluster images use e2e/scripts/versions.sh; the config the
    // renderers write must be for those same releases.
    assertThat(GatewayNames.LITELLM_VERSION).isEqualTo(RealParts.pin("versions.sh", "LITELLM_VERSION"));
    assertThat(GatewayNames.BIFROST_VERSION).isEqualTo(RealParts.pin("versions.sh", "BIFROST_VERSION"));
  }

  private static String image(Deployment d) {
    return d.getSpec().getTemplate().getSpec().getContainers().get(0).getImage();
  }

  @Test
  void liteLlmDeploymentProbesEnvConfigHashAndNoSecretValues() {
    GatewayProfile p = Profiles.profile(Type.LiteLLM, "pool-a");
    String config = GatewayObjects.renderConfig(p.getSpec(), List.of(A, EXT));
    String hash = GatewayObjects.configHash(config);
    Deployment d = GatewayObjects.deployment(p, List.of(A, EXT), hash, Images.defaults());
    assertThat(d.getMetadata().getName()).isEqualTo("gw-gateway");
    assertThat(d.getMetadata().getOwnerReferences()).singleElement()
        .satisfies(o -> assertThat(o.getController()).isTrue());
    assertThat(d.getSpec().getTemplate().getMetadata().getAnnotations()).containsEntry("crossover.dev/config-hash", hash);
    assertThat(d.getSpec().getSelector().getMatchLabels()).isEqualTo(d.getSpec().getTemplate().getMetadata().getLabels()
        .entrySet().stream().filter(e -> d.getSpec().getSelector().getMatchLabels().containsKey(e.getKey()))
        .collect(java.util.stream.Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue)));
    Container c = d.getSpec().getTemplate().getSpec().getContainers().get(0);
    assertThat(c.getImage()).isEqualTo(Images.defaults().litellm());
    assertThat(c.getArgs()).containsSequence("--config", "/etc/litellm/config.yaml").containsSequence("--port", "4000");
    assertThat(c.getLivenessProbe().getHttpGet().getPath()).isEqualTo("/health/liveliness");
    assertThat(c.getReadinessProbe().getHttpGet().getPath()).isEqualTo("/health/readiness");
    assertThat(c.getStartupProbe().getHttpGet().getPath()).isEqualTo("/health/liveliness");
    // Never /health: it calls every model.
    assertThat(List.of(c.getLivenessProbe(), c.getReadinessProbe(), c.getStartupProbe()))
        .allSatisfy(pr -> assertThat(pr.getHttpGet().getPath()).isNotEqualTo("/health"));
    EnvVar master = c.getEnv().stream().filter(e -> e.getName().equals("LITELLM_MASTER_KEY")).findFirst().orElseThrow();
    assertThat(master.getValue()).isNull();
    assertThat(master.getValueFrom().getSecretKeyRef().getName()).isEqualTo("gw-master-key");
    assertThat(master.getValueFrom().getSecretKeyRef().getKey()).isEqualTo("masterKey");
    EnvVar ext = c.getEnv().stream().filter(e -> e.getName().equals("CROSSOVER_BACKEND_1_API_KEY")).findFirst().orElseThrow();
    assertThat(ext.getValueFrom().getSecretKeyRef().getName()).isEqualTo("ext-key");
    assertThat(ext.getValueFrom().getSecretKeyRef().getKey()).isEqualTo("apiKey");
    assertThat(c.getEnv()).anySatisfy(e -> {
      assertThat(e.getName()).isEqualTo("LITELLM_TELEMETRY");
      assertThat(e.getValue()).isEqualTo("False");
    });
    assertThat(c.getEnv()).anySatisfy(e -> assertThat(e.getName()).isEqualTo("LITELLM_LOCAL_MODEL_COST_MAP"));
    assertThat(c.getVolumeMounts()).anySatisfy(m -> {
      assertThat(m.getMountPath()).isEqualTo("/etc/litellm/config.yaml");
      assertThat(m.getSubPath()).isEqualTo("config.yaml");
    });
  }

  @Test
  void aConfigChangeChangesThePodTemplate() {
    GatewayProfile p = Profiles.profile(Type.Bifrost, "pool-a");
    String h1 = GatewayObjects.configHash(GatewayObjects.renderConfig(p.getSpec(), List.of(A)));
    ResolvedTarget moved = ResolvedTarget.openAI("pool-a", ResolvedTarget.Kind.Platform, "http://a2:8000/v1", "llama", 3);
    String h2 = GatewayObjects.configHash(GatewayObjects.renderConfig(p.getSpec(), List.of(moved)));
    assertThat(h1).hasSize(64).isNotEqualTo(h2);
    assertThat(GatewayObjects.configHash(GatewayObjects.renderConfig(p.getSpec(), List.of(A)))).isEqualTo(h1);
    Deployment d1 = GatewayObjects.deployment(p, List.of(A), h1, Images.defaults());
    Deployment d2 = GatewayObjects.deployment(p, List.of(moved), h2, Images.defaults());
    assertThat(d1.getSpec().getTemplate()).isNotEqualTo(d2.getSpec().getTemplate());
  }

  @Test
  void bifrostDeploymentServiceAndTenantSecrets() {
    GatewayProfile p = Profiles.profile(Type.Bifrost, "pool-a");
    p.getSpec().setTenants(List.of(Profiles.tenant("team-a", 5, null, null, null)));
    p.getSpec().getTenants().get(0).setKeySecretRef(new SecretKeyRef("team-a-key", "k"));
    p.getSpec().setTenants(List.of(p.getSpec().getTenants().get(0), Profiles.tenant("team-b", 5, null, null, null)));
    BifrostSpec bs = new BifrostSpec();
    bs.setLogLevel(BifrostSpec.LogLevel.warn);
    p.getSpec().setBifrost(bs);
    Deployment d = GatewayObjects.deployment(p, List.of(A), "h", Images.defaults());
    Container c = d.getSpec().getTemplate().getSpec().getContainers().get(0);
    assertThat(c.getImage()).isEqualTo(Images.defaults().bifrost());
    assertThat(c.getArgs()).containsSequence("-app-dir", "/app/data").containsSequence("-port", "8080")
        .containsSequence("-log-level", "warn");
    assertThat(c.getLivenessProbe().getHttpGet().getPath()).isEqualTo("/health");
    assertThat(c.getReadinessProbe().getHttpGet().getPath()).isEqualTo("/health");
    assertThat(c.getVolumeMounts()).anySatisfy(m -> assertThat(m.getMountPath()).isEqualTo("/app/data/config.json"));
    Map<String, String> env = new java.util.HashMap<>();
    c.getEnv().forEach(e -> env.put(e.getName(), e.getValueFrom().getSecretKeyRef().getName() + "/" + e.getValueFrom().getSecretKeyRef().getKey()));
    assertThat(env).containsEntry("BIFROST_MASTER_KEY", "gw-master-key/masterKey")
        .containsEntry("CROSSOVER_TENANT_0_KEY", "team-a-key/k")
        .containsEntry("CROSSOVER_TENANT_1_KEY", "gw-tenant-team-b/apiKey");
    Service s = GatewayObjects.service(p);
    assertThat(s.getSpec().getPorts()).singleElement().satisfies(port -> assertThat(port.getPort()).isEqualTo(8080));
    assertThat(s.getSpec().getSelector()).isEqualTo(d.getSpec().getSelector().getMatchLabels());
    assertThat(GatewayObjects.endpoint(p)).isEqualTo("http://gw-gateway.bench.svc:8080/v1");
  }

  @Test
  void generatedKeysHaveTheGatewaysPrefixAndLiveOnlyInTheSecret() {
    GatewayProfile p = Profiles.profile(Type.Bifrost, "pool-a");
    String k1 = GatewayNames.newKey(Type.Bifrost);
    assertThat(k1).startsWith("sk-bf-").hasSizeGreaterThan(40).isNotEqualTo(GatewayNames.newKey(Type.Bifrost));
    assertThat(GatewayNames.newKey(Type.LiteLLM)).startsWith("sk-").doesNotStartWith("sk-bf-");
    Secret s = GatewayObjects.generatedKeySecret(p, "gw-master-key", "masterKey", k1);
    assertThat(s.getStringData()).containsEntry("masterKey", k1);
    assertThat(GatewayObjects.renderConfig(p.getSpec(), List.of(A))).doesNotContain(k1);
    assertThat(GatewayObjects.deployment(p, List.of(A), "h", Images.defaults()).toString()).doesNotContain(k1);
  }
}
