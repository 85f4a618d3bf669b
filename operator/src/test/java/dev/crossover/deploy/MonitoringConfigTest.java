package dev.crossover.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * The Grafana dashboard and the Prometheus rules only query metrics that something defines: the
 * operator (checked against a real scrape in MonitoringMetricsIT), the BenchmarkRun result gauges,
 * the kube-state-metrics config beside the rules, the rules' own recordings, or Prometheus.
 */
class MonitoringConfigTest {

  @Test
  void metricNameExtractionSeesMetricsNotFunctionsLabelsOrDurations() {
    assertThat(MonitoringConfig.metricNames(
        "histogram_quantile(0.95, sum by (le, controller) (rate(a_seconds_bucket{job=\"x\", le!=\"1\"}[5m]))) > 1e3 and on (controller) b_total offset 1h"))
        .containsExactlyInAnyOrder("a_seconds_bucket", "b_total");
    assertThat(MonitoringConfig.metricNames("label_values(crossover_benchmark_requests_per_second, run)"))
        .containsExactly("crossover_benchmark_requests_per_second", "run");
  }

  @Test
  void dashboardIsValidJsonWithAQueryInEveryPanel() throws IOException {
    JsonNode d = MonitoringConfig.dashboard();
    assertThat(d.path("uid").asText()).isNotBlank();
    assertThat(d.path("panels")).hasSizeGreaterThan(8);
    Set<Integer> ids = new TreeSet<>();
    for (JsonNode panel : d.path("panels")) {
      assertThat(ids.add(panel.path("id").asInt())).as("unique panel ids").isTrue();
      if (!"row".equals(panel.path("type").asText())) {
        assertThat(panel.path("targets")).as(panel.path("title").asText()).isNotEmpty();
        panel.path("targets").forEach(t -> assertThat(t.path("expr").asText()).isNotBlank());
      }
    }
    List<String> exprs = MonitoringConfig.dashboardExpressions();
    for (String gauge : MonitoringConfig.RESULT_GAUGES) {
      assertThat(exprs).as("a panel shows %s", gauge).anyMatch(e -> MonitoringConfig.metricNames(e).contains(gauge));
    }
  }

  @Test
  void rulesCoverOperatorDownReconcileErrorsFailedRunsAndSlo() throws IOException {
    JsonNode rules = MonitoringConfig.rules();
    assertThat(rules.path("apiVersion").asText()).isEqualTo("monitoring.coreos.com/v1");
    assertThat(rules.path("kind").asText()).isEqualTo("PrometheusRule");
    List<String> alerts = new ArrayList<>();
    rules.at("/spec/groups").forEach(g -> g.path("rules").forEach(r -> {
      if (r.has("alert")) {
        alerts.add(r.path("alert").asText());
        assertThat(r.at("/annotations/summary").asText()).as(r.path("alert").asText()).isNotBlank();
        assertThat(r.at("/labels/severity").asText()).isIn("critical", "warning", "info");
      }
    }));
    assertThat(alerts).contains("CrossoverOperatorDown", "CrossoverReconcileErrors", "CrossoverBenchmarkRunFailed",
        "CrossoverBenchmarkSloNotMet");
  }

  @Test
  void everyQueriedMetricIsDefinedSomewhere() throws IOException {
    Set<String> defined = new TreeSet<>(MonitoringConfig.RESULT_GAUGES);
    defined.addAll(MonitoringConfig.definedByKubeStateMetrics());
    defined.addAll(MonitoringConfig.recordedByRules());
    defined.addAll(MonitoringConfig.PROMETHEUS_BUILT_INS);
    List<String> exprs = new ArrayList<>(MonitoringConfig.dashboardExpressions());
    exprs.addAll(MonitoringConfig.ruleExpressions());
    for (String expr : exprs) {
      for (String name : MonitoringConfig.metricNames(expr)) {
        if (name.equals("run") && expr.startsWith("label_values(")) {
          continue; // label_values(metric, label): the second argument is a label
        }
        // operator_sdk_* and jvm_* come from the operator itself: MonitoringMetricsIT scrapes it.
        boolean operator = name.startsWith("operator_sdk_") || name.startsWith("jvm_");
        assertThat(operator || defined.contains(name)).as("%s in %s is defined by something", name, expr).isTrue();
      }
    }
    assertThat(MonitoringConfig.definedByKubeStateMetrics())
        .contains("crossover_benchmarkrun_condition", "crossover_benchmarkrun_level_meets_slo");
  }
}
