package dev.crossover.platform.karpenter;

import io.fabric8.kubernetes.client.CustomResource;
import io.fabric8.kubernetes.model.annotation.Group;
import io.fabric8.kubernetes.model.annotation.Kind;
import io.fabric8.kubernetes.model.annotation.Plural;
import io.fabric8.kubernetes.model.annotation.Version;

/**
 * Karpenter's NodePool (karpenter.sh/v1, cluster-scoped): the fields Crossover sets and reads,
 * named as in Karpenter's API types. Tests validate rendered NodePools against the real CRD.
 */
@Group("karpenter.sh")
@Version("v1")
@Kind("NodePool")
@Plural("nodepools")
public class NodePool extends CustomResource<NodePoolSpec, KarpenterStatus> {
}
