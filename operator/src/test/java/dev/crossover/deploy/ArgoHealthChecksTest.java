package dev.crossover.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.crossover.crd.RepoPaths;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.luaj.vm2.Globals;
import org.luaj.vm2.LuaTable;
import org.luaj.vm2.LuaValue;
import org.luaj.vm2.lib.jse.JsePlatform;

/**
 * The Argo CD health checks in config/argocd/health, run by a real Lua interpreter (LuaJ) over
 * their fixtures, laid out as Argo CD's own resource_customizations tests are:
 * {@code health.lua}, {@code testdata/*.yaml}, {@code health_test.yaml}. Argo CD runs gopher-lua
 * (Lua 5.1); the scripts use only what 5.1 and LuaJ (5.2) share.
 */
class ArgoHealthChecksTest {

  static final Path HEALTH = RepoPaths.root().resolve("config/argocd/health");
  static final List<String> KINDS = List.of("InferencePlatform", "GatewayProfile", "BenchmarkRun");

  static Stream<Arguments> cases() throws IOException {
    List<Arguments> cases = new ArrayList<>();
    for (String kind : KINDS) {
      Path dir = HEALTH.resolve("crossover.dev_" + kind);
      for (JsonNode test : Chart.YAML.readTree(dir.resolve("health_test.yaml").toFile()).path("tests")) {
        cases.add(Arguments.of(kind, test.path("inputPath").asText(), test.at("/healthStatus/status").asText(),
            test.at("/healthStatus/message").asText()));
      }
    }
    return cases.stream();
  }

  @ParameterizedTest(name = "{0} {1} -> {2}")
  @MethodSource("cases")
  void healthMatchesTheFixture(String kind, String input, String status, String message) throws IOException {
    Path dir = HEALTH.resolve("crossover.dev_" + kind);
    LuaValue result = health(Files.readString(dir.resolve("health.lua")),
        Chart.YAML.readTree(dir.resolve(input).toFile()));
    assertThat(result.get("status").tojstring()).isEqualTo(status);
    assertThat(result.get("message").tojstring()).isEqualTo(message);
  }

  @Test
  void everyKindHasHealthyProgressingDegradedAndStaleFixtures() throws IOException {
    for (String kind : KINDS) {
      List<String> statuses = cases().map(a -> a.get()).filter(a -> a[0].equals(kind)).map(a -> (String) a[2]).toList();
      assertThat(statuses).as(kind).contains("Healthy", "Progressing", "Degraded");
      assertThat(cases().map(a -> a.get()).filter(a -> a[0].equals(kind) && a[1].toString().contains("stale")))
          .as("%s: a status older than the spec is Progressing", kind).allMatch(a -> a[2].equals("Progressing"));
    }
  }

  /** A Degraded reason the operator never writes would be dead code; a renamed one a silent regression. */
  @Test
  void degradedReasonsAreReasonsTheOperatorWrites() throws IOException {
    String operatorSources;
    try (var files = Files.walk(RepoPaths.root().resolve("operator/src/main/java"))) {
      StringBuilder all = new StringBuilder();
      for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
        all.append(Files.readString(f));
      }
      operatorSources = all.toString();
    }
    Pattern reasonKey = Pattern.compile("(\\w+) = true");
    for (String kind : KINDS) {
      String lua = Files.readString(HEALTH.resolve("crossover.dev_" + kind).resolve("health.lua"));
      Matcher m = reasonKey.matcher(lua);
      while (m.find()) {
        assertThat(operatorSources).as("%s health.lua names reason %s", kind, m.group(1)).contains("\"" + m.group(1) + "\"");
      }
    }
  }

  @Test
  void argocdConfigMapCarriesTheSameScripts() throws IOException {
    JsonNode cm = Chart.YAML.readTree(RepoPaths.root().resolve("config/argocd/argocd-cm.yaml").toFile());
    assertThat(cm.path("kind").asText()).isEqualTo("ConfigMap");
    assertThat(cm.at("/metadata/name").asText()).isEqualTo("argocd-cm");
    for (String kind : KINDS) {
      assertThat(cm.at("/data").path("resource.customizations.health.crossover.dev_" + kind).asText())
          .isEqualTo(Files.readString(HEALTH.resolve("crossover.dev_" + kind).resolve("health.lua")));
    }
  }

  /** Runs a health script as Argo CD does: the object as global {@code obj}, the script returns a table. */
  static LuaValue health(String script, JsonNode object) {
    Globals globals = JsePlatform.standardGlobals();
    globals.set("obj", lua(object));
    LuaValue result = globals.load(script, "health.lua").call();
    assertThat(result.istable()).as("health.lua returns a table").isTrue();
    return result;
  }

  /** JSON/YAML as Lua values: objects become tables, arrays 1-based tables, null nil. */
  static LuaValue lua(JsonNode node) {
    if (node == null || node.isNull() || node.isMissingNode()) {
      return LuaValue.NIL;
    }
    if (node.isObject()) {
      LuaTable table = new LuaTable();
      for (Map.Entry<String, JsonNode> e : (Iterable<Map.Entry<String, JsonNode>>) node::fields) {
        table.set(e.getKey(), lua(e.getValue()));
      }
      return table;
    }
    if (node.isArray()) {
      LuaTable table = new LuaTable();
      for (int i = 0; i < node.size(); i++) {
        table.set(i + 1, lua(node.get(i)));
      }
      return table;
    }
    if (node.isBoolean()) {
      return LuaValue.valueOf(node.asBoolean());
    }
    if (node.isIntegralNumber()) {
      return LuaValue.valueOf(node.asLong());
    }
    if (node.isNumber()) {
      return LuaValue.valueOf(node.asDouble());
    }
    return LuaValue.valueOf(node.asText());
  }
}
