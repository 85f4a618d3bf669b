package dev.crossover.gateway;

import dev.crossover.api.v1alpha1.GatewayProfileSpec;
import dev.crossover.api.v1alpha1.LiteLLMSpec;
import dev.crossover.api.v1alpha1.SemanticCacheSpec;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * LiteLLM proxy config.yaml, a pure function of the spec and the resolved backends.
 *
 * <p>Model groups: each backend is a deployment in the group named after the model it serves, so
 * clients send the same model name through the gateway as they would to vLLM directly (paired
 * runs compare like with like), and backends serving the same model are balanced by weight
 * (simple-shuffle honours litellm_params.weight). Secrets are never written into the file: the
 * master key, backend API keys and the database URL are {@code os.environ/...} references filled
 * from Secrets by the Deployment.
 *
 * <p>Tenants: LiteLLM keeps virtual keys, budgets and rate limits only in its database; without
 * {@code litellm.databaseUrlSecretRef} it enforces the master key alone. This renderer wires the
 * database URL when given; see {@link #tenantsEnforceable(GatewayProfileSpec)}.
 *
 * <p>Semantic cache ({@code spec.semanticCache}): {@code cache: true} with cache_params type
 * {@code valkey-semantic}, which speaks FT.* over redis-py with TAG and VECTOR fields only, so it
 * runs on Valkey's search module and on RediSearch alike (type redis-semantic would need redisvl
 * and RediSearch's TEXT fields). The embedder is a model_list entry named
 * {@link SemanticCacheSettings#EMBEDDER_MODEL}, so the cache's embedding call goes through the
 * router. LiteLLM partitions semantic entries per API key and embeds the whole conversation,
 * system prompt included (keyBy Tenant, the only value admitted for LiteLLM). Only chat
 * completions are cached. Hits show in the x-litellm-semantic-similarity response header and the
 * litellm_cache_hits_metric counter.
 */
public final class LiteLlmConfig {
  private LiteLlmConfig() {}


  public static String render(GatewayProfileSpec spec, List<ResolvedTarget> targets) {
    return dev.crossover.operator.ConfigFiles.yaml(model(spec, targets));
  }

  /** The config as a map (what render writes), for tests and hashing. */
  public static Map<String, Object> model(GatewayProfileSpec spec, List<ResolvedTarget> targets) {
    LiteLLMSpec l = spec.getLitellm() == null ? new LiteLLMSpec() : spec.getLitellm();
    int timeoutSeconds = seconds(l.getTimeout() == null ? "600s" : l.getTimeout());
    int retries = l.getNumRetries() == null ? 0 : l.getNumRetries();

    List<Map<String, Object>> modelList = new ArrayList<>();
    for (int i = 0; i < targets.size(); i++) {
      ResolvedTarget t = targets.get(i);
      List<String> urls = t.kind() == ResolvedTarget.Kind.Bedrock ? List.of("") : t.baseUrls();
      for (int u = 0; u < urls.size(); u++) {
        Map<String, Object> params = new LinkedHashMap<>();
        switch (t.kind()) {
          case Platform -> {
            params.put("model", "hosted_vllm/" + t.model());
            params.put("api_base", ResolvedTarget.withV1(urls.get(u)));
          }
          case OpenAI -> {
            params.put("model", "openai/" + t.model());
            params.put("api_base", ResolvedTarget.withV1(urls.get(u)));
          }
          case Bedrock -> {
            params.put("model", "bedrock/" + t.model());
            if (t.region() != null) {
              params.put("aws_region_name", t.region());
            }
          }
        }
        if (t.apiKeySecret() != null) {
          params.put("api_key", "os.environ/" + GatewayNames.backendKeyEnv(i));
        } else if (t.kind() != ResolvedTarget.Kind.Bedrock) {
          // The OpenAI client LiteLLM uses refuses to send without a key; vLLM ignores it.
          params.put("api_key", "none");
        }
        params.put("weight", t.weight());
        params.put("timeout", timeoutSeconds);
        params.put("stream_timeout", timeoutSeconds);
        Map<String, Object> entry = new LinkedHashMap<>();
        entry.put("model_name", t.model());
        entry.put("litellm_params", params);
        entry.put("model_info", Map.of("id", urls.size() == 1 ? t.name() : t.name() + "-" + u));
        modelList.add(entry);
      }
    }

    SemanticCacheSpec cache = spec.getSemanticCache();
    if (cache != null) {
      modelList.add(embedderEntry(cache, timeoutSeconds));
    }

    Map<String, Object> router = new LinkedHashMap<>();
    router.put("routing_strategy", strategy(l.getRoutingStrategy()));
    router.put("num_retries", retries);
    router.put("timeout", timeoutSeconds);

    Map<String, Object> litellm = new LinkedHashMap<>();
    litellm.put("callbacks", List.of("prometheus"));
    litellm.put("num_retries", retries);
    litellm.put("request_timeout", timeoutSeconds);
    // No anonymous usage reporting (LITELLM_TELEMETRY=False is set in the environment too).
    litellm.put("telemetry", false);
    if (cache != null) {
      litellm.put("cache", true);
      litellm.put("cache_params", cacheParams(spec, targets));
    }

    Map<String, Object> general = new LinkedHashMap<>();
    general.put("master_key", "os.environ/" + GatewayNames.LITELLM_MASTER_KEY_ENV);
    if (l.getDatabaseUrlSecretRef() != null) {
      general.put("database_url", "os.environ/" + GatewayNames.DATABASE_URL_ENV);
    }

    Map<String, Object> root = new LinkedHashMap<>();
    root.put("model_list", modelList);
    root.put("router_settings", router);
    root.put("litellm_settings", litellm);
    root.put("general_settings", general);
    return root;
  }

  /** The embedder as a model group of its own, under the gateway-internal name. */
  private static Map<String, Object> embedderEntry(SemanticCacheSpec cache, int timeoutSeconds) {
    var openAI = cache.getEmbeddings().getOpenAI();
    Map<String, Object> params = new LinkedHashMap<>();
    params.put("model", "openai/" + openAI.getModel());
    params.put("api_base", ResolvedTarget.withV1(openAI.getUrl()));
    params.put("api_key", openAI.getApiKeySecretRef() == null ? "none" : "os.environ/" + SemanticCacheSettings.EMBEDDER_KEY_ENV);
    params.put("timeout", timeoutSeconds);
    Map<String, Object> entry = new LinkedHashMap<>();
    entry.put("model_name", SemanticCacheSettings.EMBEDDER_MODEL);
    entry.put("litellm_params", params);
    entry.put("model_info", Map.of("id", "semantic-cache-embedder", "mode", "embedding"));
    return entry;
  }

  /** litellm_settings.cache_params for the valkey-semantic cache (LiteLLM's Cache constructor). */
  static Map<String, Object> cacheParams(GatewayProfileSpec spec, List<ResolvedTarget> targets) {
    SemanticCacheSpec cache = spec.getSemanticCache();
    if (cache.getKeyBy() != SemanticCacheSpec.KeyBy.Tenant) {
      throw new IllegalArgumentException("keyBy " + cache.getKeyBy()
          + " is refused at admission for LiteLLM: it partitions per API key and embeds the system prompt");
    }
    Map<String, Object> p = new LinkedHashMap<>();
    p.put("type", switch (cache.getVectorStore().getType() == null
        ? dev.crossover.api.v1alpha1.SemanticCacheStore.Type.Redis : cache.getVectorStore().getType()) {
      case Redis -> "valkey-semantic";
    });
    p.put("host", SemanticCacheSettings.host(cache));
    p.put("port", SemanticCacheSettings.port(cache));
    if (cache.getVectorStore().getPasswordSecretRef() != null) {
      p.put("password", "os.environ/" + SemanticCacheSettings.STORE_PASSWORD_ENV);
    }
    p.put("similarity_threshold", cache.getSimilarityThreshold());
    p.put("valkey_semantic_cache_embedding_model", SemanticCacheSettings.EMBEDDER_MODEL);
    p.put("valkey_semantic_cache_index_name", SemanticCacheSettings.namespace(spec, targets));
    p.put("ttl", seconds(SemanticCacheSettings.ttl(cache)));
    // Chat completions only: the embedder's own calls and clients' embeddings are never cached.
    p.put("supported_call_types", List.of("acompletion", "completion"));
    return p;
  }

  /**
   * Whether LiteLLM can enforce the spec's tenants: it stores virtual keys, budgets and rate
   * limits in PostgreSQL only, so tenants need litellm.databaseUrlSecretRef.
   */
  public static boolean tenantsEnforceable(GatewayProfileSpec spec) {
    return spec.getTenants() == null || spec.getTenants().isEmpty()
        || (spec.getLitellm() != null && spec.getLitellm().getDatabaseUrlSecretRef() != null);
  }

  static String strategy(LiteLLMSpec.RoutingStrategy s) {
    if (s == null) {
      return "simple-shuffle";
    }
    return switch (s) {
      case SIMPLE_SHUFFLE -> "simple-shuffle";
      case LEAST_BUSY -> "least-busy";
      case USAGE_BASED_ROUTING_V2 -> "usage-based-routing-v2";
      case LATENCY_BASED_ROUTING -> "latency-based-routing";
      case COST_BASED_ROUTING -> "cost-based-routing";
    };
  }

  /** A duration like 600s, 10m or 1m30s in whole seconds (at least 1). */
  static int seconds(String duration) {
    return (int) Math.max(1, dev.crossover.operator.Durations.seconds(duration));
  }
}
