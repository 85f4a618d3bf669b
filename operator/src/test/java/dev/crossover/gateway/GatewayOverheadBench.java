package dev.crossover.gateway;

import dev.crossover.api.v1alpha1.GatewayProfile;
import dev.crossover.api.v1alpha1.GatewayProfileSpec.Type;
import dev.crossover.benchmark.MedianDifference;
import dev.crossover.loadgen.result.Counter;
import dev.crossover.loadgen.result.Metric;
import dev.crossover.loadgen.result.RunResult;
import dev.crossover.loadgen.result.RunResultJson;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.HdrHistogram.Histogram;

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
            "ttft p50", "ttft p95", "ttft p99", "e2e p50", "e2e p95", "e2e p99", "req/s", "errors"));
        Map<String, RunResult> merged = new LinkedHashMap<>();
        for (int c : levels) {
          Map<String, List<Path>> files = new LinkedHashMap<>();
          // Rounds rotate the order, so no target always runs first (or last) in the sitting.
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
            // Rounds merged from their histograms, as a BenchmarkRun merges shards.
            RunResult all = null;
            // Rounds ran one after another with other targets in between: a rate is their requests
            // over their own windows, not over the merged window that spans the others' runs too.
            double measuredSeconds = 0;
            for (Path f : files.get(name)) {
              RunResult one = RunResultJson.read(Files.readString(f));
              measuredSeconds += one.windowSeconds();
              all = all == null ? one : all.merge(one);
            }
            merged.put(name + "@" + c, all);
            Histogram ttft = all.total().histogram(Metric.TTFT);
            Histogram e2e = all.total().histogram(Metric.E2E);
            table.append(String.format(Locale.ROOT, "%-8s %4d %9.2f %9.2f %9.2f %9.2f %9.2f %9.2f %8.1f %7d%n",
                name, c, ms(ttft, 50), ms(ttft, 95), ms(ttft, 99), ms(e2e, 50), ms(e2e, 95), ms(e2e, 99),
                all.total().counter(Counter.REQUESTS_SUCCEEDED) / measuredSeconds,
                all.total().counter(Counter.REQUESTS_FAILED)));
          }
        }
        table.append("\nadded TTFT vs direct, ms: p50 [95% interval of the median difference, Bonett-Price] p95 p99\n");
        for (int c : levels) {
          Histogram d = merged.get("direct@" + c).total().histogram(Metric.TTFT);
          for (String name : List.of("litellm", "bifrost")) {
            Histogram g = merged.get(name + "@" + c).total().histogram(Metric.TTFT);
            var diff = MedianDifference.of(g, d);
            table.append(String.format(Locale.ROOT, "%-8s c=%-4d %+8.2f [%+.2f, %+.2f] %+8.2f %+8.2f%n", name, c,
                diff.map(x -> x.difference() / 1e6).orElse(Double.NaN),
                diff.map(x -> x.low() / 1e6).orElse(Double.NaN), diff.map(x -> x.high() / 1e6).orElse(Double.NaN),
                ms(g, 95) - ms(d, 95), ms(g, 99) - ms(d, 99)));
          }
        }
        System.out.println(table);
        System.out.println("results: " + out);
      }
    }
  }

  private static double ms(Histogram h, double percentile) {
    return h.getValueAtPercentile(percentile) / 1e6;
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
