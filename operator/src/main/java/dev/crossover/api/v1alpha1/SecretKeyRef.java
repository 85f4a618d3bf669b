package dev.crossover.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.Size;

/** A key of a Secret in the same namespace. Secret values never appear in status, events or logs. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class SecretKeyRef {

  @Required
  @Size(min = 1, max = 253)
  @Pattern(ApiGroup.DNS_SUBDOMAIN_PATTERN)
  @JsonPropertyDescription("Name of the Secret, in the namespace of the referring object.")
  private String name;

  @Size(min = 1, max = 253)
  @Pattern(ApiGroup.CONFIG_KEY_PATTERN)
  @JsonPropertyDescription("Key within the Secret (letters, digits, '-', '_' and '.'). Each field that takes a SecretKeyRef documents its default key.")
  private String key;

  public SecretKeyRef() {}

  public SecretKeyRef(String name, String key) {
    this.name = name;
    this.key = key;
  }

  public String getName() { return name; }
  public void setName(String name) { this.name = name; }
  public String getKey() { return key; }
  public void setKey(String key) { this.key = key; }

  public String keyOr(String defaultKey) {
    return key == null || key.isBlank() ? defaultKey : key;
  }
}
