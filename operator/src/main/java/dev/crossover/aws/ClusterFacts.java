package dev.crossover.aws;

/**
 * The EKS cluster the operator runs in, as DescribeCluster (and DescribeClusterVersions) tell it.
 *
 * @param supportType   upgradePolicy.supportType: STANDARD, or EXTENDED (the cluster may stay on a version past standard support)
 * @param versionStatus DescribeClusterVersions' versionStatus of that version (STANDARD_SUPPORT, EXTENDED_SUPPORT), null when unknown
 */
public record ClusterFacts(String name, String kubernetesVersion, String supportType, String versionStatus,
    String platformVersion) {

  /**
   * The control plane's price tier, the sku of the {@code eks/<tier>} price: extended once the
   * version is in extended support. When the version's status is unknown, the support type decides,
   * which may over-state the price of an EXTENDED-policy cluster on a current version, never under-state it.
   */
  public String priceTier() {
    if (versionStatus != null) {
      return "EXTENDED_SUPPORT".equals(versionStatus) ? "extended" : "standard";
    }
    return "EXTENDED".equals(supportType) ? "extended" : "standard";
  }

  public String describe() {
    return "EKS cluster " + name + ", Kubernetes " + kubernetesVersion + ", " + supportType + " support policy"
        + (versionStatus == null ? "" : ", version in " + versionStatus);
  }
}
