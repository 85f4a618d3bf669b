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

/**
 * GPUs, model server and router for self-managed inference: a Karpenter NodePool, a vLLM (or
 * llm-d-inference-sim) Deployment with its Service, and optionally the llm-d endpoint picker.
 */
@Group(ApiGroup.GROUP)
@Version(ApiGroup.VERSION)
@ShortNames("infp")
@Categories(ApiGroup.CATEGORY)
@AdditionalPrinterColumn(name = "Ready", jsonPath = ".status.conditions[?(@.type==\"Ready\")].status", type = AdditionalPrinterColumn.Type.STRING)
@AdditionalPrinterColumn(name = "Reason", jsonPath = ".status.conditions[?(@.type==\"Ready\")].reason", type = AdditionalPrinterColumn.Type.STRING)
@AdditionalPrinterColumn(name = "Engine", jsonPath = ".spec.engine.type", type = AdditionalPrinterColumn.Type.STRING)
@AdditionalPrinterColumn(name = "Instance", jsonPath = ".spec.nodes.instanceType", type = AdditionalPrinterColumn.Type.STRING)
@AdditionalPrinterColumn(name = "Replicas", jsonPath = ".status.readyReplicas", type = AdditionalPrinterColumn.Type.INTEGER)
@AdditionalPrinterColumn(name = "USD/h", jsonPath = ".status.hourlyCost.total", type = AdditionalPrinterColumn.Type.STRING)
@AdditionalPrinterColumn(name = "Endpoint", jsonPath = ".status.endpoint", type = AdditionalPrinterColumn.Type.STRING, priority = 1)
@AdditionalPrinterColumn(name = "Age", jsonPath = ".metadata.creationTimestamp", type = AdditionalPrinterColumn.Type.DATE)
@ValidationRule(
    value = "self.metadata.name.matches('^[a-z]([-a-z0-9]*[a-z0-9])?$')",
    messageExpression = "'metadata.name ' + self.metadata.name + ' must be a DNS-1035 label (lowercase letters, digits and hyphens, starting with a letter and ending with a letter or digit): it names the Services <name>-model and <name>-epp'",
    fieldPath = ".metadata.name")
public class InferencePlatform extends CustomResource<InferencePlatformSpec, InferencePlatformStatus>
    implements Namespaced {

  /**
   * Longest metadata.name: the model server Service {@code <name>-model} must fit in 63 characters.
   * CrdSchemaPatches puts it on the schema's metadata.name, which also bounds the cost of the
   * CEL rule that checks the name's form.
   */
  public static final int MAX_NAME_LENGTH = 57;

  /** Required: a resource without a spec has nothing to reconcile (and could not shed an immutable one). */
  @Override
  @Required
  public InferencePlatformSpec getSpec() {
    return super.getSpec();
  }

  @Override
  protected InferencePlatformStatus initStatus() {
    return new InferencePlatformStatus();
  }
}
