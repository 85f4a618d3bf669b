package dev.crossover.platform;

import dev.crossover.api.v1alpha1.InferencePlatform;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;

/** Names and labels of everything an InferencePlatform creates. */
public final class PlatformNames {

  public static final String MANAGED_BY = "app.kubernetes.io/managed-by";
  public static final String MANAGER = "crossover";
  public static final String PLATFORM_LABEL = "crossover.dev/platform";
  public static final String PLATFORM_NAMESPACE_LABEL = "crossover.dev/platform-namespace";
  public static final String COMPONENT = "app.kubernetes.io/component";
  public static final String MODEL_SERVER = "model-server";
  public static final String ENDPOINT_PICKER = "endpoint-picker";

  private final String name;
  private final String namespace;

  public PlatformNames(InferencePlatform platform) {
    this(platform.getMetadata().getName(), platform.getMetadata().getNamespace());
  }

  public PlatformNames(String name, String namespace) {
    this.name = name;
    this.namespace = namespace;
  }

  public String platform() { return name; }
  public String namespace() { return namespace; }
  public String modelServer() { return name + "-model"; }
  public String endpointPicker() { return name + "-epp"; }
  public String inferencePool() { return name; }
  public String httpRoute() { return name; }

  /**
   * Cluster-scoped names (NodePool, EC2NodeClass) must not collide across namespaces. Joining
   * namespace and name with a dash alone is ambiguous ({@code team-a/llm} and {@code team/a-llm}
   * both give {@code team-a-llm}), so the name ends in a hash of namespace/name (which is
   * unambiguous: neither may contain a slash): crossover-NAMESPACE-NAME-HASH8, the readable part
   * shortened to keep the whole within 63 characters.
   */
  public String clusterScoped() {
    String hash = sha256(namespace + "/" + name).substring(0, 8);
    String readable = "crossover-" + namespace + "-" + name;
    int room = 63 - hash.length() - 1;
    return (readable.length() > room ? readable.substring(0, room) : readable) + "-" + hash;
  }

  /** Labels on every child: who manages it and which platform it belongs to. */
  public Map<String, String> ownerLabels() {
    return Map.of(MANAGED_BY, MANAGER, PLATFORM_LABEL, name, PLATFORM_NAMESPACE_LABEL, namespace);
  }

  /** Labels that select the model server pods (Service and InferencePool selectors). */
  public Map<String, String> modelServerSelector() {
    return Map.of(PLATFORM_LABEL, name, COMPONENT, MODEL_SERVER);
  }

  public Map<String, String> endpointPickerSelector() {
    return Map.of(PLATFORM_LABEL, name, COMPONENT, ENDPOINT_PICKER);
  }

  static String sha256(String s) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
