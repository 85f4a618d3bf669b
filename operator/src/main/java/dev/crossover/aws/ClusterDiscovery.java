package dev.crossover.aws;

import java.util.Optional;
import org.jboss.logging.Logger;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.services.eks.EksClient;
import software.amazon.awssdk.services.eks.model.Cluster;
import software.amazon.awssdk.services.eks.model.ClusterVersionInformation;

/**
 * Which EKS cluster the operator runs in: its name comes from configuration
 * (crossover.aws.cluster-name; pods cannot learn it from Kubernetes), the rest from
 * eks:DescribeCluster, and whether the version is in extended support from
 * eks:DescribeClusterVersions. Without a name the operator is not on EKS, and says so.
 */
public final class ClusterDiscovery {

  public static final String DESCRIBE_CLUSTER = "eks:DescribeCluster";
  public static final String DESCRIBE_CLUSTER_VERSIONS = "eks:DescribeClusterVersions";
  private static final Logger LOG = Logger.getLogger(ClusterDiscovery.class);

  private final Optional<String> clusterName;
  private final Optional<FactCache<String, ClusterFacts>> cache;

  /** Discovery that never calls AWS: disabled, or not on EKS. */
  static ClusterDiscovery off(Optional<String> clusterName) {
    return new ClusterDiscovery(clusterName, Optional.empty());
  }

  ClusterDiscovery(Optional<String> clusterName, Optional<FactCache<String, ClusterFacts>> cache) {
    this.clusterName = clusterName;
    this.cache = cache;
  }

  static ClusterDiscovery using(EksClient eks, AwsSettings settings, java.util.concurrent.Executor executor,
      java.time.Clock clock) {
    return new ClusterDiscovery(settings.clusterName(),
        Optional.of(new FactCache<>(DESCRIBE_CLUSTER, name -> describe(eks, name), settings, executor, clock)));
  }

  /** The cluster, or why it is not known. */
  public Fetched<ClusterFacts> cluster() {
    if (clusterName.isEmpty()) {
      return new Fetched.Failed<>(new AwsProblem(AwsProblem.Kind.NOT_ON_EKS, DESCRIBE_CLUSTER,
          "crossover.aws.cluster-name is not set, so the operator does not know it runs on EKS: the spec's node class"
              + " settings and the standard control plane price apply."));
    }
    if (cache.isEmpty()) {
      return new Fetched.Failed<>(AwsProblem.disabled(DESCRIBE_CLUSTER));
    }
    return cache.get().get(clusterName.get());
  }

  static ClusterFacts describe(EksClient eks, String name) {
    Cluster c = eks.describeCluster(r -> r.name(name)).cluster();
    String supportType = c.upgradePolicy() == null || c.upgradePolicy().supportTypeAsString() == null
        ? "STANDARD" : c.upgradePolicy().supportTypeAsString();
    return new ClusterFacts(c.name(), c.version(), supportType, versionStatus(eks, c.version()), c.platformVersion());
  }

  /** The version's support status, or null when DescribeClusterVersions is denied or says nothing of it. */
  private static String versionStatus(EksClient eks, String version) {
    try {
      return eks.describeClusterVersionsPaginator(r -> r.clusterVersions(version).includeAll(true))
          .clusterVersions().stream()
          .filter(v -> version.equals(v.clusterVersion()))
          .map(ClusterVersionInformation::versionStatusAsString)
          .findFirst().orElse(null);
    } catch (AwsServiceException e) {
      LOG.infof("%s: the price tier follows the upgrade policy instead", AwsProblem.of(DESCRIBE_CLUSTER_VERSIONS, e).message());
      return null;
    }
  }
}
