package dev.crossover.aws;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Embedded facts about the GPU instance families Crossover plans for (g5, g6, g6e, p4d, p4de,
 * p5), used when EC2 DescribeInstanceTypes is not reachable. Figures are those AWS publishes on
 * its accelerated-computing instance pages, as of November 2026.
 */
public final class InstanceTypeCatalog {

  public static final String AS_OF = "2026-11";

  private static final List<InstanceType> EMBEDDED = List.of(
      new InstanceType("g5.xlarge", 1, "NVIDIA A10G", 24, 4, 16),
      new InstanceType("g5.2xlarge", 1, "NVIDIA A10G", 24, 8, 32),
      new InstanceType("g5.4xlarge", 1, "NVIDIA A10G", 24, 16, 64),
      new InstanceType("g5.8xlarge", 1, "NVIDIA A10G", 24, 32, 128),
      new InstanceType("g5.12xlarge", 4, "NVIDIA A10G", 24, 48, 192),
      new InstanceType("g5.16xlarge", 1, "NVIDIA A10G", 24, 64, 256),
      new InstanceType("g5.24xlarge", 4, "NVIDIA A10G", 24, 96, 384),
      new InstanceType("g5.48xlarge", 8, "NVIDIA A10G", 24, 192, 768),
      new InstanceType("g6.xlarge", 1, "NVIDIA L4", 24, 4, 16),
      new InstanceType("g6.2xlarge", 1, "NVIDIA L4", 24, 8, 32),
      new InstanceType("g6.12xlarge", 4, "NVIDIA L4", 24, 48, 192),
      new InstanceType("g6.48xlarge", 8, "NVIDIA L4", 24, 192, 768),
      new InstanceType("g6e.xlarge", 1, "NVIDIA L40S", 48, 4, 32),
      new InstanceType("g6e.2xlarge", 1, "NVIDIA L40S", 48, 8, 64),
      new InstanceType("g6e.12xlarge", 4, "NVIDIA L40S", 48, 48, 384),
      new InstanceType("g6e.48xlarge", 8, "NVIDIA L40S", 48, 192, 1536),
      new InstanceType("p4d.24xlarge", 8, "NVIDIA A100", 40, 96, 1152),
      new InstanceType("p4de.24xlarge", 8, "NVIDIA A100", 80, 96, 1152),
      new InstanceType("p5.48xlarge", 8, "NVIDIA H100", 80, 192, 2048));

  private final Map<String, InstanceType> byName;

  public InstanceTypeCatalog(List<InstanceType> types) {
    this.byName = types.stream().collect(Collectors.toUnmodifiableMap(InstanceType::name, Function.identity()));
  }

  public static InstanceTypeCatalog embedded() {
    return new InstanceTypeCatalog(EMBEDDED);
  }

  /**
   * This catalog with facts read from EC2 in place of the embedded ones of the same name (and any
   * type the embedded list lacks added): the live figures win, the embedded ones stay the offline default.
   */
  public InstanceTypeCatalog withLive(java.util.Collection<InstanceType> live) {
    Map<String, InstanceType> merged = new java.util.HashMap<>(byName);
    live.forEach(t -> merged.put(t.name(), t));
    return new InstanceTypeCatalog(List.copyOf(merged.values()));
  }

  public Optional<InstanceType> find(String name) {
    return Optional.ofNullable(byName.get(name));
  }

  /** Every type, fewest GPUs and least GPU memory first: the order to suggest alternatives in. */
  public List<InstanceType> smallestFirst() {
    return byName.values().stream()
        .sorted(Comparator.comparingDouble(InstanceType::totalGpuMemoryGiB)
            .thenComparingInt(InstanceType::gpus)
            .thenComparingInt(InstanceType::vcpus))
        .toList();
  }
}
