package dev.crossover.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Default;
import io.fabric8.generator.annotation.Max;
import io.fabric8.generator.annotation.Min;
import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.Size;
import io.fabric8.generator.annotation.ValidationRule;
import io.fabric8.kubernetes.api.model.ResourceRequirements;
import java.util.List;
import lombok.Data;

@Data
@JsonInclude(JsonInclude.Include.NON_NULL)
@ValidationRule(
    value = "self.type != 'Native' || (size(self.backends) == 1 && has(self.backends[0].platformRef))",
    message = "type Native has no gateway process: it needs exactly one backend, and that backend must be a platformRef",
    fieldPath = ".backends")
@ValidationRule(
    value = "self.type != 'Native' || !has(self.tenants)",
    message = "tenants need a gateway that enforces keys, budgets and rate limits: use LiteLLM or Bifrost, not Native",
    fieldPath = ".tenants")
@ValidationRule(
    value = "!has(self.litellm) || self.type == 'LiteLLM'",
    message = "litellm settings apply only to type LiteLLM",
    fieldPath = ".litellm")
@ValidationRule(
    value = "!has(self.bifrost) || self.type == 'Bifrost'",
    message = "bifrost settings apply only to type Bifrost",
    fieldPath = ".bifrost")
@ValidationRule(
    value = "self.backends.exists(b, !has(b.weight) || b.weight > 0)",
    message = "at least one backend needs a weight above 0: with every weight 0 no request has a backend to go to",
    fieldPath = ".backends")
@ValidationRule(
    value = "!has(self.semanticCache) || self.type != 'Native'",
    message = "semanticCache needs a gateway that runs the cache: use LiteLLM or Bifrost, not Native",
    fieldPath = ".semanticCache")
@ValidationRule(
    value = "!has(self.semanticCache) || self.type != 'Bifrost' || self.semanticCache.keyBy != 'Tenant'",
    message = "keyBy Tenant is not possible with Bifrost: its cache plugin cannot partition entries by virtual key; use SystemPrompt (clients send x-bf-cache-key) or Profile",
    fieldPath = ".semanticCache.keyBy")
@ValidationRule(
    value = "!has(self.semanticCache) || self.type != 'LiteLLM' || self.semanticCache.keyBy == 'Tenant'",
    message = "LiteLLM always partitions its semantic cache per API key and embeds the whole conversation, system prompt included: keyBy must be Tenant",
    fieldPath = ".semanticCache.keyBy")
public class GatewayProfileSpec {

  public enum Type { LiteLLM, Bifrost, Native }

  @Required
  @JsonPropertyDescription("LiteLLM (Python proxy), Bifrost (Go gateway), or Native (no gateway: the platform's own endpoint).")
  private Type type;

  @Required
  @Size(min = 1, max = 16)
  @JsonPropertyDescription("Where the gateway sends requests. Several backends are load-balanced by weight.")
  private List<GatewayBackend> backends;

  @Min(0)
  @Max(64)
  @Default("1")
  @JsonPropertyDescription("Gateway replicas.")
  private Integer replicas;

  @JsonPropertyDescription("Container image override. Defaults to the LiteLLM or Bifrost image Crossover is tested with.")
  @Size(max = 512)
  private String image;

  @JsonPropertyDescription("Secret with the gateway's admin/master key (default key: masterKey). When absent Crossover generates one into a Secret named <name>-master-key; the key never appears in status, events or logs.")
  private SecretKeyRef masterKeySecretRef;

  @Size(max = 32)
  @JsonPropertyDescription("Tenants: each gets its own API key with a budget and rate limits, enforced by the gateway.")
  private List<TenantSpec> tenants;

  @JsonPropertyDescription("LiteLLM-specific settings.")
  private LiteLLMSpec litellm;

  @JsonPropertyDescription("Bifrost-specific settings.")
  private BifrostSpec bifrost;

  @JsonPropertyDescription("Gateway container resources. Defaults fit a benchmark of a few hundred concurrent streams.")
  private ResourceRequirements resources;

  @JsonPropertyDescription("A semantic cache in the gateway: answers are stored in a vector store and served again for the same or a close enough question, without calling the model. Absent: no cache.")
  private SemanticCacheSpec semanticCache;
}
