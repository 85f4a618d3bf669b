package dev.crossover.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.crossover.crd.RepoPaths;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** config/grafana and config/prometheus: their PromQL expressions and the metric names they use or define. */
final class MonitoringConfig {
  private MonitoringConfig() {}

  static final Path DASHBOARD = RepoPaths.root().resolve("config/grafana/crossover-dashboard.json");
  static final Path RULES = RepoPaths.root().resolve("config/prometheus/rules.yaml");
  static final Path KSM = RepoPaths.root().resolve("config/prometheus/kube-state-metrics-crossover.yaml");

  /**
   * The BenchmarkRun result gauges the operator exports (the results issue's contract:
   * run/target/level/quantile labels). Checked against a real scrape once the operator serves
   * any crossover_benchmark_ metric (MonitoringMetricsIT).
   */
  static final Set<String> RESULT_GAUGES = Set.of(
      "crossover_benchmark_ttft_seconds",
      "crossover_benchmark_cost_per_million_tokens_usd",
      "crossover_benchmark_requests_per_second",
      "crossover_benchmark_break_even_requests_per_second");

  /**
   * Counters Micrometer registers on first use only (the Java Operator SDK's failure counters):
   * absent from a scrape of a healthy operator, named as their success siblings are.
   */
  static final Set<String> CREATED_ON_FIRST_FAILURE = Set.of(
      "operator_sdk_controllers_execution_reconcile_failure_total",
      "operator_sdk_reconciliations_failed_total");

  /** Series Prometheus itself makes for every scrape target. */
  static final Set<String> PROMETHEUS_BUILT_INS = Set.of("up", "scrape_duration_seconds");

  static JsonNode dashboard() throws IOException {
    return new ObjectMapper().readTree(DASHBOARD.toFile());
  }

  static JsonNode rules() throws IOException {
    return Chart.YAML.readTree(RULES.toFile());
  }

  /** Every PromQL expression of the dashboard: panel targets and query variables. */
  static List<String> dashboardExpressions() throws IOException {
    List<String> exprs = new ArrayList<>();
    JsonNode d = dashboard();
    for (JsonNode panel : d.path("panels")) {
      for (JsonNode t : panel.path("targets")) {
        exprs.add(t.path("expr").asText());
      }
    }
    for (JsonNode v : d.at("/templating/list")) {
      if ("query".equals(v.path("type").asText())) {
        exprs.add(v.at("/query/query").asText());
      }
    }
    return exprs;
  }

  static List<String> ruleExpressions() throws IOException {
    List<String> exprs = new ArrayList<>();
    for (JsonNode group : rules().at("/spec/groups")) {
      for (JsonNode rule : group.path("rules")) {
        exprs.add(rule.path("expr").asText());
      }
    }
    return exprs;
  }

  static Set<String> recordedByRules() throws IOException {
    Set<String> names = new TreeSet<>();
    for (JsonNode group : rules().at("/spec/groups")) {
      for (JsonNode rule : group.path("rules")) {
        if (rule.has("record")) {
          names.add(rule.path("record").asText());
        }
      }
    }
    return names;
  }

  /** Metric names kube-state-metrics makes from the custom resource state config: prefix_name. */
  static Set<String> definedByKubeStateMetrics() throws IOException {
    Set<String> names = new TreeSet<>();
    for (JsonNode resource : Chart.YAML.readTree(KSM.toFile()).at("/spec/resources")) {
      for (JsonNode metric : resource.path("metrics")) {
        names.add(resource.path("metricNamePrefix").asText() + "_" + metric.path("name").asText());
      }
    }
    return names;
  }

  private static final Pattern STRINGS = Pattern.compile("\"(?:[^\"\\\\]|\\\\.)*\"");
  private static final Pattern MATCHERS = Pattern.compile("\\{[^}]*\\}");
  private static final Pattern GROUPING = Pattern.compile("\\b(by|without|on|ignoring|group_left|group_right)\\s*\\([^)]*\\)");
  private static final Pattern RANGES = Pattern.compile("\\[[^\\]]*\\]");
  private static final Pattern IDENT = Pattern.compile("[a-zA-Z_:][a-zA-Z0-9_:]*");
  private static final Set<String> KEYWORDS = Set.of("and", "or", "unless", "bool", "offset", "by", "without", "on",
      "ignoring", "group_left", "group_right", "inf", "nan", "Inf", "NaN");

  /** The metric names a PromQL expression selects (not functions, labels, keywords or durations). */
  static Set<String> metricNames(String expr) {
    String s = STRINGS.matcher(expr).replaceAll(" ");
    s = MATCHERS.matcher(s).replaceAll(" ");
    s = GROUPING.matcher(s).replaceAll(" ");
    s = RANGES.matcher(s).replaceAll(" ");
    Set<String> names = new TreeSet<>();
    Matcher m = IDENT.matcher(s);
    while (m.find()) {
      String id = m.group();
      int next = m.end();
      while (next < s.length() && Character.isWhitespace(s.charAt(next))) {
        next++;
      }
      boolean function = next < s.length() && s.charAt(next) == '(';
      boolean numberPart = m.start() > 0 && (Character.isDigit(s.charAt(m.start() - 1)) || s.charAt(m.start() - 1) == '.');
      if (!function && !numberPart && !KEYWORDS.contains(id)) {
        names.add(id);
      }
    }
    return names;
  }
}
