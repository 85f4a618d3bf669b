package dev.crossover.crd;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The CRDs checked in under crds/ are exactly what the API types generate. */
class CrdsAreCurrentTest {

  @Test
  void checkedInCrdsMatchTheApiTypes() throws Exception {
    Map<String, String> generated = CrdFiles.generate();
    Path dir = RepoPaths.crds();
    try (var existing = Files.list(dir)) {
      assertThat(existing.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".yaml")))
          .as("files in crds/ (run `make crds` after changing the API types)")
          .containsExactlyInAnyOrderElementsOf(generated.keySet());
    }
    for (Map.Entry<String, String> file : generated.entrySet()) {
      assertThat(Files.readString(dir.resolve(file.getKey())))
          .as("crds/%s is stale: run `make crds` and commit the result", file.getKey())
          .isEqualTo(file.getValue());
    }
  }

  @Test
  void printerColumnsKeepTheDeclaredOrderWithAgeLast() throws Exception {
    String crd = CrdFiles.generate().get("benchmarkruns.crossover.dev.yaml");
    int phase = crd.indexOf("name: Phase");
    int progress = crd.indexOf("name: Progress");
    int age = crd.indexOf("name: Age");
    assertThat(phase).isPositive().isLessThan(progress);
    assertThat(age).isGreaterThan(progress);
  }
}
