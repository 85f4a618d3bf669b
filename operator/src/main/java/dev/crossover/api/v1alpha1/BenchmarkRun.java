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
 * One benchmark: load against each target in turn, then latency, throughput, cost per token and
 * the break-even points between self-managed and managed serving, in status and in a report.
 */
@Group(ApiGroup.GROUP)
@Version(ApiGroup.VERSION)
@ShortNames("br")
@Categories(ApiGroup.CATEGORY)
@AdditionalPrinterColumn(name = "Phase", jsonPath = ".status.phase", type = AdditionalPrinterColumn.Type.STRING)
@AdditionalPrinterColumn(name = "Progress", jsonPath = ".status.progress", type = AdditionalPrinterColumn.Type.STRING)
@AdditionalPrinterColumn(name = "Scenario", jsonPath = ".spec.scenario", type = AdditionalPrinterColumn.Type.STRING, priority = 1)
@AdditionalPrinterColumn(name = "Best TTFT p95 ms", jsonPath = ".status.summary.bestTtftP95Ms", type = AdditionalPrinterColumn.Type.NUMBER)
@AdditionalPrinterColumn(name = "Fastest", jsonPath = ".status.summary.fastestTarget", type = AdditionalPrinterColumn.Type.STRING, priority = 1)
@AdditionalPrinterColumn(name = "Break-even", jsonPath = ".status.summary.breakEvenBand", type = AdditionalPrinterColumn.Type.STRING)
@AdditionalPrinterColumn(name = "Cheapest", jsonPath = ".status.summary.cheapestTarget", type = AdditionalPrinterColumn.Type.STRING)
@AdditionalPrinterColumn(name = "Age", jsonPath = ".metadata.creationTimestamp", type = AdditionalPrinterColumn.Type.DATE)
@ValidationRule(
    value = "self.metadata.name.matches('^[a-z0-9]([-a-z0-9]*[a-z0-9])?$')",
    messageExpression = "'metadata.name ' + self.metadata.name + ' must be a DNS-1123 label (lowercase letters, digits and hyphens, starting and ending with a letter or digit; no dots): it names the load Jobs and the host names of their pods'",
    fieldPath = ".metadata.name")
public class BenchmarkRun extends CustomResource<BenchmarkRunSpec, BenchmarkRunStatus> implements Namespaced {

  /**
   * Longest metadata.name: load Job pods get the host name {@code <name>-t<target>-l<level>-<shard>}, which must fit in 63 characters.
   * CrdSchemaPatches puts it on the schema's metadata.name, which also bounds the cost of the
   * CEL rule that checks the name's form.
   */
  public static final int MAX_NAME_LENGTH = 50;

  /** Required: a resource without a spec has nothing to reconcile (and could not shed an immutable one). */
  @Override
  @Required
  public BenchmarkRunSpec getSpec() {
    return super.getSpec();
  }

  @Override
  protected BenchmarkRunStatus initStatus() {
    return new BenchmarkRunStatus();
  }
}
