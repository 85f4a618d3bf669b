package dev.crossover.gateway;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** A missing semantic cache part fails the tests with the script that installs it; nothing is skipped. */
class SemanticCacheMissingPartTest {
  @Test
  void aMissingSearchModuleNamesTheScriptToRun() {
    assertThatThrownBy(() -> SemanticCacheParts.searchModule(Path.of("/nonexistent/valkey-search/bin/valkey-server")))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("/nonexistent/valkey-search/lib/redisearch.so not found")
        .hasMessageContaining("run e2e/scripts/build-gateways.sh");
  }
}
