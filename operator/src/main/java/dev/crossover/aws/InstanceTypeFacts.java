package dev.crossover.aws;

import java.time.Clock;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executor;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.GpuDeviceInfo;
import software.amazon.awssdk.services.ec2.model.InstanceTypeInfo;

/**
 * GPU count, GPU memory, vCPUs and memory of the instance types platforms ask for, from
 * ec2:DescribeInstanceTypes in the operator's region. The embedded {@link InstanceTypeCatalog}
 * stays the offline default: {@link #catalogWith} lays what EC2 said over it.
 */
public final class InstanceTypeFacts {

  public static final String DESCRIBE_INSTANCE_TYPES = "ec2:DescribeInstanceTypes";

  private final Optional<Ec2Client> ec2;
  private final Optional<FactCache<String, InstanceType>> cache;

  static InstanceTypeFacts off() {
    return new InstanceTypeFacts(Optional.empty(), Optional.empty());
  }

  private InstanceTypeFacts(Optional<Ec2Client> ec2, Optional<FactCache<String, InstanceType>> cache) {
    this.ec2 = ec2;
    this.cache = cache;
  }

  static InstanceTypeFacts using(Ec2Client ec2, AwsSettings settings, Executor executor, Clock clock) {
    return new InstanceTypeFacts(Optional.of(ec2), Optional.of(new FactCache<>(DESCRIBE_INSTANCE_TYPES,
        name -> describe(ec2, List.of(name), clock).stream().findFirst().orElseThrow(() -> notFound(name)),
        settings, executor, clock)));
  }

  /** One instance type's facts from EC2 (cached), or why not. */
  public Fetched<InstanceType> lookup(String instanceType) {
    return cache.map(c -> c.get(instanceType))
        .orElseGet(() -> new Fetched.Failed<>(AwsProblem.disabled(DESCRIBE_INSTANCE_TYPES)));
  }

  /** The embedded catalog with this type's EC2 facts laid over it when EC2 answered. */
  public InstanceTypeCatalog catalogWith(Fetched<InstanceType> fetched) {
    return fetched.known().map(t -> InstanceTypeCatalog.embedded().withLive(List.of(t)))
        .orElseGet(InstanceTypeCatalog::embedded);
  }

  /** Several types in one call (the paginator follows NextToken), uncached. */
  public List<InstanceType> describe(Collection<String> names, Clock clock) {
    return describe(ec2.orElseThrow(() -> new IllegalStateException("AWS is disabled")), names, clock);
  }

  static List<InstanceType> describe(Ec2Client ec2, Collection<String> names, Clock clock) {
    String fetched = "EC2 DescribeInstanceTypes, fetched " + clock.instant().truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
    return ec2.describeInstanceTypesPaginator(r -> r.instanceTypesWithStrings(names))
        .instanceTypes().stream()
        .map(info -> toFacts(info, fetched))
        .toList();
  }

  static InstanceType toFacts(InstanceTypeInfo info, String source) {
    List<GpuDeviceInfo> devices = info.gpuInfo() == null || !info.gpuInfo().hasGpus() ? List.of() : info.gpuInfo().gpus();
    int gpus = devices.stream().mapToInt(d -> d.count() == null ? 0 : d.count()).sum();
    String gpuModel = devices.isEmpty() ? "no GPU"
        : (devices.get(0).manufacturer() == null ? "" : devices.get(0).manufacturer() + " ") + devices.get(0).name();
    double gpuMemoryGiB;
    if (!devices.isEmpty() && devices.get(0).memoryInfo() != null && devices.get(0).memoryInfo().sizeInMiB() != null) {
      gpuMemoryGiB = devices.get(0).memoryInfo().sizeInMiB() / 1024.0;
    } else if (gpus > 0 && info.gpuInfo().totalGpuMemoryInMiB() != null) {
      gpuMemoryGiB = info.gpuInfo().totalGpuMemoryInMiB() / 1024.0 / gpus;
    } else {
      gpuMemoryGiB = 0;
    }
    int vcpus = info.vCpuInfo() == null || info.vCpuInfo().defaultVCpus() == null ? 0 : info.vCpuInfo().defaultVCpus();
    double memoryGiB = info.memoryInfo() == null || info.memoryInfo().sizeInMiB() == null ? 0
        : info.memoryInfo().sizeInMiB() / 1024.0;
    return new InstanceType(info.instanceTypeAsString(), gpus, gpuModel, gpuMemoryGiB, vcpus, memoryGiB, source);
  }

  private static RuntimeException notFound(String name) {
    return software.amazon.awssdk.services.ec2.model.Ec2Exception.builder()
        .statusCode(404)
        .awsErrorDetails(software.amazon.awssdk.awscore.exception.AwsErrorDetails.builder()
            .errorCode("InvalidInstanceType").errorMessage("EC2 does not offer " + name + " in this region").build())
        .build();
  }
}
