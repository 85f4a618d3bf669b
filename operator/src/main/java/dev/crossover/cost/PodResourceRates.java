package dev.crossover.cost;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.Map;
import java.util.Optional;

/**
 * What a vCPU-hour and a GiB-hour of pod requests cost on the cluster's CPU nodes. FACTS.md has no
 * figure, so the rates are either pinned by the user or derived from a CPU node type's hourly price,
 * and {@link #source()} says which.
 */
public record PodResourceRates(BigDecimal usdPerVcpuHour, BigDecimal usdPerGiBHour, String source) {

  /** The CPU node type support pods are assumed to run on unless the spec names another. */
  public static final String DEFAULT_NODE_TYPE = "m5.large";

  /** vCPUs and GiB of general-purpose types (AWS instance type pages), for deriving rates from their price. */
  static final Map<String, int[]> CPU_NODE_SHAPES = Map.of(
      "m5.large", new int[] {2, 8},
      "m5.xlarge", new int[] {4, 16},
      "m5.2xlarge", new int[] {8, 32},
      "m6i.large", new int[] {2, 8},
      "m6i.xlarge", new int[] {4, 16},
      "m7i.large", new int[] {2, 8},
      "c5.large", new int[] {2, 4},
      "r5.large", new int[] {2, 16});

  public PodResourceRates {
    if (usdPerVcpuHour.signum() < 0 || usdPerGiBHour.signum() < 0) {
      throw new IllegalArgumentException("Negative pod resource rate");
    }
  }

  /** vCPUs and GiB of a CPU node type, if known. */
  public static Optional<int[]> shape(String instanceType) {
    return Optional.ofNullable(CPU_NODE_SHAPES.get(instanceType));
  }

  /**
   * Half the node's hourly price spread over its vCPUs, half over its GiB: a pod requesting the
   * node's whole shape costs exactly the node, and neither resource is free. A convention, not an
   * AWS price: the source says so.
   */
  public static PodResourceRates derivedFrom(PriceQuote node, int vcpus, int gib) {
    BigDecimal half = node.usd().divide(BigDecimal.valueOf(2));
    BigDecimal perVcpu = half.divide(BigDecimal.valueOf(vcpus), MathContext.DECIMAL64);
    BigDecimal perGib = half.divide(BigDecimal.valueOf(gib), MathContext.DECIMAL64);
    return new PodResourceRates(perVcpu, perGib, "derived: half of " + node.key().sku() + " $" + node.usd().toPlainString()
        + "/h over its " + vcpus + " vCPU ($" + perVcpu.toPlainString() + "/vCPU-h), half over its " + gib + " GiB ($"
        + perGib.toPlainString() + "/GiB-h); node price " + node.provenance());
  }
}
