package dev.crossover.platform;

import dev.crossover.operator.Images;
import dev.crossover.operator.Durations;
import dev.crossover.api.v1alpha1.EndpointPickerSpec;
import dev.crossover.api.v1alpha1.EngineSpec;
import dev.crossover.api.v1alpha1.InferencePlatform;
import dev.crossover.api.v1alpha1.InferencePlatformSpec;
import dev.crossover.api.v1alpha1.ModelSpec;
import dev.crossover.api.v1alpha1.NodeClassSpec;
import dev.crossover.api.v1alpha1.NodesSpec;
import dev.crossover.api.v1alpha1.RoutingSpec;
import dev.crossover.api.v1alpha1.SimulatorSpec;
import io.fabric8.kubernetes.api.model.Quantity;
import java.util.List;
import java.util.Optional;

/**
 * An InferencePlatform spec with every default applied in one place. The API server fills
 * defaults only inside objects that are present; this fills the rest, so renderers never
 * handle nulls.
 */
public record ResolvedPlatform(
    InferencePlatform source,
    PlatformNames names,
    String modelName,
    String servedName,
    int maxModelLen,
    EngineSpec.Type engine,
    String image,
    int replicas,
    int tensorParallelSize,
    double gpuMemoryUtilization,
    int maxNumSeqs,
    boolean prefixCaching,
    List<String> extraArgs,
    Quantity shmSize,
    Quantity modelCacheSize,
    long startupTimeoutSeconds,
    SimulatorSpec simulator,
    Optional<String> hfTokenSecret,
    String hfTokenKey,
    boolean provision,
    String instanceType,
    List<String> capacityTypes,
    int gpuLimit,
    String consolidateAfter,
    String expireAfter,
    NodeClassSpec.Kind nodeClassKind,
    Optional<String> existingNodeClass,
    String amiAlias,
    Optional<String> discoveryTag,
    Optional<String> nodeRole,
    Quantity dataVolumeSize,
    RoutingSpec.Mode routing,
    Optional<String> gatewayName,
    Optional<String> gatewayNamespace,
    String endpointPickerImage,
    String endpointPickerConfigApiVersion,
    String failureMode,
    int prefixCacheWeight,
    int queueWeight,
    int kvCacheUtilizationWeight) {

  public static final int MODEL_PORT = 8000;

  public static ResolvedPlatform of(InferencePlatform platform, Images images) {
    InferencePlatformSpec spec = platform.getSpec();
    ModelSpec model = spec.getModel();
    EngineSpec engine = Optional.ofNullable(spec.getEngine()).orElseGet(EngineSpec::new);
    NodesSpec nodes = Optional.ofNullable(spec.getNodes()).orElseGet(NodesSpec::new);
    NodeClassSpec nodeClass = Optional.ofNullable(nodes.getNodeClass()).orElseGet(NodeClassSpec::new);
    var ec2 = Optional.ofNullable(nodeClass.getEc2());
    RoutingSpec routing = Optional.ofNullable(spec.getRouting()).orElseGet(RoutingSpec::new);
    EndpointPickerSpec epp = Optional.ofNullable(routing.getEndpointPicker()).orElseGet(EndpointPickerSpec::new);

    EngineSpec.Type type = or(engine.getType(), EngineSpec.Type.vLLM);
    int replicas = or(engine.getReplicas(), 1);
    int tp = or(engine.getTensorParallelSize(), 1);
    String servedName = model.getServedName() != null ? model.getServedName() : model.getName();
    String defaultImage = type == EngineSpec.Type.Simulator ? images.simulator() : images.vllm();
    List<String> capacity = nodes.getCapacityTypes() == null || nodes.getCapacityTypes().isEmpty()
        ? List.of("on-demand")
        : nodes.getCapacityTypes().stream().map(c -> switch (c) {
          case ON_DEMAND -> "on-demand";
          case SPOT -> "spot";
          case RESERVED -> "reserved";
        }).toList();

    return new ResolvedPlatform(
        platform,
        new PlatformNames(platform),
        model.getName(),
        servedName,
        or(model.getMaxModelLen(), 8192),
        type,
        or(engine.getImage(), defaultImage),
        replicas,
        tp,
        or(engine.getGpuMemoryUtilization(), 0.9),
        or(engine.getMaxNumSeqs(), 256),
        or(engine.getEnablePrefixCaching(), true),
        or(engine.getExtraArgs(), List.of()),
        or(engine.getShmSize(), new Quantity("4Gi")),
        or(engine.getModelCacheSize(), new Quantity("100Gi")),
        Durations.seconds(or(engine.getStartupTimeout(), "30m")),
        or(engine.getSimulator(), new SimulatorSpec()),
        Optional.ofNullable(model.getHfTokenSecretRef()).map(r -> r.getName()),
        model.getHfTokenSecretRef() == null ? "token" : model.getHfTokenSecretRef().keyOr("token"),
        or(nodes.getProvision(), true),
        or(nodes.getInstanceType(), "g5.2xlarge"),
        capacity,
        or(nodes.getGpuLimit(), Math.max(1, replicas * tp)),
        or(nodes.getConsolidateAfter(), "5m"),
        or(nodes.getExpireAfter(), "720h"),
        or(nodeClass.getKind(), NodeClassSpec.Kind.EC2NodeClass),
        Optional.ofNullable(nodeClass.getName()),
        ec2.map(e -> e.getAmiAlias()).orElse("al2023@latest"),
        ec2.map(e -> e.getDiscoveryTag()),
        ec2.map(e -> e.getRole()),
        ec2.map(e -> e.getDataVolumeSize()).orElse(new Quantity("200Gi")),
        or(routing.getMode(), RoutingSpec.Mode.RoundRobin),
        Optional.ofNullable(routing.getGatewayRef()).map(r -> r.getName()),
        Optional.ofNullable(routing.getGatewayRef()).map(r -> r.namespaceOr(platform.getMetadata().getNamespace())),
        or(epp.getImage(), images.endpointPicker()),
        images.endpointPickerConfigApiVersion(),
        or(epp.getFailureMode(), EndpointPickerSpec.FailureMode.FailOpen).name(),
        or(epp.getPrefixCacheWeight(), 3),
        or(epp.getQueueWeight(), 2),
        or(epp.getKvCacheUtilizationWeight(), 2));
  }

  public boolean usesGpus() {
    return engine == EngineSpec.Type.vLLM;
  }

  public boolean prefixCacheAware() {
    return routing == RoutingSpec.Mode.PrefixCacheAware;
  }

  /** Whether Crossover creates the node class (rather than referencing an existing one). */
  public boolean createsNodeClass() {
    return provision && nodeClassKind == NodeClassSpec.Kind.EC2NodeClass && existingNodeClass.isEmpty();
  }

  public String nodeClassName() {
    return existingNodeClass.orElse(names.clusterScoped());
  }

  private static <T> T or(T value, T fallback) {
    return value != null ? value : fallback;
  }
}
