package dev.crossover.gateway;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A real third-party server (llm-d-inference-sim, LiteLLM, Bifrost) started on a free loopback
 * port and always stopped, with its whole process tree: close() (try-with-resources or @AfterAll),
 * plus a JVM shutdown hook in case the test JVM is stopped first. Its output goes to a log file
 * whose tail is shown when it fails to come up.
 */
public final class LocalProcess implements AutoCloseable {
  public final String what;
  public final Process process;
  public final int port;
  public final Path log;
  private final Thread hook;

  private LocalProcess(String what, Process process, int port, Path log) {
    this.what = what;
    this.process = process;
    this.port = port;
    this.log = log;
    this.hook = new Thread(this::stop, "stop-" + what);
    Runtime.getRuntime().addShutdownHook(hook);
  }

  /**
   * Starts cmd (with env added to a scrubbed environment: no proxy variables, so nothing can be
   * sent anywhere but loopback) and waits until GET healthPath answers 200.
   */
  public static LocalProcess start(String what, List<String> cmd, Map<String, String> env, Path workDir, int port,
      String healthPath, Duration timeout) throws IOException, InterruptedException {
    Path log = Files.createTempFile(what + "-", ".log");
    ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile());
    if (workDir != null) {
      pb.directory(workDir.toFile());
    }
    Map<String, String> e = pb.environment();
    for (String k : List.of("HTTP_PROXY", "HTTPS_PROXY", "ALL_PROXY", "http_proxy", "https_proxy", "all_proxy")) {
      e.remove(k);
    }
    e.put("NO_PROXY", "127.0.0.1,localhost");
    e.put("no_proxy", "127.0.0.1,localhost");
    e.putAll(env);
    LocalProcess lp = new LocalProcess(what, pb.start(), port, log);
    try {
      lp.awaitHealthy(healthPath, timeout);
    } catch (IOException | InterruptedException | RuntimeException ex) {
      lp.close();
      throw ex;
    }
    return lp;
  }

  /**
   * Like {@link #start}, for a server that speaks no HTTP (Valkey): ready once its port accepts a
   * connection.
   */
  static LocalProcess startListening(String what, List<String> cmd, Map<String, String> env, Path workDir, int port,
      Duration timeout) throws IOException, InterruptedException {
    Path log = Files.createTempFile(what + "-", ".log");
    ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile());
    if (workDir != null) {
      pb.directory(workDir.toFile());
    }
    pb.environment().putAll(env);
    LocalProcess lp = new LocalProcess(what, pb.start(), port, log);
    try {
      long deadline = System.nanoTime() + timeout.toNanos();
      while (true) {
        if (!lp.process.isAlive()) {
          throw new IllegalStateException(what + " exited with " + lp.process.exitValue() + ":\n" + lp.tail(40));
        }
        try (java.net.Socket s = new java.net.Socket(InetAddress.getLoopbackAddress(), port)) {
          return lp;
        } catch (IOException notYet) {
          if (System.nanoTime() > deadline) {
            throw new IllegalStateException(what + " not listening on " + port + " within " + timeout + ":\n" + lp.tail(40));
          }
          Thread.sleep(50);
        }
      }
    } catch (InterruptedException | RuntimeException ex) {
      lp.close();
      throw ex;
    }
  }

  public URI url(String path) {
    return URI.create("http://127.0.0.1:" + port + path);
  }

  private void awaitHealthy(String path, Duration timeout) throws IOException, InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    try (HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build()) {
      while (System.nanoTime() < deadline) {
        if (!process.isAlive()) {
          throw new IllegalStateException(what + " exited with " + process.exitValue() + ":\n" + tail(40));
        }
        try {
          var r = http.send(HttpRequest.newBuilder(url(path)).timeout(Duration.ofSeconds(2)).build(),
              HttpResponse.BodyHandlers.discarding());
          if (r.statusCode() == 200) {
            return;
          }
        } catch (IOException notYet) {
          // not listening yet
        }
        Thread.sleep(100);
      }
    }
    throw new IllegalStateException(what + " not healthy on " + path + " within " + timeout + ":\n" + tail(40));
  }

  public String tail(int n) {
    try {
      List<String> lines = Files.readAllLines(log);
      return String.join("\n", lines.subList(Math.max(0, lines.size() - n), lines.size()));
    } catch (IOException e) {
      return "(no log: " + e + ")";
    }
  }

  /** Sums a Prometheus counter over its label sets from GET /metrics. */
  public double metric(String name) throws IOException, InterruptedException {
    try (HttpClient http = HttpClient.newHttpClient()) {
      String body = http.send(HttpRequest.newBuilder(url("/metrics")).build(), HttpResponse.BodyHandlers.ofString()).body();
      Matcher m = Pattern.compile("(?m)^" + Pattern.quote(name) + "(\\{[^}]*\\})? ([0-9.eE+-]+)$").matcher(body);
      double sum = 0;
      while (m.find()) {
        sum += Double.parseDouble(m.group(2));
      }
      return sum;
    }
  }

  public static int freeLoopbackPort() throws IOException {
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return s.getLocalPort();
    }
  }

  private void stop() {
    // Children first (LiteLLM's server runs workers), then the process itself.
    List<ProcessHandle> tree = process.descendants().toList();
    tree.forEach(ProcessHandle::destroy);
    process.destroy();
    try {
      if (!process.waitFor(10, TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
    }
    tree.stream().filter(ProcessHandle::isAlive).forEach(ProcessHandle::destroyForcibly);
  }

  @Override
  public void close() {
    stop();
    try {
      Runtime.getRuntime().removeShutdownHook(hook);
    } catch (IllegalStateException shuttingDown) {
      // the hook is running or has run
    }
  }
}
