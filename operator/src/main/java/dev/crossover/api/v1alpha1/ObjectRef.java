package dev.crossover.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.Size;

/** A reference to another object by name, in the same namespace unless one is given. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class ObjectRef {

  @Required
  @Size(min = 1, max = 253)
  @Pattern(ApiGroup.DNS_SUBDOMAIN_PATTERN)
  @JsonPropertyDescription("Name of the referenced object (a DNS-1123 subdomain, as Kubernetes names are).")
  private String name;

  @Size(max = 63)
  @Pattern(ApiGroup.DNS_LABEL_PATTERN)
  @JsonPropertyDescription("Namespace of the referenced object; defaults to the namespace of the referring object.")
  private String namespace;

  public ObjectRef() {}

  public ObjectRef(String name) {
    this.name = name;
  }

  public String getName() { return name; }
  public void setName(String name) { this.name = name; }
  public String getNamespace() { return namespace; }
  public void setNamespace(String namespace) { this.namespace = namespace; }

  /** The namespace to look in: this reference's own, or the referrer's. */
  public String namespaceOr(String referrerNamespace) {
    return namespace == null || namespace.isBlank() ? referrerNamespace : namespace;
  }
}
