package dev.crossover.gateway;

import dev.crossover.api.v1alpha1.GatewayProfile;
import dev.crossover.api.v1alpha1.GatewayProfileSpec.Type;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Gateway added latency on this machine (benchmark plan Q9): the real llm-d-inference-sim, and in
 * front of it the real LiteLLM and Bifrost fed the rendered configs, measured with the loadgen CLI
 * (the project's instrument) as paired runs in one sitting: at each concurrency the three targets
 * run back to back in rotated order, several rounds, and each target's rounds are merged as
 * histograms (never by averaging percentiles). Prints a table; not a test (run by `make bench`).
 *
 * <p>Usage: GatewayOverheadBench LOADGEN_JAR [seconds per run] [rounds] [concurrency,...]
 */
public final class GatewayOverheadBench {
  private GatewayOverheadBench() {}

  public static void main(String[] args) throws Exception {
    Path jar = Path.of(args[0]);
    int seconds = args.length > 1 ? Integer.parseInt(args[1]) : 15;
    int rounds = args.length > 2 ? Integer.parseInt(args[2]) : 2;
    List<Integer> levels = args.length > 3
        ? java.util.Arrays.stream(args[3].split(",")).map(Integer::parseInt).toList() : List.of(1, 10, 100);
    String java = ProcessHandle.current().info().command().orElse("java");
    Path out = Files.createTempDirectory("gateway-bench-");

    try (LocalProcess sim = RealParts.simulator("bench", "--time-to-first-token", "50ms", "--inter-token-latency", "10ms")) {
      GatewayProfile lp = Profiles.profile(Type.LiteLLM, "sim");
      GatewayProfile bp = Profiles.profile(Type.Bifrost, "sim");
      List<ResolvedTarget> targets = List.of(ResolvedTarget.openAI("sim", ResolvedTarget.Kind.Platform,
          RealParts.v1(sim), RealParts.SIM_MODEL, 1));
      String lkey = GatewayNames.newKey(Type.LiteLLM);
      String bkey = GatewayNames.newKey(Type.Bifrost);
      try (LocalProcess litellm = RealParts.liteLlm(GatewayObjects.renderConfig(lp.getSpec(), targets),
              Map.of(GatewayNames.LITELLM_MASTER_KEY_ENV, lkey));
          LocalProcess bifrost = RealParts.bifrost(GatewayObjects.renderConfig(bp.getSpec(), targets),
              Map.of(GatewayNames.BIFROST_MASTER_KEY_ENV, bkey))) {
        Map<String, String[]> endpoints = new LinkedHashMap<>();
        endpoints.put("direct", new String[] {RealParts.v1(sim), "none"});
        endpoints.put("litellm", new String[] {RealParts.v1(litellm), lkey});
        endpoints.put("bifrost", new String[] {RealParts.v1(bifrost), bkey});
        List<String> names = new ArrayList<>(endpoints.keySet());

        StringBuilder table = new StringBuilder();
        table.append(String.format(Locale.ROOT, "%-8s %4s %9s %9s %9s %9s %9s %9s %8s %7s%n", "target", "c",
            "ttft p50", "ttft p90", "ttft p99", "e2e p50", "e2e p90", "e2e p99", "req/s", "errors"));
        Map<String, double[]> rows = new LinkedHashMap<>();
        for (int c : levels) {
          Map<String, List<Path>> files = new LinkedHashMap<>();
          for (int r = 0; r < rounds; r++) {
            for (int i = 0; i < names.size(); i++) {
              String name = names.get((i + r) % names.size());
              Path f = out.resolve(name + "-c" + c + "-r" + r + ".json");
              String[] ep = endpoints.get(name);
              run(List.of(java, "-jar", jar.toString(), "run", "-u", ep[0], "-m", RealParts.SIM_MODEL,
                  "--api-key-env", "BENCH_KEY", "-c", String.valueOf(c), "-d", seconds + "s", "--warmup", "3s",
                  "--input-tokens", "200", "--output-tokens", "32", "--seed", String.valueOf(r + 1),
                  "--label", name + "-c" + c, "--no-summary", "-o", f.toString()), Map.of("BENCH_KEY", ep[1]));
              files.computeIfAbsent(name, k -> new ArrayList<>()).add(f);
            }
          }
          for (String name : names) {
            Path merged = out.resolve(name + "-c" + c + ".json");
            List<String> cmd = new ArrayList<>(List.of(java, "-jar", jar.toString(), "merge", "-o", merged.toString()));
            files.get(name).forEach(p -> cmd.add(p.toString()));
            run(cmd, Map.of());
            String summary = run(List.of(java, "-jar", jar.toString(), "summary", merged.toString()), Map.of());
            double[] ttft = percentiles(summary, "ttft");
            double[] e2e = percentiles(summary, "e2e");
            double[] head = header(summary);
            rows.put(name + "@" + c, new double[] {ttft[0], ttft[1], ttft[2], e2e[0], e2e[1], e2e[2]});
            table.append(String.format(Locale.ROOT, "%-8s %4d %9.2f %9.2f %9.2f %9.2f %9.2f %9.2f %8.1f %7.0f%n",
                name, c, ttft[0], ttft[1], ttft[2], e2e[0], e2e[1], e2e[2], head[1], head[0]));
          }
        }
        table.append("\nadded latency vs direct (ms; TTFT p50/p90/p99 | E2E p50/p90/p99)\n");
        for (int c : levels) {
          double[] d = rows.get("direct@" + c);
          for (String name : List.of("litellm", "bifrost")) {
            double[] g = rows.get(name + "@" + c);
            table.append(String.format(Locale.ROOT, "%-8s c=%-4d %+8.2f %+8.2f %+8.2f | %+8.2f %+8.2f %+8.2f%n", name, c,
                g[0] - d[0], g[1] - d[1], g[2] - d[2], g[3] - d[3], g[4] - d[4], g[5] - d[5]));
          }
        }
        System.out.println(table);
        System.out.println("results: " + out);
      }
    }
  }

  /** p50, p90, p99 in ms of a metric row of `loadgen summary`. */
  static double[] percentiles(String summary, String metric) {
    for (String line : summary.split("\n")) {
      String[] f = line.trim().split("\\s+");
      if (f.length >= 6 && f[0].equals(metric)) {
        return new double[] {Double.parseDouble(f[2]), Double.parseDouble(f[3]), Double.parseDouble(f[4])};
      }
    }
    throw new IllegalStateException("no " + metric + " row in:\n" + summary);
  }

  /** failed count and req/s from the first summary line. */
  static double[] header(String summary) {
    var m = java.util.regex.Pattern.compile("(\\d+) failed.*?([0-9.]+) req/s").matcher(summary);
    return m.find() ? new double[] {Double.parseDouble(m.group(1)), Double.parseDouble(m.group(2))} : new double[] {-1, -1};
  }

  static String run(List<String> cmd, Map<String, String> env) throws IOException, InterruptedException {
    ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
    pb.environment().putAll(env);
    Process p = pb.start();
    try {
      String output = new String(p.getInputStream().readAllBytes());
      if (!p.waitFor(10, TimeUnit.MINUTES) || p.exitValue() != 0) {
        throw new IllegalStateException("failed: " + String.join(" ", cmd) + "\n" + output);
      }
      return output;
    } finally {
      p.destroyForcibly();
    }
  }
}
