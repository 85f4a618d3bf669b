package dev.crossover.operator;

/** Condition vocabulary shared by the three reconcilers (Kubernetes API conventions). */
public final class Conditions {
  public static final String READY = "Ready";
  public static final String TRUE = "True";
  public static final String FALSE = "False";
  public static final String UNKNOWN = "Unknown";

  private Conditions() {}
}
