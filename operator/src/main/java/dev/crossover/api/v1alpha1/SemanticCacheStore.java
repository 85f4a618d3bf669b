package dev.crossover.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Default;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.Size;
import lombok.Data;

/** Where a semantic cache keeps its entries. */
@Data
@JsonInclude(JsonInclude.Include.NON_NULL)
public class SemanticCacheStore {

  /** Kinds of vector store both gateways can use. */
  public enum Type { Redis }

  @Default("Redis")
  @JsonPropertyDescription("Redis: the Redis protocol with FT.* vector search (Redis with RediSearch, or Valkey with a search module). The only kind both gateways support here.")
  private Type type;

  @Required
  @Size(min = 3, max = 260)
  @Pattern("^[A-Za-z0-9]([-A-Za-z0-9.]*[A-Za-z0-9])?:[0-9]{1,5}$")
  @JsonPropertyDescription("host:port of the store, e.g. valkey.cache.svc:6379.")
  private String address;

  @JsonPropertyDescription("Secret with the store's password (default key: password). Absent: no AUTH.")
  private SecretKeyRef passwordSecretRef;
}
