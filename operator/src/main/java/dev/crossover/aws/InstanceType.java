package dev.crossover.aws;

/**
 * What Crossover needs to know of an EC2 GPU instance type.
 *
 * @param name         e.g. g5.2xlarge
 * @param gpus         GPUs per instance
 * @param gpuModel     e.g. NVIDIA A10G
 * @param gpuMemoryGiB memory of one GPU, GiB
 * @param vcpus        vCPUs per instance
 * @param memoryGiB    instance memory, GiB
 * @param source       where these figures come from (embedded catalog, or EC2 DescribeInstanceTypes and when)
 */
public record InstanceType(String name, int gpus, String gpuModel, double gpuMemoryGiB, int vcpus, double memoryGiB,
    String source) {

  /** An entry of the embedded catalog. */
  public InstanceType(String name, int gpus, String gpuModel, double gpuMemoryGiB, int vcpus, double memoryGiB) {
    this(name, gpus, gpuModel, gpuMemoryGiB, vcpus, memoryGiB,
        "embedded catalog, AWS accelerated-computing pages as of " + InstanceTypeCatalog.AS_OF);
  }

  public double totalGpuMemoryGiB() {
    return gpus * gpuMemoryGiB;
  }

  public String describe() {
    return "%s (%dx %s %s GiB)".formatted(name, gpus, gpuModel, trim(gpuMemoryGiB));
  }

  static String trim(double v) {
    return v == Math.rint(v) ? Long.toString((long) v) : String.format(java.util.Locale.ROOT, "%.1f", v);
  }
}
