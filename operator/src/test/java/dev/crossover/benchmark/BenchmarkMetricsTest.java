package dev.crossover.benchmark;

import static org.assertj.core.api.Assertions.assertThat;

import dev.crossover.api.v1alpha1.BenchmarkRun;
import io.micrometer.prometheus.PrometheusConfig;
import io.micrometer.prometheus.PrometheusMeterRegistry;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The exported names are a contract (Grafana dashboard, Helm chart): checked on a real Prometheus scrape. */
class BenchmarkMetricsTest {

  static BenchmarkRun run(String status) {
    return new KubernetesSerialization().unmarshal("""
        apiVersion: crossover.dev/v1alpha1
        kind: BenchmarkRun
        metadata: {name: s07, namespace: bench}
        spec:
          targets: [{name: a1, platformRef: {name: p}}]
        status:
        """ + status, BenchmarkRun.class);
  }

  static final String FINISHED = """
          phase: Succeeded
          results:
            - {target: a1, level: rate 10, state: Succeeded, requestsPerSecond: 9.8,
               ttftMs: {p50: 120.0, p95: 250.0, p99: 400.0}, e2eMs: {p50: 900.0, p95: 1500.0, p99: 2000.0}}
            - {target: a1, level: rate 30, state: Failed, message: "load Job failed"}
          targets:
            - {name: a1, costPerMillionTokensUSD: "0.4521"}
            - {name: bedrock, costPerMillionTokensUSD: "0.72"}
          breakEven:
            - {selfManaged: a1, managed: bedrock, requestsPerSecond: 3.25, tokensPerMonth: "5000000", monthlyUSD: "10.00"}
            - {selfManaged: a1, managed: bedrock, requestsPerSecond: 40.0, tokensPerMonth: "9000000", monthlyUSD: "20.00"}
        """;

  @Test
  void exportedNamesAndLabelsAreExactlyTheDocumentedOnes() {
    PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    new BenchmarkMetrics(registry).publish(run(FINISHED));
    String scrape = registry.scrape();

    Set<String> names = scrape.lines().filter(l -> l.startsWith("# TYPE ")).map(l -> l.split(" ")[2] + " " + l.split(" ")[3])
        .collect(Collectors.toSet());
    assertThat(names).containsExactlyInAnyOrder(
        "crossover_benchmark_ttft_seconds gauge",
        "crossover_benchmark_e2e_seconds gauge",
        "crossover_benchmark_requests_per_second gauge",
        "crossover_benchmark_cost_per_million_tokens_usd gauge",
        "crossover_benchmark_break_even_requests_per_second gauge",
        "crossover_benchmark_phase gauge");
    assertThat(scrape)
        .contains("crossover_benchmark_ttft_seconds{level=\"rate 10\",namespace=\"bench\",quantile=\"0.95\",run=\"s07\",target=\"a1\",} 0.25\n")
        .contains("crossover_benchmark_e2e_seconds{level=\"rate 10\",namespace=\"bench\",quantile=\"0.99\",run=\"s07\",target=\"a1\",} 2.0\n")
        .contains("crossover_benchmark_requests_per_second{level=\"rate 10\",namespace=\"bench\",run=\"s07\",target=\"a1\",} 9.8\n")
        .contains("crossover_benchmark_cost_per_million_tokens_usd{namespace=\"bench\",run=\"s07\",target=\"a1\",} 0.4521\n")
        .contains("crossover_benchmark_break_even_requests_per_second{managed=\"bedrock\",namespace=\"bench\",run=\"s07\",self_managed=\"a1\",} 3.25\n")
        .contains("crossover_benchmark_phase{namespace=\"bench\",phase=\"Succeeded\",run=\"s07\",} 1.0\n")
        .contains("crossover_benchmark_phase{namespace=\"bench\",phase=\"Running\",run=\"s07\",} 0.0\n");
    assertThat(scrape).as("a failed level has no figures").doesNotContain("level=\"rate 30\"");
  }

  @Test
  void republishingFollowsStatusAndRemovalTakesEverySeries() {
    PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    BenchmarkMetrics metrics = new BenchmarkMetrics(registry);
    metrics.publish(run("""
          phase: Running
          results:
            - {target: a1, level: rate 10, state: Succeeded, requestsPerSecond: 9.8, ttftMs: {p50: 120.0, p95: 250.0, p99: 400.0}}
        """));
    metrics.publish(run("""
          phase: Running
          results:
            - {target: a1, level: rate 10, state: Succeeded, requestsPerSecond: 9.9, ttftMs: {p50: 120.0, p95: 250.0, p99: 400.0}}
        """));
    BenchmarkRun other = run("  phase: Pending\n");
    other.getMetadata().setName("other");
    metrics.publish(other);
    String scrape = registry.scrape();
    assertThat(scrape).contains("crossover_benchmark_requests_per_second{level=\"rate 10\",namespace=\"bench\",run=\"s07\",target=\"a1\",} 9.9\n")
        .contains("phase=\"Running\",run=\"s07\",} 1.0");

    metrics.remove("bench", "s07");
    assertThat(registry.scrape()).doesNotContain("run=\"s07\"").contains("phase=\"Pending\",run=\"other\",} 1.0");
  }
}
