package dev.crossover.loadgen.sim;

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
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The real llm-d-inference-sim, started on a free loopback port and always stopped: close() (use
 * try-with-resources or @AfterAll), plus a JVM shutdown hook in case the test JVM is killed first.
 * The binary comes from env CROSSOVER_SIM_BIN or the cache e2e/scripts/build-sim.sh fills; if it
 * is missing the test fails and says how to build it, it never skips.
 */
public final class SimulatorProcess implements AutoCloseable {
    public static final String MODEL = "crossover-fake-model";

    private final Process process;
    private final Thread shutdownHook;
    private final int port;
    private final Path log;

    private SimulatorProcess(Process process, int port, Path log) {
        this.process = process;
        this.port = port;
        this.log = log;
        this.shutdownHook = new Thread(this::stop, "stop-llm-d-inference-sim");
        Runtime.getRuntime().addShutdownHook(shutdownHook);
    }

    /** @param extraArgs simulator flags, e.g. "--time-to-first-token", "100ms" */
    public static SimulatorProcess start(String... extraArgs) throws IOException, InterruptedException {
        return start(java.util.Map.of(), extraArgs);
    }

    /** @param env extra environment, e.g. POD_IP, which --enable-kvcache requires */
    public static SimulatorProcess start(java.util.Map<String, String> env, String... extraArgs)
            throws IOException, InterruptedException {
        Path bin = binary();
        int port = freeLoopbackPort();
        List<String> cmd = new ArrayList<>(List.of(bin.toString(), "--port", String.valueOf(port),
                "--model", MODEL,
                // A made-up model name and the dummy tokenizer: nothing is downloaded.
                "--force-dummy-tokenizer", "--mode", "random",
                // The default (5) would queue requests inside the simulator and add to TTFT.
                "--max-num-seqs", "1024"));
        cmd.addAll(List.of(extraArgs));
        Path log = Files.createTempFile("llm-d-inference-sim-", ".log");
        ProcessBuilder builder = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().putAll(env);
        Process p = builder.start();
        SimulatorProcess sim = new SimulatorProcess(p, port, log);
        try {
            sim.awaitHealthy(Duration.ofSeconds(20));
        } catch (IOException | InterruptedException | RuntimeException e) {
            sim.close();
            throw e;
        }
        return sim;
    }

    public URI baseUrl() { return URI.create("http://127.0.0.1:" + port + "/v1"); }

    public URI metricsUrl() { return URI.create("http://127.0.0.1:" + port + "/metrics"); }

    /** Reads a counter from the simulator's Prometheus /metrics (summing its label sets). */
    public double metric(String name) throws IOException, InterruptedException {
        try (HttpClient http = HttpClient.newHttpClient()) {
            String body = http.send(HttpRequest.newBuilder(metricsUrl()).build(), HttpResponse.BodyHandlers.ofString()).body();
            Matcher m = Pattern.compile("(?m)^" + Pattern.quote(name) + "(\\{[^}]*\\})? ([0-9.eE+-]+)$").matcher(body);
            double sum = 0;
            while (m.find()) sum += Double.parseDouble(m.group(2));
            return sum;
        }
    }

    private void awaitHealthy(Duration timeout) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        try (HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build()) {
            while (System.nanoTime() < deadline) {
                if (!process.isAlive()) throw new IllegalStateException("llm-d-inference-sim exited: " + tail());
                try {
                    var r = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/health"))
                            .timeout(Duration.ofSeconds(1)).build(), HttpResponse.BodyHandlers.discarding());
                    if (r.statusCode() == 200) return;
                } catch (IOException notYet) {
                    // not listening yet
                }
                Thread.sleep(50);
            }
        }
        throw new IllegalStateException("llm-d-inference-sim not healthy within " + timeout + ": " + tail());
    }

    private String tail() {
        try {
            List<String> lines = Files.readAllLines(log);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 20), lines.size()));
        } catch (IOException e) {
            return "(no log: " + e + ")";
        }
    }

    static Path binary() {
        return binary(System.getenv());
    }

    static Path binary(java.util.Map<String, String> environment) {
        String env = environment.get("CROSSOVER_SIM_BIN");
        Path bin = env != null && !env.isBlank() ? Path.of(env) : cacheDir().resolve(version()).resolve("llm-d-inference-sim");
        if (!Files.isExecutable(bin)) {
            throw new IllegalStateException("llm-d-inference-sim not found at " + bin
                    + ": run e2e/scripts/build-sim.sh (it builds the pinned version into that cache), "
                    + "or point CROSSOVER_SIM_BIN at a binary");
        }
        return bin;
    }

    private static Path cacheDir() {
        String cache = System.getenv("CROSSOVER_CACHE");
        if (cache == null || cache.isBlank()) {
            String xdg = System.getenv("XDG_CACHE_HOME");
            Path base = xdg != null && !xdg.isBlank() ? Path.of(xdg) : Path.of(System.getProperty("user.home"), ".cache");
            cache = base.resolve("crossover").toString();
        }
        return Path.of(cache, "tools", "llm-d-inference-sim");
    }

    /** SIM_VERSION from the environment, else the pin in e2e/scripts/versions.sh. */
    static String version() {
        String env = System.getenv("SIM_VERSION");
        if (env != null && !env.isBlank()) return env;
        Path versions = Path.of(System.getProperty("crossover.repo.root", "."), "e2e", "scripts", "versions.sh");
        try {
            Matcher m = Pattern.compile("SIM_VERSION=\"\\$\\{SIM_VERSION:-([^}]+)}\"").matcher(Files.readString(versions));
            if (m.find()) return m.group(1);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read the simulator pin from " + versions, e);
        }
        throw new IllegalStateException("no SIM_VERSION pin in " + versions);
    }

    private static int freeLoopbackPort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    private void stop() {
        if (!process.isAlive()) return;
        process.destroy();
        try {
            if (!process.waitFor(5, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        stop();
        try {
            Runtime.getRuntime().removeShutdownHook(shutdownHook);
        } catch (IllegalStateException shuttingDown) {
            // the hook is running or has run: nothing left to do
        }
    }
}
