package dev.crossover.gateway;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** A missing gateway binary fails the tests with the script that builds it; nothing is skipped. */
class MissingBinaryTest {
  @Test
  void aMissingBinaryNamesTheScriptToRun() {
    assertThatThrownBy(() -> RealParts.binary("CROSSOVER_TEST_UNSET_VARIABLE", Path.of("/nonexistent/bifrost-http"),
        "build-gateways.sh"))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("/nonexistent/bifrost-http not found")
        .hasMessageContaining("run e2e/scripts/build-gateways.sh");
  }
}
