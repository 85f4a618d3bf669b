package dev.crossover.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** config/default installs what the chart installs with its defaults (plus the namespace). */
class KustomizeInstallTest {

  @Test
  void generatedFilesAreCurrent() throws IOException {
    for (Map.Entry<String, String> e : KustomizeFiles.render().entrySet()) {
      assertThat(Files.readString(KustomizeFiles.dir().resolve(e.getKey())))
          .as("config/default/%s is stale: run make config", e.getKey()).isEqualTo(e.getValue());
    }
  }

  @Test
  void kubectlKustomizeBuildsTheChartsObjects() {
    Tools.Result r = Tools.run(List.of(Tools.kubectl().toString(), "kustomize", KustomizeFiles.dir().toString()),
        Duration.ofMinutes(1)).orFail("kubectl kustomize config/default");
    List<JsonNode> built = Chart.objects(r.stdout()).stream().map(KustomizeInstallTest::numbersAsDecimals).toList();
    List<JsonNode> expected = new ArrayList<>();
    for (JsonNode o : Chart.objects(Chart.render(List.of("--include-crds")))) {
      relabel(o.path("metadata"));
      relabel(o.at("/spec/template/metadata"));
      expected.add(numbersAsDecimals(o));
    }
    JsonNode namespace = Chart.one(built, "Namespace");
    assertThat(namespace.at("/metadata/name").asText()).isEqualTo(Chart.NAMESPACE);
    assertThat(namespace.at("/metadata/labels/pod-security.kubernetes.io~1enforce").asText()).isEqualTo("restricted");
    assertThat(built.stream().filter(o -> !o.path("kind").asText().equals("Namespace")).toList())
        .containsExactlyInAnyOrderElementsOf(expected);
  }

  /** kustomize re-serializes numbers (1.0 -> 1, 1.0E8 -> 100000000): compare their values. */
  static JsonNode numbersAsDecimals(JsonNode node) {
    if (node.isNumber()) {
      return com.fasterxml.jackson.databind.node.DecimalNode.valueOf(node.decimalValue().stripTrailingZeros());
    }
    if (node instanceof ObjectNode object) {
      object.fields().forEachRemaining(e -> e.setValue(numbersAsDecimals(e.getValue())));
    } else if (node instanceof com.fasterxml.jackson.databind.node.ArrayNode array) {
      for (int i = 0; i < array.size(); i++) {
        array.set(i, numbersAsDecimals(array.get(i)));
      }
    }
    return node;
  }

  private static void relabel(JsonNode metadata) {
    if (metadata.path("labels") instanceof ObjectNode labels) {
      labels.remove("helm.sh/chart");
      if (labels.has("app.kubernetes.io/managed-by")) {
        labels.put("app.kubernetes.io/managed-by", "kustomize");
      }
    }
  }
}
