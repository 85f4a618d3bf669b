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

  private ApiGroup() {}
}
