package dev.crossover.platform;

import dev.crossover.api.v1alpha1.NodeClassSpec;
import dev.crossover.platform.karpenter.EC2NodeClass;
import dev.crossover.platform.karpenter.EC2NodeClassSpec;
import dev.crossover.platform.karpenter.NodePool;
import dev.crossover.platform.karpenter.NodePoolSpec;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.TaintBuilder;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Renders the Karpenter NodePool and, when Crossover creates it, the EC2NodeClass. Pure. */
public final class NodePoolRenderer {

  public static final String INSTANCE_TYPE_LABEL = "node.kubernetes.io/instance-type";
  public static final String CAPACITY_TYPE_LABEL = "karpenter.sh/capacity-type";
  public static final String NODEPOOL_LABEL = "karpenter.sh/nodepool";
  public static final String GPU_RESOURCE = "nvidia.com/gpu";
  static final String DISCOVERY_TAG = "karpenter.sh/discovery";

  private NodePoolRenderer() {}

  public static Optional<NodePool> nodePool(ResolvedPlatform p) {
    if (!p.provision()) {
      return Optional.empty();
    }
    List<NodePoolSpec.Requirement> requirements = List.of(
        new NodePoolSpec.Requirement(INSTANCE_TYPE_LABEL, "In", List.of(p.instanceType())),
        new NodePoolSpec.Requirement(CAPACITY_TYPE_LABEL, "In", p.capacityTypes()));
    var spec = NodePoolSpec.TemplateSpec.builder()
        .nodeClassRef(nodeClassRef(p))
        .requirements(requirements)
        .expireAfter(p.expireAfter());
    Map<String, Quantity> limits = null;
    if (p.usesGpus()) {
      // Only pods tolerating the GPU taint land here: nothing else takes a GPU node's CPU.
      spec.taints(List.of(new TaintBuilder().withKey(GPU_RESOURCE).withValue("true").withEffect("NoSchedule").build()));
      limits = Map.of(GPU_RESOURCE, new Quantity(Integer.toString(p.gpuLimit())));
    }
    NodePool pool = new NodePool();
    pool.setMetadata(Owners.labelled(p, p.names().clusterScoped()));
    pool.setSpec(NodePoolSpec.builder()
        // Node labels may not use the kubernetes.io domain (Karpenter rejects it): only ours.
        .template(new NodePoolSpec.Template(new ObjectMetaBuilder()
            .addToLabels(PlatformNames.PLATFORM_LABEL, p.names().platform())
            .addToLabels(PlatformNames.PLATFORM_NAMESPACE_LABEL, p.names().namespace())
            .build(), spec.build()))
        // GPU nodes are expensive idle: remove them as soon as they hold no pods.
        .disruption(new NodePoolSpec.Disruption("WhenEmpty", p.consolidateAfter()))
        .limits(limits)
        .build());
    return Optional.of(pool);
  }

  static NodePoolSpec.NodeClassReference nodeClassRef(ResolvedPlatform p) {
    return p.nodeClassKind() == NodeClassSpec.Kind.KWOKNodeClass
        ? new NodePoolSpec.NodeClassReference("karpenter.kwok.sh", "KWOKNodeClass", p.nodeClassName())
        : new NodePoolSpec.NodeClassReference("karpenter.k8s.aws", "EC2NodeClass", p.nodeClassName());
  }

  /**
   * The EC2NodeClass Crossover creates, or empty when it references one (or provisions
   * nothing). Needs the discovery tag that selects subnets and security groups.
   */
  public static Optional<EC2NodeClass> ec2NodeClass(ResolvedPlatform p, String discoveryTag) {
    if (!p.createsNodeClass()) {
      return Optional.empty();
    }
    Map<String, String> discovery = Map.of(DISCOVERY_TAG, discoveryTag);
    // Bottlerocket keeps its OS on /dev/xvda and data (images, model cache) on /dev/xvdb.
    String dataDevice = p.amiAlias().startsWith("bottlerocket") ? "/dev/xvdb" : "/dev/xvda";
    EC2NodeClass nodeClass = new EC2NodeClass();
    nodeClass.setMetadata(Owners.labelled(p, p.nodeClassName()));
    nodeClass.setSpec(EC2NodeClassSpec.builder()
        .role(p.nodeRole().orElse("KarpenterNodeRole-" + discoveryTag))
        .amiSelectorTerms(List.of(EC2NodeClassSpec.SelectorTerm.builder().alias(p.amiAlias()).build()))
        .subnetSelectorTerms(List.of(EC2NodeClassSpec.SelectorTerm.builder().tags(discovery).build()))
        .securityGroupSelectorTerms(List.of(EC2NodeClassSpec.SelectorTerm.builder().tags(discovery).build()))
        .blockDeviceMappings(new ArrayList<>(List.of(new EC2NodeClassSpec.BlockDeviceMapping(dataDevice,
            new EC2NodeClassSpec.Ebs(p.dataVolumeSize(), "gp3", true, true)))))
        .tags(Map.of("crossover.dev/platform", p.names().namespace() + "/" + p.names().platform()))
        .build());
    return Optional.of(nodeClass);
  }
}
