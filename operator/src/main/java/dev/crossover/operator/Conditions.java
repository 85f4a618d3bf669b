package dev.crossover.operator;

/** Condition vocabulary shared by the three reconcilers (Kubernetes API conventions). */
public final class Conditions {
  public static final String READY = "Ready";
  public static final String TRUE = "True";
  public static final String FALSE = "False";
  public static final String UNKNOWN = "Unknown";

  private Conditions() {}

  /** An exception as a condition message: never empty, never a wall of text. */
  public static String message(Exception e) {
    String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    return message.length() > 1000 ? message.substring(0, 1000) + "..." : message;
  }
}
