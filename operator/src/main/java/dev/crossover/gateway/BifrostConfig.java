package dev.crossover.gateway;

import dev.crossover.api.v1alpha1.GatewayProfileSpec;
import dev.crossover.api.v1alpha1.SemanticCacheSpec;
import dev.crossover.api.v1alpha1.TenantSpec;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Bifrost config.json (file mode: config.json is the source of truth), a pure function of the spec and the resolved
 * backends. Schema: transports/config.schema.json of the pinned Bifrost version.
 *
 * <ul>
 *   <li>Self-managed and external OpenAI-compatible backends are keys of Bifrost's built-in
 *       {@code vllm} provider, one key per URL, each with its own {@code vllm_key_config.url}
 *       (the base without /v1) and {@code weight}: Bifrost picks a key per request by weight,
 *       which is its load balancing. With {@code bifrost.balance: Pods} the URLs are the model
 *       server pods and the backend's weight is split evenly across them.
 *   <li>Bedrock backends are keys of the {@code bedrock} provider (region; credentials from the
 *       pod's AWS identity).
 *   <li>Keys: inference requires a virtual key ({@code client.enforce_auth_on_inference}). The
 *       master key is an unlimited virtual key; each tenant is a virtual key with its own rate
 *       limit (requests and tokens per minute) and budget. Key values are {@code env.VAR}
 *       references filled from Secrets, never literals.
 *   <li>No calls out: the pricing, model-parameter and MCP catalogs are local files
 *       ({@link #CATALOG_FILES}), and no exporter plugin is enabled; /metrics is served by the
 *       built-in telemetry plugin.
 *   <li>Semantic cache ({@code spec.semanticCache}): Bifrost's {@code semantic_cache} plugin on a
 *       top-level {@code vector_store} of type redis. The embedder is one more key of the
 *       {@code vllm} provider, known inside the gateway as
 *       {@link SemanticCacheSettings#EMBEDDER_MODEL} (an alias of the real model), which no
 *       virtual key allows, so clients cannot call it; the plugin's own embedding call bypasses
 *       governance. keyBy SystemPrompt sets {@code exclude_system_prompt} and no default key
 *       (clients send {@code x-bf-cache-key}); Profile sets a default key and keeps the system
 *       prompt in. Hits show in {@code extra_fields.cache_debug} and
 *       {@code bifrost_cache_hits_total}. Bifrost skips caching for conversations of more than
 *       3 messages (its conversation_history_threshold default).
 * </ul>
 *
 * <p>Clients send the bare model name, as to vLLM directly: the virtual keys' weighted provider
 * configs route it to the provider whose keys serve it. {@code vllm/<model>} works too.
 */
public final class BifrostConfig {
  private BifrostConfig() {}

  public static final String SCHEMA = "https://www.getbifrost.ai/schema";
  /**
   * Catalogs Bifrost would otherwise download at start (pricing datasheet, model parameters, MCP
   * library): local files beside config.json, read relative to the working directory (the app
   * dir). Without a config store Bifrost refuses to start when the pricing catalog cannot be
   * loaded, so it gets an empty one: self-hosted models cost $0 to Bifrost, and tenant budgets
   * count no spend for them (rate limits are what bounds a tenant on vLLM).
   */
  public static final Map<String, String> CATALOG_FILES = Map.of(
      "pricing.json", "{}\n",
      "model-parameters.json", "{}\n",
      "mcp-library.json", "[]\n");
  static final String MASTER_VK_ID = "crossover-master";


  public static String render(GatewayProfileSpec spec, List<ResolvedTarget> targets) {
    return dev.crossover.operator.ConfigFiles.json(model(spec, targets)) + "\n";
  }

  /** The config as a map (what render writes), for tests and hashing. */
  public static Map<String, Object> model(GatewayProfileSpec spec, List<ResolvedTarget> targets) {
    Map<String, Object> root = new LinkedHashMap<>();
    root.put("$schema", SCHEMA);
    root.put("source_of_truth", "config.json");

    Map<String, Object> client = new LinkedHashMap<>();
    client.put("enforce_auth_on_inference", true);
    client.put("enable_logging", false);
    client.put("disable_content_logging", true);
    client.put("drop_excess_requests", false);
    client.put("initial_pool_size", 1000);
    root.put("client", client);

    Map<String, Object> pricing = new LinkedHashMap<>();
    pricing.put("pricing_url", "file:./pricing.json");
    pricing.put("model_parameters_url", "file:./model-parameters.json");
    pricing.put("mcp_library_url", "file:./mcp-library.json");
    root.put("framework", Map.of("pricing", pricing));

    Map<String, Object> providers = new LinkedHashMap<>();
    List<Map<String, Object>> vllmKeys = new ArrayList<>();
    List<Map<String, Object>> bedrockKeys = new ArrayList<>();
    Set<String> vllmModels = new LinkedHashSet<>();
    Set<String> bedrockModels = new LinkedHashSet<>();
    for (int i = 0; i < targets.size(); i++) {
      ResolvedTarget t = targets.get(i);
      if (t.kind() == ResolvedTarget.Kind.Bedrock) {
        Map<String, Object> key = new LinkedHashMap<>();
        key.put("name", t.name());
        key.put("value", "");
        key.put("models", List.of(t.model()));
        key.put("weight", t.weight());
        Map<String, Object> cfg = new LinkedHashMap<>();
        if (t.region() != null) {
          cfg.put("region", t.region());
        }
        key.put("bedrock_key_config", cfg);
        bedrockKeys.add(key);
        bedrockModels.add(t.model());
        continue;
      }
      int n = t.baseUrls().size();
      for (int u = 0; u < n; u++) {
        Map<String, Object> key = new LinkedHashMap<>();
        key.put("name", n == 1 ? t.name() : t.name() + "-" + u);
        key.put("value", t.apiKeySecret() == null ? "" : "env." + GatewayNames.backendKeyEnv(i));
        key.put("models", List.of(t.model()));
        key.put("weight", weightShare(t.weight(), n));
        key.put("vllm_key_config", Map.of(
            "url", ResolvedTarget.withoutV1(t.baseUrls().get(u)),
            "model_name", t.model()));
        vllmKeys.add(key);
      }
      vllmModels.add(t.model());
    }
    SemanticCacheSpec cache = spec.getSemanticCache();
    if (cache != null) {
      vllmKeys.add(embedderKey(cache));
    }
    Map<String, Object> network = new LinkedHashMap<>();
    // Model servers sit on the pod network (RFC 1918 addresses); Bifrost blocks those otherwise.
    network.put("allow_private_network", true);
    network.put("max_retries", 0);
    network.put("default_request_timeout_in_seconds", 600);
    if (!vllmKeys.isEmpty()) {
      Map<String, Object> vllm = new LinkedHashMap<>();
      vllm.put("keys", vllmKeys);
      vllm.put("network_config", network);
      vllm.put("concurrency_and_buffer_size", Map.of("concurrency", 1000, "buffer_size", 5000));
      providers.put("vllm", vllm);
    }
    if (!bedrockKeys.isEmpty()) {
      Map<String, Object> bedrock = new LinkedHashMap<>();
      bedrock.put("keys", bedrockKeys);
      bedrock.put("network_config", Map.of("max_retries", 0));
      providers.put("bedrock", bedrock);
    }
    root.put("providers", providers);

    List<Map<String, Object>> providerConfigs = new ArrayList<>();
    if (!vllmModels.isEmpty()) {
      providerConfigs.add(providerConfig("vllm", vllmModels));
    }
    if (!bedrockKeys.isEmpty()) {
      providerConfigs.add(providerConfig("bedrock", bedrockModels));
    }

    List<Map<String, Object>> virtualKeys = new ArrayList<>();
    List<Map<String, Object>> rateLimits = new ArrayList<>();
    List<Map<String, Object>> budgets = new ArrayList<>();
    virtualKeys.add(virtualKey(MASTER_VK_ID, "master", "env." + GatewayNames.BIFROST_MASTER_KEY_ENV,
        "Unlimited key of the GatewayProfile (its master key)", null, providerConfigs));
    List<TenantSpec> tenants = spec.getTenants() == null ? List.of() : spec.getTenants();
    for (int i = 0; i < tenants.size(); i++) {
      TenantSpec t = tenants.get(i);
      String id = "tenant-" + t.getName();
      String rateLimitId = null;
      if (t.getRequestsPerMinute() != null || t.getTokensPerMinute() != null) {
        rateLimitId = id + "-rate";
        Map<String, Object> rl = new LinkedHashMap<>();
        rl.put("id", rateLimitId);
        if (t.getRequestsPerMinute() != null) {
          rl.put("request_max_limit", t.getRequestsPerMinute());
          rl.put("request_reset_duration", "1m");
        }
        if (t.getTokensPerMinute() != null) {
          rl.put("token_max_limit", t.getTokensPerMinute());
          rl.put("token_reset_duration", "1m");
        }
        rateLimits.add(rl);
      }
      if (t.getBudgetUSD() != null) {
        Map<String, Object> b = new LinkedHashMap<>();
        b.put("id", id + "-budget");
        b.put("max_limit", new BigDecimal(t.getBudgetUSD()));
        b.put("reset_duration", t.getBudgetPeriod() == null ? "1M" : t.getBudgetPeriod());
        b.put("virtual_key_id", id);
        budgets.add(b);
      }
      virtualKeys.add(virtualKey(id, t.getName(), "env." + GatewayNames.tenantKeyEnv(i),
          "Tenant " + t.getName(), rateLimitId, providerConfigs));
    }
    Map<String, Object> governance = new LinkedHashMap<>();
    if (!budgets.isEmpty()) {
      governance.put("budgets", budgets);
    }
    if (!rateLimits.isEmpty()) {
      governance.put("rate_limits", rateLimits);
    }
    governance.put("virtual_keys", virtualKeys);
    root.put("governance", governance);

    // Prometheus /metrics (the telemetry plugin); no push gateway; the semantic cache if asked for.
    List<Map<String, Object>> plugins = new ArrayList<>();
    plugins.add(Map.of("name", "telemetry", "enabled", true, "config", Map.of()));
    if (cache != null) {
      plugins.add(Map.of("name", "semantic_cache", "enabled", true, "config", semanticCache(spec, targets)));
      root.put("vector_store", vectorStore(cache));
    }
    root.put("plugins", plugins);
    // Bifrost's governance (virtual keys, limits) needs a config store; a SQLite file in the pod's
    // writable app dir, rebuilt from this file at every start (config.json is authoritative).
    // Counters live in that pod: with several replicas each enforces the limits on its share.
    Map<String, Object> store = new LinkedHashMap<>();
    store.put("enabled", true);
    store.put("type", "sqlite");
    store.put("config", Map.of("path", "./config.db"));
    root.put("config_store", store);
    root.put("logs_store", Map.of("enabled", false));
    return root;
  }

  /** The embedder as a key of the vllm provider, under its gateway-internal alias. */
  private static Map<String, Object> embedderKey(SemanticCacheSpec cache) {
    var openAI = cache.getEmbeddings().getOpenAI();
    Map<String, Object> key = new LinkedHashMap<>();
    key.put("name", "semantic-cache-embedder");
    key.put("value", openAI.getApiKeySecretRef() == null ? "" : "env." + SemanticCacheSettings.EMBEDDER_KEY_ENV);
    key.put("models", List.of(SemanticCacheSettings.EMBEDDER_MODEL));
    key.put("weight", 1);
    key.put("vllm_key_config", Map.of(
        "url", ResolvedTarget.withoutV1(openAI.getUrl()),
        "model_name", SemanticCacheSettings.EMBEDDER_MODEL));
    // The alias is what the plugin asks for; the embedder receives its own model name.
    key.put("aliases", Map.of(SemanticCacheSettings.EMBEDDER_MODEL, openAI.getModel()));
    return key;
  }

  /** The semantic_cache plugin's config (plugins/semanticcache Config of the pinned version). */
  static Map<String, Object> semanticCache(GatewayProfileSpec spec, List<ResolvedTarget> targets) {
    SemanticCacheSpec cache = spec.getSemanticCache();
    Map<String, Object> c = new LinkedHashMap<>();
    c.put("provider", "vllm");
    c.put("embedding_model", SemanticCacheSettings.EMBEDDER_MODEL);
    c.put("dimension", cache.getEmbeddings().getDimension());
    c.put("threshold", cache.getSimilarityThreshold());
    c.put("ttl", SemanticCacheSettings.ttl(cache));
    c.put("vector_store_namespace", SemanticCacheSettings.namespace(spec, targets));
    c.put("cache_by_model", true);
    c.put("cache_by_provider", true);
    switch (cache.getKeyBy()) {
      case SystemPrompt -> c.put("exclude_system_prompt", true);
      case Profile -> {
        c.put("exclude_system_prompt", false);
        c.put("default_cache_key", SemanticCacheSettings.PROFILE_CACHE_KEY);
      }
      case Tenant -> throw new IllegalArgumentException(
          "keyBy Tenant is refused at admission for Bifrost: its cache plugin cannot partition by virtual key");
    }
    return c;
  }

  /** Bifrost's vector_store section: a Redis-protocol store with FT.* vector search. */
  private static Map<String, Object> vectorStore(SemanticCacheSpec cache) {
    Map<String, Object> cfg = new LinkedHashMap<>();
    cfg.put("addr", cache.getVectorStore().getAddress());
    if (cache.getVectorStore().getPasswordSecretRef() != null) {
      cfg.put("password", "env." + SemanticCacheSettings.STORE_PASSWORD_ENV);
    }
    Map<String, Object> store = new LinkedHashMap<>();
    store.put("enabled", true);
    store.put("type", switch (cache.getVectorStore().getType() == null
        ? dev.crossover.api.v1alpha1.SemanticCacheStore.Type.Redis : cache.getVectorStore().getType()) {
      case Redis -> "redis";
    });
    store.put("config", cfg);
    return store;
  }

  /** Each of n pods of a backend gets an equal share of its weight, so backends keep their ratio. */
  static Number weightShare(int weight, int n) {
    if (n == 1) {
      return weight;
    }
    return BigDecimal.valueOf(weight).divide(BigDecimal.valueOf(n), 6, java.math.RoundingMode.HALF_EVEN)
        .stripTrailingZeros();
  }

  private static Map<String, Object> providerConfig(String provider, Set<String> models) {
    Map<String, Object> pc = new LinkedHashMap<>();
    pc.put("provider", provider);
    // A weight makes governance route a bare model name (no provider/ prefix) to this provider,
    // so clients send the same model name as to vLLM directly.
    pc.put("weight", 1);
    pc.put("allowed_models", List.copyOf(models));
    pc.put("key_ids", List.of("*"));
    return pc;
  }

  private static Map<String, Object> virtualKey(String id, String name, String value, String description,
      String rateLimitId, List<Map<String, Object>> providerConfigs) {
    Map<String, Object> vk = new LinkedHashMap<>();
    vk.put("id", id);
    vk.put("name", name);
    vk.put("description", description);
    vk.put("value", value);
    vk.put("is_active", true);
    if (rateLimitId != null) {
      vk.put("rate_limit_id", rateLimitId);
    }
    vk.put("provider_configs", providerConfigs);
    return vk;
  }
}
