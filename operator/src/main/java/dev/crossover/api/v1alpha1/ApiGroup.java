package dev.crossover.api.v1alpha1;

/** Names shared by the three kinds of the crossover.dev API. */
public final class ApiGroup {
  public static final String GROUP = "crossover.dev";
  public static final String VERSION = "v1alpha1";
  public static final String CATEGORY = "crossover";

  /** Go-style duration accepted by every duration field: e.g. 30s, 2m, 1h30m, 250ms. */
  public static final String DURATION_PATTERN = "^([0-9]+(\\.[0-9]+)?(ms|s|m|h))+$";
  /** A decimal amount of US dollars, kept as a string so no precision is lost. */
  public static final String USD_PATTERN = "^[0-9]+(\\.[0-9]+)?$";
  /** RFC 1123 DNS label: names of Kubernetes objects and of list entries used as keys. */
  public static final String DNS_LABEL_PATTERN = "^[a-z0-9]([-a-z0-9]*[a-z0-9])?$";

  /**
   * A size in bytes as a Kubernetes quantity (Karpenter's pattern, narrowed): above zero (a digit
   * other than 0 somewhere in the number), no sign, no milli or negative exponents: 16Gi, 200G,
   * 1e9. "16GB" and "0Gi" are refused. fabric8's @Pattern does not reach Quantity fields, so
   * CrdFiles puts it on them (see its schema patch table).
   */
  public static final String SIZE_QUANTITY_PATTERN =
      "^([0-9]*[1-9][0-9]*(\\.[0-9]*)?|[0-9]*\\.[0-9]*[1-9][0-9]*)(([KMGTPE]i)|[kMGTPE]|([eE]\\+?[0-9]+))?$";
  /** Any Kubernetes quantity (container resources: 500m, 2, 1Gi), Karpenter's pattern. */
  public static final String QUANTITY_PATTERN =
      "^((\\+|-)?(([0-9]+(\\.[0-9]*)?)|(\\.[0-9]+))(([KMGTPE]i)|[numkMGTPE]|([eE](\\+|-)?(([0-9]+(\\.[0-9]*)?)|(\\.[0-9]+))))?)$";
  /** RFC 1123 DNS subdomain: names of Secrets, ServiceAccounts and most other objects. */
  public static final String DNS_SUBDOMAIN_PATTERN =
      "^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$";
  /** A non-negative decimal count, optionally with an exponent: 5e8, 1e9, 2500000. */
  public static final String COUNT_PATTERN = "^[0-9]+(\\.[0-9]+)?([eE]\\+?[0-9]+)?$";
  /** A key in a Secret's or ConfigMap's data. */
  public static final String CONFIG_KEY_PATTERN = "^[-._a-zA-Z0-9]+$";

  private ApiGroup() {}
}
