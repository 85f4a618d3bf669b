package dev.crossover.platform.karpenter;

import io.fabric8.kubernetes.client.CustomResource;
import io.fabric8.kubernetes.model.annotation.Group;
import io.fabric8.kubernetes.model.annotation.Kind;
import io.fabric8.kubernetes.model.annotation.Plural;
import io.fabric8.kubernetes.model.annotation.Version;

/** Karpenter's AWS node class (karpenter.k8s.aws/v1, cluster-scoped): the fields Crossover sets. */
@Group("karpenter.k8s.aws")
@Version("v1")
@Kind("EC2NodeClass")
@Plural("ec2nodeclasses")
public class EC2NodeClass extends CustomResource<EC2NodeClassSpec, KarpenterStatus> {
}
