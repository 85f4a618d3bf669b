package dev.crossover.gateway;

import dev.crossover.api.v1alpha1.SecretKeyRef;
import java.util.List;
import java.util.Objects;

/**
 * One backend of a GatewayProfile as the gateway is configured with it: the spec's backend after
 * resolution (a platform's endpoint looked up, or its pods for Bifrost's own balancing).
 *
 * @param name backend name from the spec
 * @param kind where requests go
 * @param baseUrls OpenAI-compatible base URLs including /v1 (one for a Service or external URL,
 *     one per pod when Bifrost balances across pods); empty for Bedrock
 * @param model model name sent to the backend (the Bedrock model id for Bedrock)
 * @param weight relative share of requests (spec weight, default 1)
 * @param apiKeySecret Secret key with a bearer token for the backend, or null
 * @param region AWS region for Bedrock, or null for the environment's default
 */
public record ResolvedTarget(String name, Kind kind, List<String> baseUrls, String model, int weight,
    SecretKeyRef apiKeySecret, String region) {

  public enum Kind { Platform, OpenAI, Bedrock }

  public ResolvedTarget {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(model, "model");
    baseUrls = baseUrls == null ? List.of() : List.copyOf(baseUrls);
    if (kind != Kind.Bedrock && baseUrls.isEmpty()) {
      throw new IllegalArgumentException("backend " + name + " has no URL");
    }
    if (weight < 0) {
      throw new IllegalArgumentException("backend " + name + " has a negative weight");
    }
  }

  public static ResolvedTarget openAI(String name, Kind kind, String baseUrl, String model, int weight) {
    return new ResolvedTarget(name, kind, List.of(baseUrl), model, weight, null, null);
  }

  public static ResolvedTarget bedrock(String name, String modelId, int weight, String region) {
    return new ResolvedTarget(name, Kind.Bedrock, List.of(), modelId, weight, null, region);
  }

  /** The base URL without a trailing slash or /v1 (Bifrost's vllm provider appends /v1/...). */
  static String withoutV1(String url) {
    String u = url.replaceAll("/+$", "");
    return u.endsWith("/v1") ? u.substring(0, u.length() - 3) : u;
  }

  /** The base URL ending in /v1, as LiteLLM's api_base wants it. */
  static String withV1(String url) {
    return withoutV1(url) + "/v1";
  }
}
