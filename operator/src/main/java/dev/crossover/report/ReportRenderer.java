package dev.crossover.report;

import dev.crossover.api.v1alpha1.BenchmarkRun;
import dev.crossover.api.v1alpha1.BenchmarkRunStatus;
import dev.crossover.api.v1alpha1.BreakEvenPoint;
import dev.crossover.api.v1alpha1.CachingSaving;
import dev.crossover.api.v1alpha1.MonthlyCostItem;
import dev.crossover.api.v1alpha1.RoutingSaving;
import dev.crossover.api.v1alpha1.GatewayOverhead;
import dev.crossover.api.v1alpha1.LevelResult;
import dev.crossover.api.v1alpha1.Percentiles;
import dev.crossover.api.v1alpha1.SloSpec;
import dev.crossover.api.v1alpha1.TargetSummary;
import dev.crossover.cost.CostSampler;
import dev.crossover.cost.Figures;
import dev.crossover.operator.Durations;
import dev.crossover.operator.OwnerReferences;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Renders a BenchmarkRun's report — report.json (versioned schema), report.md (the tables of
 * seed 000's report: recommendation by traffic range, targets, break-even points, every level),
 * ttft-p95.svg and monthly-cost.svg — and the ConfigMap holding them. Pure.
 *
 * <p>A ConfigMap holds at most 1 MiB. A report over {@link #BUDGET_BYTES} sheds detail in a fixed
 * order — the cost curves' points in report.json (the chart keeps them), then the per-level
 * table in report.md, then the charts, and last the levels in report.json past those that fit
 * (status keeps them all) — and says so in report.md and report.json.
 */
public final class ReportRenderer {

  public static final int SCHEMA_VERSION = 1;
  public static final String JSON = "report.json";
  public static final String MARKDOWN = "report.md";
  public static final String TTFT_CHART = "ttft-p95.svg";
  public static final String COST_CHART = "monthly-cost.svg";
  /** Under the API server's 1 MiB for a ConfigMap, with room for metadata. */
  static final int BUDGET_BYTES = 1_000_000;
  static final String DEFAULT_TTFT_P95 = "1s";
  private static final com.fasterxml.jackson.databind.ObjectMapper COMPACT_JSON =
      new com.fasterxml.jackson.databind.ObjectMapper();

  private ReportRenderer() {}

  public static String configMapName(BenchmarkRun run) {
    String name = run.getMetadata().getName();
    return (name.length() > 246 ? name.substring(0, 246) : name) + "-report";
  }

  public static ConfigMap configMap(ReportInput input) {
    BenchmarkRun run = input.run();
    return new ConfigMapBuilder()
        .withNewMetadata()
          .withName(configMapName(run))
          .withNamespace(run.getMetadata().getNamespace())
          .addToLabels("app.kubernetes.io/managed-by", "crossover")
          .addToLabels("crossover.dev/benchmarkrun", run.getMetadata().getName())
          .withOwnerReferences(OwnerReferences.controllerOf(run))
        .endMetadata()
        .withData(files(input))
        .build();
  }

  /** The report's files, in the order a reader wants them, within the ConfigMap budget. */
  public static Map<String, String> files(ReportInput input) {
    List<String> shed = new ArrayList<>();
    int levels = orEmpty(statusOf(input.run()).getResults()).size();
    int keptLevels = levels;
    for (int detail = 0; ; detail++) {
      boolean curvePoints = detail < 1;
      boolean levelTable = detail < 2;
      boolean charts = detail < 3;
      Map<String, String> files = new LinkedHashMap<>();
      files.put(MARKDOWN, markdown(input, levelTable, charts, shed));
      files.put(JSON, json(input, curvePoints, keptLevels));
      if (charts) {
        files.put(TTFT_CHART, ttftChart(input.run()));
        files.put(COST_CHART, costChart(input));
      }
      int size = size(files);
      if (size <= BUDGET_BYTES || keptLevels == 0) {
        return files;
      }
      if (detail < 3) {
        shed.add(switch (detail) {
          case 0 -> "the cost curves' points in report.json (monthly-cost.svg draws them)";
          case 1 -> "the per-level table (report.json has the levels)";
          default -> "the charts";
        });
      } else {
        // Levels are about the same size: keep the share that fits, with a margin.
        keptLevels = (int) Math.max(0, Math.min(keptLevels - 1, (long) keptLevels * BUDGET_BYTES * 9 / 10 / size));
        shed.removeIf(s -> s.startsWith("levels"));
        shed.add("levels after the first " + keptLevels + " of " + levels + " in report.json (status has them all)");
      }
    }
  }

  static int size(Map<String, String> files) {
    return files.entrySet().stream()
        .mapToInt(e -> e.getKey().length() + e.getValue().getBytes(StandardCharsets.UTF_8).length).sum();
  }

  // ---- report.json

  static String json(ReportInput input, boolean curvePoints, int keptLevels) {
    BenchmarkRun run = input.run();
    BenchmarkRunStatus status = statusOf(run);
    Map<String, Object> root = new LinkedHashMap<>();
    root.put("schemaVersion", SCHEMA_VERSION);
    root.put("kind", "CrossoverBenchmarkReport");
    Map<String, Object> meta = new LinkedHashMap<>();
    meta.put("namespace", run.getMetadata().getNamespace());
    meta.put("name", run.getMetadata().getName());
    meta.put("uid", run.getMetadata().getUid());
    meta.put("generation", run.getMetadata().getGeneration());
    root.put("run", meta);
    root.put("scenario", run.getSpec().getScenario());
    root.put("slo", run.getSpec().getSlo());
    root.put("phase", status.getPhase());
    root.put("startTime", status.getStartTime());
    root.put("completionTime", status.getCompletionTime());
    root.put("recommendation", status.getRecommendation());
    root.put("costAssumptions", status.getCostAssumptions());
    root.put("summary", status.getSummary());
    root.put("targets", status.getTargets());
    List<LevelResult> results = orEmpty(status.getResults());
    root.put("results", results.subList(0, Math.min(keptLevels, results.size())));
    if (keptLevels < results.size()) {
      root.put("resultsOmitted", results.size() - keptLevels);
    }
    root.put("breakEven", status.getBreakEven());
    root.put("recommendationTable", input.bands());
    List<Map<String, Object>> curves = new ArrayList<>();
    for (ReportInput.CostSeries c : input.costCurves()) {
      Map<String, Object> curve = new LinkedHashMap<>();
      curve.put("target", c.target());
      curve.put("selfManaged", c.selfManaged());
      curve.put("unit", "USD per month at tokens per month");
      if (curvePoints) {
        curve.put("points", c.points().stream().map(p -> List.of(p.tokensPerMonth(), p.monthlyUsd())).toList());
      }
      curves.add(curve);
    }
    root.put("costCurves", curves);
    root.values().removeIf(v -> v == null);
    try {
      // Compact: the file is for programs (jq), and indentation would cost a third of the budget.
      return COMPACT_JSON.writeValueAsString(root);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException("cannot write report.json", e);
    }
  }

  // ---- report.md

  static String markdown(ReportInput input, boolean levelTable, boolean charts, List<String> shed) {
    BenchmarkRun run = input.run();
    BenchmarkRunStatus status = statusOf(run);
    StringBuilder md = new StringBuilder();
    md.append("# BenchmarkRun ").append(run.getMetadata().getNamespace()).append('/').append(run.getMetadata().getName())
        .append("\n\n");
    md.append("Phase **").append(Optional.ofNullable(status.getPhase()).map(Enum::name).orElse("Pending")).append("**");
    Optional.ofNullable(status.getProgress()).ifPresent(p -> md.append(", ").append(p).append(" levels"));
    Optional.ofNullable(status.getStartTime()).ifPresent(t -> md.append(", started ").append(t));
    Optional.ofNullable(status.getCompletionTime()).ifPresent(t -> md.append(", finished ").append(t));
    md.append(". SLO: TTFT p95 ≤ ").append(ttftSlo(run.getSpec().getSlo())).append(".\n\n");
    Optional.ofNullable(status.getRecommendation()).ifPresent(r -> md.append("**").append(r).append("**\n\n"));
    Optional.ofNullable(status.getCostAssumptions()).ifPresent(a -> md.append("Cost figures assume ").append(a).append(".\n\n"));

    md.append("## Recommendation by traffic range\n\n");
    if (input.bands().isEmpty()) {
      md.append("No self-managed and managed target were both priced, so there is no crossover to report.\n\n");
    } else {
      Map<String, List<ReportInput.Band>> byPair = input.bands().stream().collect(Collectors.groupingBy(
          b -> b.selfManaged() + " vs " + b.managed(), LinkedHashMap::new, Collectors.toList()));
      for (var pair : byPair.entrySet()) {
        if (byPair.size() > 1) {
          md.append("### ").append(cell(pair.getKey())).append("\n\n");
        }
        md.append("| Traffic range | Recommendation | Reason |\n|---|---|---|\n");
        List<ReportInput.Band> bands = pair.getValue();
        for (int k = 0; k < bands.size(); k++) {
          ReportInput.Band b = bands.get(k);
          md.append("| ").append(range(b, k, bands.size())).append(" | ")
              .append(b.cheaper() == null ? "either" : cell(b.cheaper())).append(" | ")
              .append(b.cheaper() == null ? "same monthly cost"
                  : "cheaper than " + cell(b.dearer()) + " by up to " + Figures.usd(BigDecimal.valueOf(b.largestMonthlySavingUsd()))
                      + "/month")
              .append(" |\n");
        }
        md.append('\n');
      }
    }

    md.append("## Targets\n\n");
    md.append("| Target | Kind | Highest load meeting the SLO | req/s there | Best TTFT p95 (ms) | USD per 1M tokens "
        + "| Idle USD/month | Gateway added TTFT p50 (ms, 95% CI) | Note |\n|---|---|---|---|---|---|---|---|---|\n");
    for (TargetSummary t : orEmpty(status.getTargets())) {
      md.append("| ").append(cell(t.getName())).append(" | ").append(cell(t.getKind())).append(" | ")
          .append(cell(Optional.ofNullable(t.getMaxLoadMeetingSlo()).orElse("none"))).append(" | ")
          .append(Figures.one(t.getSloRequestsPerSecond())).append(" | ")
          .append(Figures.one(t.getBestTtftP95Ms())).append(" | ")
          .append(Optional.ofNullable(t.getCostPerMillionTokensUSD()).orElse("n/a")).append(" | ")
          .append(Optional.ofNullable(t.getIdleMonthlyUSD()).map(v -> Figures.usd(new BigDecimal(v))).orElse("n/a")).append(" | ")
          .append(overhead(t.getGatewayAddedLatency())).append(" | ")
          .append(cell(Optional.ofNullable(t.getCostNote()).orElse(""))).append(" |\n");
    }
    md.append('\n');

    fixedCosts(md, orEmpty(status.getTargets()));
    promptCaching(md, orEmpty(status.getTargets()));
    prefixCacheRouting(md, orEmpty(status.getTargets()));

    md.append("## Break-even points\n\n");
    if (orEmpty(status.getBreakEven()).isEmpty()) {
      md.append("None in the analysed range.\n\n");
    } else {
      md.append("| Self-managed | Managed | Tokens/month | req/s | Band (tokens/month, req/s) | Monthly USD | Cheaper above |\n"
          + "|---|---|---|---|---|---|---|\n");
      for (BreakEvenPoint p : status.getBreakEven()) {
        md.append("| ").append(cell(p.getSelfManaged())).append(" | ").append(cell(p.getManaged())).append(" | ")
            .append(Figures.tokens(new BigDecimal(p.getTokensPerMonth()))).append(" | ")
            .append(p.getRequestsPerSecond() == null ? "n/a" : Figures.rate(p.getRequestsPerSecond())).append(" | ")
            .append(band(p)).append(" | ")
            .append(Figures.usd(new BigDecimal(p.getMonthlyUSD()))).append(" | ")
            .append(cell(p.getCheaperAbove())).append(" |\n");
      }
      md.append('\n');
      orEmpty(status.getBreakEven()).stream().map(BreakEvenPoint::getBand).filter(b -> b != null).distinct()
          .forEach(b -> md.append("_").append(cell(b)).append("_\n\n"));
    }

    if (levelTable) {
      md.append("## Results per level\n\n");
      md.append("| Target | Level | State | Requests | req/s | Output tok/s | TTFT p50 / p95 / p99 (ms) | E2E p95 (ms) "
          + "| Error rate | Prefix-cache hits (server) | Meets SLO |\n|---|---|---|---|---|---|---|---|---|---|---|\n");
      for (LevelResult r : orEmpty(status.getResults())) {
        md.append("| ").append(cell(r.getTarget())).append(" | ").append(cell(r.getLevel())).append(" | ")
            .append(cell(r.getState())).append(" | ")
            .append(r.getRequests() == null ? "" : r.getRequests()).append(" | ")
            .append(Figures.one(r.getRequestsPerSecond())).append(" | ")
            .append(Figures.one(r.getOutputTokensPerSecond())).append(" | ")
            .append(triple(r.getTtftMs())).append(" | ")
            .append(Figures.one(r.getE2eMs() == null ? null : r.getE2eMs().getP95())).append(" | ")
            .append(r.getErrorRate() == null ? "" : String.format(Locale.ROOT, "%.2f%%", 100 * r.getErrorRate())).append(" | ")
            .append(r.getPrefixCacheHitRate() == null ? "" : String.format(Locale.ROOT, "%.1f%%", 100 * r.getPrefixCacheHitRate()))
            .append(" | ")
            .append(r.getMeetsSlo() == null ? "" : r.getMeetsSlo() ? "yes" : "no").append(" |\n");
      }
      md.append('\n');
    }
    if (charts) {
      md.append("## Charts\n\n![TTFT p95 against load](").append(TTFT_CHART).append(")\n\n![Monthly cost against traffic](")
          .append(COST_CHART).append(")\n");
    }
    if (!shed.isEmpty()) {
      md.append("\n_Left out to stay within a ConfigMap's 1 MiB: ").append(String.join("; ", shed)).append("._\n");
    }
    return md.toString();
  }

  /** Seed 000's "Fixed Costs (Monthly)" table, per self-managed target, at its floor fleet. */
  private static void fixedCosts(StringBuilder md, List<TargetSummary> targets) {
    List<TargetSummary> priced = targets.stream().filter(t -> t.getFixedMonthlyCosts() != null).toList();
    if (priced.isEmpty()) {
      return;
    }
    md.append("## Fixed monthly costs (self-managed, at the fleet floor)\n\n");
    for (TargetSummary t : priced) {
      md.append("### ").append(cell(t.getName())).append("\n\n| Item | USD/month | Source |\n|---|---|---|\n");
      BigDecimal total = BigDecimal.ZERO;
      for (MonthlyCostItem i : t.getFixedMonthlyCosts()) {
        BigDecimal usd = new BigDecimal(i.getMonthlyUSD());
        total = total.add(usd);
        md.append("| ").append(cell(i.getItem())).append(" | ").append(Figures.usd(usd)).append(" | ")
            .append(cell(i.getSource())).append(" |\n");
      }
      md.append("| **Total (idle cost)** | **").append(Figures.usd(total)).append("** | |\n\n");
    }
  }

  private static void promptCaching(StringBuilder md, List<TargetSummary> targets) {
    List<TargetSummary> cached = targets.stream().filter(t -> t.getPromptCachingSaving() != null).toList();
    if (cached.isEmpty()) {
      return;
    }
    md.append("## Prompt caching (Bedrock, at the SLO-meeting load)\n\n| Target | Cache reads | Cache writes "
        + "| USD/month with caching | without | Saving |\n|---|---|---|---|---|---|\n");
    for (TargetSummary t : cached) {
      CachingSaving c = t.getPromptCachingSaving();
      md.append("| ").append(cell(t.getName())).append(" | ")
          .append(String.format(Locale.ROOT, "%.1f%%", 100 * c.getCacheReadShare())).append(" | ")
          .append(String.format(Locale.ROOT, "%.1f%%", 100 * c.getCacheWriteShare())).append(" | ")
          .append(Figures.usd(new BigDecimal(c.getWithCachingMonthlyUSD()))).append(" | ")
          .append(Figures.usd(new BigDecimal(c.getWithoutCachingMonthlyUSD()))).append(" | ")
          .append(Figures.usd(new BigDecimal(c.getSavingMonthlyUSD()))).append(" |\n");
    }
    md.append("\nCache reads and writes are priced at their own rates (writes above the input price), so a low hit rate can cost more than no caching.\n\n");
  }

  private static void prefixCacheRouting(StringBuilder md, List<TargetSummary> targets) {
    List<TargetSummary> routed = targets.stream().filter(t -> t.getPrefixCacheRoutingSaving() != null).toList();
    if (routed.isEmpty()) {
      return;
    }
    md.append("## Prefix-cache routing (self-managed)\n\n| Target | Compared with (round robin) | Capacity per replica "
        + "| At tokens/month | Saved USD/month |\n|---|---|---|---|---|\n");
    for (TargetSummary t : routed) {
      RoutingSaving r = t.getPrefixCacheRoutingSaving();
      md.append("| ").append(cell(t.getName())).append(" | ").append(cell(r.getComparedWith())).append(" | ")
          .append(String.format(Locale.ROOT, "%.2fx", r.getCapacityRatio())).append(" | ")
          .append(Figures.tokens(new BigDecimal(r.getTokensPerMonth()))).append(" | ")
          .append(Figures.usd(new BigDecimal(r.getMonthlyUSDSaved()))).append(" |\n");
    }
    md.append('\n');
  }

  private static String band(BreakEvenPoint p) {
    if (p.getTokensPerMonthLow() == null || p.getTokensPerMonthHigh() == null) {
      return "";
    }
    return Figures.tokens(new BigDecimal(p.getTokensPerMonthLow())) + "-" + Figures.tokens(new BigDecimal(p.getTokensPerMonthHigh()))
        + (p.getRequestsPerSecondLow() == null ? "" : " (" + Figures.rate(p.getRequestsPerSecondLow()) + "-"
            + Figures.rate(p.getRequestsPerSecondHigh()) + " req/s)");
  }

  private static String range(ReportInput.Band b, int index, int count) {
    if (count == 1) {
      return "Up to " + Figures.tokens(BigDecimal.valueOf(b.toTokens())) + " tokens/month";
    }
    if (index == 0) {
      return "Below " + at(b.toTokens(), b.toRequestsPerSecond());
    }
    if (index == count - 1) {
      return "Above " + at(b.fromTokens(), b.fromRequestsPerSecond());
    }
    return "From " + at(b.fromTokens(), b.fromRequestsPerSecond()) + " to " + at(b.toTokens(), b.toRequestsPerSecond());
  }

  private static String at(double tokens, double rps) {
    return Figures.tokens(BigDecimal.valueOf(tokens)) + " tokens/month (" + Figures.rate(rps) + " req/s)";
  }

  private static String overhead(GatewayOverhead g) {
    if (g == null || g.getAddedMs() == null || g.getAddedMs().getP50() == null) {
      return "";
    }
    return Figures.one(g.getAddedMs().getP50()) + " [" + Figures.one(g.getCiLowMs()) + ", " + Figures.one(g.getCiHighMs())
        + "] vs " + cell(g.getComparedWith()) + Optional.ofNullable(g.getLevel()).map(l -> " at " + cell(l)).orElse("");
  }

  private static String triple(Percentiles p) {
    return p == null ? "" : Figures.one(p.getP50()) + " / " + Figures.one(p.getP95()) + " / " + Figures.one(p.getP99());
  }

  /** Markdown table cells: no pipes or line breaks from user-given names. */
  static String cell(String s) {
    return s == null ? "" : s.replace("|", "\\|").replace("\r", " ").replace("\n", " ");
  }

  // ---- charts

  static String ttftChart(BenchmarkRun run) {
    BenchmarkRunStatus status = statusOf(run);
    List<LevelResult> measured = orEmpty(status.getResults()).stream()
        .filter(r -> "Succeeded".equals(r.getState()) && r.getTtftMs() != null && r.getTtftMs().getP95() != null).toList();
    List<String> levels = new ArrayList<>(orEmpty(status.getResults()).stream().map(LevelResult::getLevel)
        .collect(Collectors.toCollection(LinkedHashSet::new)));
    Map<String, List<SvgChart.Point>> byTarget = new LinkedHashMap<>();
    for (LevelResult r : measured) {
      byTarget.computeIfAbsent(r.getTarget(), t -> new ArrayList<>())
          .add(new SvgChart.Point(levels.indexOf(r.getLevel()), r.getTtftMs().getP95()));
    }
    double slo = Durations.millis(ttftSlo(run.getSpec().getSlo()));
    double largest = Math.max(slo, measured.stream().mapToDouble(r -> r.getTtftMs().getP95()).max().orElse(slo));
    double top = SvgChart.niceMax(largest);
    List<SvgChart.Tick> xTicks = new ArrayList<>();
    for (int i = 0; i < levels.size(); i++) {
      xTicks.add(new SvgChart.Tick(i, levels.get(i)));
    }
    SvgChart.Axis x = new SvgChart.Axis("Load level", SvgChart.Scale.LINEAR, -0.5, Math.max(0.5, levels.size() - 0.5), xTicks);
    SvgChart.Axis y = new SvgChart.Axis("TTFT p95 (ms)", SvgChart.Scale.LINEAR, 0, top,
        SvgChart.linearTicks(top, v -> SvgChart.num(v)));
    List<SvgChart.Series> series = byTarget.entrySet().stream()
        .map(e -> new SvgChart.Series(e.getKey(), e.getValue())).toList();
    return SvgChart.render("TTFT p95 against load, per target", x, y, series, List.of(),
        Optional.of(new SvgChart.Tick(slo, "SLO " + ttftSlo(run.getSpec().getSlo()))));
  }

  static String costChart(ReportInput input) {
    List<SvgChart.Series> series = new ArrayList<>();
    double minX = Double.MAX_VALUE;
    double minY = Double.MAX_VALUE;
    double maxY = 0;
    for (ReportInput.CostSeries c : input.costCurves()) {
      List<SvgChart.Point> points = new ArrayList<>();
      for (CostSampler.Point p : c.points()) {
        if (p.tokensPerMonth() > 0 && p.monthlyUsd() > 0) {
          points.add(new SvgChart.Point(p.tokensPerMonth(), p.monthlyUsd()));
          minX = Math.min(minX, p.tokensPerMonth());
          minY = Math.min(minY, p.monthlyUsd());
          maxY = Math.max(maxY, p.monthlyUsd());
        }
      }
      series.add(new SvgChart.Series(c.target() + (c.selfManaged() ? " (self-managed)" : " (managed)"), points));
    }
    List<SvgChart.Marker> markers = new ArrayList<>();
    for (BreakEvenPoint p : orEmpty(statusOf(input.run()).getBreakEven())) {
      double tokens = Double.parseDouble(p.getTokensPerMonth());
      double usd = Double.parseDouble(p.getMonthlyUSD());
      markers.add(new SvgChart.Marker(tokens, usd, p.getSelfManaged() + " = " + p.getManaged() + " at "
          + Figures.tokens(new BigDecimal(p.getTokensPerMonth())) + " tokens/month"
          + (p.getRequestsPerSecond() == null ? "" : " (" + Figures.rate(p.getRequestsPerSecond()) + " req/s)")));
      if (usd > 0) {
        minY = Math.min(minY, usd);
        maxY = Math.max(maxY, usd);
      }
    }
    if (series.stream().allMatch(s -> s.points().isEmpty())) {
      minX = 1e6;
      minY = 1;
      maxY = 10;
    }
    double x0 = Math.pow(10, Math.floor(Math.log10(Math.min(minX, input.upToTokens() / 10))));
    double x1 = Math.pow(10, Math.ceil(Math.log10(input.upToTokens())));
    double y0 = Math.pow(10, Math.floor(Math.log10(minY)));
    double y1 = Math.pow(10, Math.ceil(Math.log10(maxY)));
    if (y1 <= y0) {
      y1 = y0 * 10;
    }
    SvgChart.Axis x = new SvgChart.Axis("Traffic (tokens/month, input + output)", SvgChart.Scale.LOG, x0, x1,
        SvgChart.decadeTicks(x0, x1, v -> Figures.tokens(BigDecimal.valueOf(v))));
    SvgChart.Axis y = new SvgChart.Axis("Monthly cost (USD)", SvgChart.Scale.LOG, y0, y1,
        SvgChart.decadeTicks(y0, y1, v -> "$" + Figures.tokens(BigDecimal.valueOf(v))));
    return SvgChart.render("Monthly cost against traffic, crossover points marked", x, y, series, markers,
        Optional.empty());
  }

  private static String ttftSlo(SloSpec slo) {
    return Optional.ofNullable(slo).map(SloSpec::getTtftP95).orElse(DEFAULT_TTFT_P95);
  }

  private static BenchmarkRunStatus statusOf(BenchmarkRun run) {
    return run.getStatus() == null ? new BenchmarkRunStatus() : run.getStatus();
  }

  private static <T> List<T> orEmpty(List<T> list) {
    return list == null ? List.of() : list;
  }
}
