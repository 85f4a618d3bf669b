package dev.crossover.gateway;

import dev.crossover.api.v1alpha1.GatewayProfile;
import dev.crossover.api.v1alpha1.GatewayProfileSpec;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Locale;

/** Names, ports, images and environment variables the gateway renderers agree on. */
public final class GatewayNames {
  private GatewayNames() {}

  /**
   * Versions the rendered configuration is written for and the gateway tests run
   * (e2e/scripts/versions.sh pins the same ones; RenderersTest checks). The default images
   * are in {@link dev.crossover.operator.Images}.
   */
  public static final String LITELLM_VERSION = "1.100.5";
  public static final String BIFROST_VERSION = "v1.6.0";

  public static final int LITELLM_PORT = 4000;
  public static final int BIFROST_PORT = 8080;

  public static final String CONFIG_HASH_ANNOTATION = "crossover.dev/config-hash";
  public static final String PROFILE_LABEL = "crossover.dev/gatewayprofile";

  /** Key in a master-key Secret (the API's documented default). */
  public static final String MASTER_KEY_KEY = "masterKey";
  /** Key in a tenant Secret (the API's documented default). */
  public static final String TENANT_KEY_KEY = "apiKey";
  /** Key in a backend API-key Secret (the API's documented default). */
  public static final String BACKEND_KEY_KEY = "apiKey";
  /** Key in LiteLLM's database Secret (the API's documented default). */
  public static final String DATABASE_URL_KEY = "databaseUrl";

  public static final String LITELLM_MASTER_KEY_ENV = "LITELLM_MASTER_KEY";
  public static final String BIFROST_MASTER_KEY_ENV = "BIFROST_MASTER_KEY";
  public static final String DATABASE_URL_ENV = "DATABASE_URL";

  /** Deployment, Service and ConfigMap name. */
  public static String workload(GatewayProfile p) {
    return p.getMetadata().getName() + "-gateway";
  }

  public static String generatedMasterKeySecret(GatewayProfile p) {
    return p.getMetadata().getName() + "-master-key";
  }

  public static String generatedTenantSecret(GatewayProfile p, String tenant) {
    return p.getMetadata().getName() + "-tenant-" + tenant;
  }

  public static String configFile(GatewayProfileSpec.Type type) {
    return type == GatewayProfileSpec.Type.Bifrost ? "config.json" : "config.yaml";
  }

  public static int port(GatewayProfileSpec.Type type) {
    return type == GatewayProfileSpec.Type.Bifrost ? BIFROST_PORT : LITELLM_PORT;
  }

  /** Environment variable carrying tenant i's key (i from 0, in spec order). */
  public static String tenantKeyEnv(int i) {
    return "CROSSOVER_TENANT_" + i + "_KEY";
  }

  /** Environment variable carrying backend i's API key (i from 0, in spec order). */
  public static String backendKeyEnv(int i) {
    return "CROSSOVER_BACKEND_" + i + "_API_KEY";
  }

  public static String component(GatewayProfileSpec.Type type) {
    return type.name().toLowerCase(Locale.ROOT);
  }

  private static final SecureRandom RANDOM = new SecureRandom();

  /**
   * A new random key with the prefix the gateway expects: LiteLLM wants master keys starting with
   * "sk-"; Bifrost accepts virtual keys in Authorization: Bearer only with "sk-bf-".
   */
  public static String newKey(GatewayProfileSpec.Type type) {
    byte[] b = new byte[32];
    RANDOM.nextBytes(b);
    String body = Base64.getUrlEncoder().withoutPadding().encodeToString(b);
    return (type == GatewayProfileSpec.Type.Bifrost ? "sk-bf-" : "sk-") + body;
  }
}
