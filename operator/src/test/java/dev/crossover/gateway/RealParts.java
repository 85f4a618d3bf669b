package dev.crossover.gateway;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where the real gateway, data-plane and simulator binaries are, and how to start them. Binaries come
 * from the caches e2e/scripts/build-sim.sh and e2e/scripts/build-gateways.sh fill (or env overrides); a
 * missing binary fails the test with the script to run, it never skips.
 */
public final class RealParts {
  private RealParts() {}

  public static final String SIM_MODEL = "crossover-fake-model";

  public static Path cache() {
    String cache = System.getenv("CROSSOVER_CACHE");
    if (cache == null || cache.isBlank()) {
      String xdg = System.getenv("XDG_CACHE_HOME");
      Path base = xdg != null && !xdg.isBlank() ? Path.of(xdg) : Path.of(System.getProperty("user.home"), ".cache");
      return base.resolve("crossover");
    }
    return Path.of(cache);
  }

  public static Path repoRoot() {
    String configured = System.getProperty("crossover.repo.root");
    Path start = configured != null ? Path.of(configured) : Path.of("").toAbsolutePath();
    for (Path p = start.toAbsolutePath(); p != null; p = p.getParent()) {
      if (Files.isRegularFile(p.resolve("e2e/scripts/versions.sh"))) {
        return p;
      }
    }
    throw new IllegalStateException("cannot find the repository root from " + start);
  }

  /** A pin like NAME="${NAME:-value}" from a script, unless the environment sets NAME. */
  public static String pin(String script, String name) {
    String env = System.getenv(name);
    if (env != null && !env.isBlank()) {
      return env;
    }
    Path file = repoRoot().resolve("e2e/scripts").resolve(script);
    try {
      Matcher m = Pattern.compile(Pattern.quote(name) + "=\"\\$\\{" + Pattern.quote(name) + ":-([^}]+)}\"")
          .matcher(Files.readString(file));
      if (m.find()) {
        return m.group(1);
      }
    } catch (IOException e) {
      throw new IllegalStateException("cannot read " + file, e);
    }
    throw new IllegalStateException("no " + name + " pin in " + file);
  }

  public static Path binary(String envOverride, Path cached, String script) {
    String env = System.getenv(envOverride);
    Path bin = env != null && !env.isBlank() ? Path.of(env) : cached;
    if (!Files.isExecutable(bin)) {
      throw new IllegalStateException(bin + " not found: run e2e/scripts/" + script
          + " (it builds the pinned version into that cache), or point " + envOverride + " at a binary");
    }
    return bin;
  }

  public static Path simBinary() {
    return binary("CROSSOVER_SIM_BIN", cache().resolve("tools/llm-d-inference-sim")
        .resolve(pin("versions.sh", "SIM_VERSION")).resolve("llm-d-inference-sim"), "build-sim.sh");
  }

  static Path liteLlmBinary() {
    return binary("CROSSOVER_LITELLM_BIN", cache().resolve("tools/litellm")
        .resolve(pin("versions.sh", "LITELLM_VERSION")).resolve("bin/litellm"), "build-gateways.sh");
  }

  static Path bifrostBinary() {
    return binary("CROSSOVER_BIFROST_BIN", cache().resolve("tools/bifrost")
        .resolve(pin("versions.sh", "BIFROST_VERSION")).resolve("bifrost-http"), "build-gateways.sh");
  }

  /** Envoy's release binary (build-gateways.sh envoy): the data plane in front of the endpoint picker. */
  public static Path envoyBinary() {
    return binary("CROSSOVER_ENVOY_BIN", cache().resolve("tools/envoy")
        .resolve(pin("versions.sh", "ENVOY_VERSION")).resolve("envoy"), "build-gateways.sh");
  }

  /** The Inference Extension's endpoint picker (build-gateways.sh epp), the one the cluster runs. */
  public static Path endpointPickerBinary() {
    return binary("CROSSOVER_EPP_BIN", cache().resolve("tools/epp")
        .resolve(pin("versions.sh", "EPP_VERSION")).resolve("epp"), "build-gateways.sh");
  }

  /** A simulator answering for SIM_MODEL with no model download (dummy tokenizer, random text). */
  public static LocalProcess simulator(String name, String... extraArgs) throws IOException, InterruptedException {
    Path bin = simBinary();
    int port = LocalProcess.freeLoopbackPort();
    List<String> cmd = new ArrayList<>(List.of(bin.toString(), "--port", String.valueOf(port),
        "--model", SIM_MODEL, "--force-dummy-tokenizer", "--mode", "random", "--max-num-seqs", "1024"));
    cmd.addAll(List.of(extraArgs));
    return LocalProcess.start("sim-" + name, cmd, Map.of(), null, port, "/health", Duration.ofSeconds(20));
  }

  static String v1(LocalProcess p) {
    return "http://127.0.0.1:" + p.port + "/v1";
  }

  /** LiteLLM proxy on loopback, fed the given config.yaml text as it is. */
  static LocalProcess liteLlm(String configYaml, Map<String, String> env) throws IOException, InterruptedException {
    Path bin = liteLlmBinary();
    Path dir = Files.createTempDirectory("litellm-");
    Path cfg = dir.resolve("config.yaml");
    Files.writeString(cfg, configYaml);
    int port = LocalProcess.freeLoopbackPort();
    List<String> cmd = List.of(bin.toString(), "--config", cfg.toString(), "--host", "127.0.0.1",
        "--port", String.valueOf(port), "--num_workers", "1");
    Map<String, String> all = new java.util.HashMap<>(env);
    // The same switches the Deployment sets: no telemetry, the bundled cost map, no UI.
    GatewayObjects.liteLlmOfflineEnv().forEach(e -> all.put(e.getName(), e.getValue()));
    return LocalProcess.start("litellm", cmd, all, dir, port, "/health/readiness", Duration.ofSeconds(180));
  }

  /** Bifrost on loopback, with the given config.json as it is in a fresh app dir. */
  static LocalProcess bifrost(String configJson, Map<String, String> env) throws IOException, InterruptedException {
    Path bin = bifrostBinary();
    Path dir = Files.createTempDirectory("bifrost-");
    Files.writeString(dir.resolve("config.json"), configJson);
    // The catalog files the ConfigMap carries beside config.json (the process runs in dir).
    for (var f : BifrostConfig.CATALOG_FILES.entrySet()) {
      Files.writeString(dir.resolve(f.getKey()), f.getValue());
    }
    int port = LocalProcess.freeLoopbackPort();
    List<String> cmd = List.of(bin.toString(), "-app-dir", dir.toString(), "-host", "127.0.0.1",
        "-port", String.valueOf(port), "-log-level", "info");
    return LocalProcess.start("bifrost", cmd, env, dir, port, "/health", Duration.ofSeconds(60));
  }
}
