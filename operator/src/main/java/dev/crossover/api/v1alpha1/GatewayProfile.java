package dev.crossover.api.v1alpha1;

import io.fabric8.crd.generator.annotation.AdditionalPrinterColumn;
import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.ValidationRule;
import io.fabric8.kubernetes.api.model.Namespaced;
import io.fabric8.kubernetes.client.CustomResource;
import io.fabric8.kubernetes.model.annotation.Categories;
import io.fabric8.kubernetes.model.annotation.Group;
import io.fabric8.kubernetes.model.annotation.ShortNames;
import io.fabric8.kubernetes.model.annotation.Version;

/** An LLM gateway (LiteLLM or Bifrost) in front of one or more backends, or the native path with no extra hop. */
@Group(ApiGroup.GROUP)
@Version(ApiGroup.VERSION)
@ShortNames("gwp")
@Categories(ApiGroup.CATEGORY)
@AdditionalPrinterColumn(name = "Type", jsonPath = ".spec.type", type = AdditionalPrinterColumn.Type.STRING)
@AdditionalPrinterColumn(name = "Ready", jsonPath = ".status.conditions[?(@.type==\"Ready\")].status", type = AdditionalPrinterColumn.Type.STRING)
@AdditionalPrinterColumn(name = "Reason", jsonPath = ".status.conditions[?(@.type==\"Ready\")].reason", type = AdditionalPrinterColumn.Type.STRING)
@AdditionalPrinterColumn(name = "Endpoint", jsonPath = ".status.endpoint", type = AdditionalPrinterColumn.Type.STRING)
@AdditionalPrinterColumn(name = "Backends", jsonPath = ".status.resolvedBackendCount", type = AdditionalPrinterColumn.Type.INTEGER, priority = 1)
@AdditionalPrinterColumn(name = "Age", jsonPath = ".metadata.creationTimestamp", type = AdditionalPrinterColumn.Type.DATE)
@ValidationRule(
    value = "self.metadata.name.matches('^[a-z]([-a-z0-9]*[a-z0-9])?$')",
    messageExpression = "'metadata.name ' + self.metadata.name + ' must be a DNS-1035 label (lowercase letters, digits and hyphens, starting with a letter and ending with a letter or digit): it names the gateway Service <name>-gateway'",
    fieldPath = ".metadata.name")
public class GatewayProfile extends CustomResource<GatewayProfileSpec, GatewayProfileStatus> implements Namespaced {

  /**
   * Longest metadata.name: the gateway Service {@code <name>-gateway} must fit in 63 characters.
   * CrdSchemaPatches puts it on the schema's metadata.name, which also bounds the cost of the
   * CEL rule that checks the name's form.
   */
  public static final int MAX_NAME_LENGTH = 55;

  /** Required: a resource without a spec has nothing to reconcile (and could not shed an immutable one). */
  @Override
  @Required
  public GatewayProfileSpec getSpec() {
    return super.getSpec();
  }

  @Override
  protected GatewayProfileStatus initStatus() {
    return new GatewayProfileStatus();
  }
}
