package dev.crossover.deploy;

import dev.crossover.crd.RepoPaths;
import dev.crossover.testing.LocalApiServer;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * The command-line tools the packaging tests run: helm and kubeconform (built from their Go
 * modules by e2e/scripts/build-tools.sh at the versions pinned in versions.sh), and the kubectl
 * built with the test API server (for `kubectl kustomize`). Every process is waited for with a
 * timeout and killed if it overruns.
 */
final class Tools {
  private Tools() {}

  /** What a command printed and how it ended. */
  record Result(int exitCode, String stdout, String stderr) {
    boolean ok() {
      return exitCode == 0;
    }

    Result orFail(String what) {
      if (!ok()) {
        throw new AssertionError(what + " failed (exit " + exitCode + "):\n" + stderr + stdout);
      }
      return this;
    }
  }

  private static volatile List<Path> built;

  static Path helm() {
    return builtTools().get(0);
  }

  static Path kubeconform() {
    return builtTools().get(1);
  }

  static Path kubectl() {
    Path kubectl = LocalApiServer.binaryDir().resolve("kubectl");
    if (!Files.isExecutable(kubectl)) {
      throw new IllegalStateException(kubectl + " not found: run e2e/scripts/build-kube.sh (make tools does)");
    }
    return kubectl;
  }

  /** Runs build-tools.sh once per JVM (it is idempotent and prints the two binaries' paths). */
  private static synchronized List<Path> builtTools() {
    if (built == null) {
      Result r = run(List.of("bash", RepoPaths.root().resolve("e2e/scripts/build-tools.sh").toString()), Duration.ofMinutes(20));
      r.orFail("e2e/scripts/build-tools.sh (it needs Go and the Go module proxy)");
      List<Path> paths = r.stdout().lines().map(String::trim).filter(s -> !s.isEmpty()).map(Path::of).toList();
      if (paths.size() != 2 || !paths.stream().allMatch(Files::isExecutable)) {
        throw new IllegalStateException("build-tools.sh printed " + paths + ", expected the helm and kubeconform binaries");
      }
      built = paths;
    }
    return built;
  }

  /** Fetches (once, cached) the ServiceMonitor and PrometheusRule CRDs; returns their directory. */
  static Path monitoringCrds() {
    Result r = run(List.of("bash", RepoPaths.root().resolve("e2e/scripts/fetch-monitoring-crds.sh").toString()),
        Duration.ofMinutes(10)).orFail("e2e/scripts/fetch-monitoring-crds.sh");
    return Path.of(r.stdout().lines().reduce((a, b) -> b).orElseThrow().trim());
  }

  static Result run(List<String> command, Duration timeout) {
    return run(command, timeout, null);
  }

  /** Runs a command in the repository root; stdin is {@code input} when given. */
  static Result run(List<String> command, Duration timeout, String input) {
    Process process;
    try {
      process = new ProcessBuilder(new ArrayList<>(command)).directory(RepoPaths.root().toFile()).start();
    } catch (IOException e) {
      throw new IllegalStateException("cannot start " + command.get(0), e);
    }
    try {
      CompletableFuture<String> out = CompletableFuture.supplyAsync(() -> read(process.getInputStream()));
      CompletableFuture<String> err = CompletableFuture.supplyAsync(() -> read(process.getErrorStream()));
      try (var stdin = process.getOutputStream()) {
        if (input != null) {
          stdin.write(input.getBytes(StandardCharsets.UTF_8));
        }
      }
      if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
        throw new IllegalStateException(command + " did not finish within " + timeout);
      }
      return new Result(process.exitValue(), out.join(), err.join());
    } catch (IOException | InterruptedException e) {
      throw new IllegalStateException(command + " failed", e);
    } finally {
      process.descendants().forEach(ProcessHandle::destroyForcibly);
      process.destroyForcibly();
    }
  }

  private static String read(java.io.InputStream in) {
    try {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      return "";
    }
  }
}
