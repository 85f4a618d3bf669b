package dev.crossover.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.crossover.crd.RepoPaths;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The operator chart, rendered by the real helm with named sets of values. */
final class Chart {
  private Chart() {}

  static final String RELEASE = "crossover";
  static final String NAMESPACE = "crossover-system";
  /** The Kubernetes version the test API server runs; helm renders and lints for it. */
  static final String KUBE_VERSION = dev.crossover.testing.LocalApiServer.version();
  static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

  static Path dir() {
    return RepoPaths.root().resolve("helm/crossover");
  }

  /**
   * The value sets every structural test runs over: the defaults, the local demo's image, the
   * optional ServiceMonitor, IRSA, and restricted namespaces with a Lease elsewhere.
   */
  static Map<String, List<String>> valueSets() {
    Map<String, List<String>> sets = new LinkedHashMap<>();
    sets.put("defaults", List.of());
    sets.put("local-demo", List.of("--set", "image.repository=crossover.local/operator", "--set", "image.tag=dev",
        "--set", "image.pullPolicy=IfNotPresent"));
    sets.put("service-monitor", List.of("--set", "metrics.serviceMonitor.enabled=true",
        "--set", "metrics.serviceMonitor.labels.release=kube-prometheus-stack"));
    sets.put("irsa", List.of("--set", "serviceAccount.irsa.roleArn=arn:aws:iam::123456789012:role/crossover-operator"));
    sets.put("namespaces", List.of("--set", "watchNamespaces={team-a,team-b}", "--set", "leaderElection.namespace=ops",
        "--set", "replicas=2", "--set", "images.loadgen=registry.example/loadgen:1"));
    return sets;
  }

  /** `helm template` output, or the failed command's result. */
  static Tools.Result template(List<String> valueArgs) {
    List<String> cmd = new ArrayList<>(List.of(Tools.helm().toString(), "template", RELEASE, dir().toString(),
        "--namespace", NAMESPACE, "--kube-version", KUBE_VERSION));
    cmd.addAll(valueArgs);
    return Tools.run(cmd, Duration.ofMinutes(2));
  }

  static String render(List<String> valueArgs) {
    return template(valueArgs).orFail("helm template " + valueArgs).stdout();
  }

  /** The YAML documents of a multi-document stream, empty ones dropped. */
  static List<JsonNode> objects(String yaml) {
    try (var parser = YAML.getFactory().createParser(yaml)) {
      List<JsonNode> out = new ArrayList<>();
      var it = YAML.readValues(parser, JsonNode.class);
      while (it.hasNext()) {
        JsonNode n = it.next();
        if (n != null && !n.isNull() && !n.isEmpty()) {
          out.add(n);
        }
      }
      return out;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static List<JsonNode> ofKind(List<JsonNode> objects, String kind) {
    return objects.stream().filter(o -> kind.equals(o.path("kind").asText())).toList();
  }

  static JsonNode one(List<JsonNode> objects, String kind) {
    List<JsonNode> found = ofKind(objects, kind);
    if (found.size() != 1) {
      throw new AssertionError("expected one " + kind + ", found " + found.size());
    }
    return found.get(0);
  }
}
