package dev.crossover.gateway;

import dev.crossover.api.v1alpha1.GatewayProfileSpec;
import dev.crossover.api.v1alpha1.SecretKeyRef;
import dev.crossover.api.v1alpha1.SemanticCacheSpec;
import java.util.List;

/**
 * What BifrostConfig, LiteLlmConfig and GatewayObjects share about a profile's semantic cache:
 * the embedder's model name inside the gateway, the environment variables secrets arrive in,
 * and the vector store namespace.
 */
public final class SemanticCacheSettings {
  private SemanticCacheSettings() {}

  /**
   * The model name the gateway knows the embedder by. A name of its own, not the embedding
   * model's, so it can never collide with a chat backend's model name (a collision would let
   * chat requests be routed to the embedder), and clients' virtual keys never list it.
   */
  public static final String EMBEDDER_MODEL = "crossover-semantic-cache-embedder";
  public static final String STORE_PASSWORD_ENV = "CROSSOVER_CACHE_STORE_PASSWORD";
  public static final String EMBEDDER_KEY_ENV = "CROSSOVER_CACHE_EMBEDDER_KEY";
  /** Default Secret key of vectorStore.passwordSecretRef. */
  public static final String STORE_PASSWORD_KEY = "password";
  /** Bifrost's default cache key for keyBy Profile (entries are namespaced per profile settings anyway). */
  public static final String PROFILE_CACHE_KEY = "profile";

  public static SemanticCacheSpec of(GatewayProfileSpec spec) {
    return spec.getSemanticCache();
  }

  public static SecretKeyRef storePassword(SemanticCacheSpec c) {
    SecretKeyRef r = c.getVectorStore().getPasswordSecretRef();
    return r == null ? null : new SecretKeyRef(r.getName(), r.keyOr(STORE_PASSWORD_KEY));
  }

  public static SecretKeyRef embedderKey(SemanticCacheSpec c) {
    SecretKeyRef r = c.getEmbeddings().getOpenAI().getApiKeySecretRef();
    return r == null ? null : new SecretKeyRef(r.getName(), r.keyOr(GatewayNames.BACKEND_KEY_KEY));
  }

  public static String ttl(SemanticCacheSpec c) {
    return c.getTtl() == null ? "5m" : c.getTtl();
  }

  public static String host(SemanticCacheSpec c) {
    String a = c.getVectorStore().getAddress();
    return a.substring(0, a.lastIndexOf(':'));
  }

  public static int port(SemanticCacheSpec c) {
    String a = c.getVectorStore().getAddress();
    return Integer.parseInt(a.substring(a.lastIndexOf(':') + 1));
  }

  /**
   * The vector store namespace (Bifrost's index, LiteLLM's index name): derived from everything
   * that decides what an entry is and when it is served (gateway type, key mode, threshold, TTL,
   * embedder, backends). Two profiles that differ in any of these (a threshold sweep, say) never
   * answer from each other's entries on a shared store; and a changed dimension gets a new index
   * instead of failing against the old one.
   */
  public static String namespace(GatewayProfileSpec spec, List<ResolvedTarget> targets) {
    SemanticCacheSpec c = spec.getSemanticCache();
    StringBuilder s = new StringBuilder()
        .append(spec.getType()).append('|').append(c.getKeyBy()).append('|').append(c.getSimilarityThreshold())
        .append('|').append(ttl(c)).append('|').append(c.getEmbeddings().getOpenAI().getUrl())
        .append('|').append(c.getEmbeddings().getOpenAI().getModel()).append('|').append(c.getEmbeddings().getDimension());
    for (ResolvedTarget t : targets) {
      s.append('|').append(t.name()).append('=').append(t.model());
    }
    return "crossover-semcache-" + GatewayObjects.configHash(s.toString()).substring(0, 12);
  }
}
