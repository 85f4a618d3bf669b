package dev.crossover.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.crossover.api.v1alpha1.BenchmarkRun;
import dev.crossover.api.v1alpha1.BenchmarkRunStatus;
import dev.crossover.api.v1alpha1.BreakEvenPoint;
import dev.crossover.api.v1alpha1.CostSpec;
import dev.crossover.api.v1alpha1.LevelResult;
import dev.crossover.api.v1alpha1.Percentiles;
import dev.crossover.api.v1alpha1.TargetSummary;
import dev.crossover.aws.InstanceTypeCatalog;
import dev.crossover.benchmark.BenchmarkCosts;
import dev.crossover.benchmark.Reports;
import dev.crossover.benchmark.ResolvedBenchmarkTarget;
import dev.crossover.cost.PriceCatalog;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.xpath.XPath;
import javax.xml.xpath.XPathConstants;
import javax.xml.xpath.XPathFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.NodeList;

public class ReportRendererTest {

  // One g5.2xlarge replica that met the SLO at 2 req/s of 800 + 200 tokens, and Bedrock Llama 3.1 8B.
  static final BenchmarkCosts.Measured PLATFORM = new BenchmarkCosts.Measured("a1", true,
      Optional.of(new BenchmarkCosts.PlatformFacts("g5.2xlarge", 1, 1, null, false)), null, 2.0, 800, 200);
  static final BenchmarkCosts.Measured BEDROCK = new BenchmarkCosts.Measured("bedrock-llama8b", false,
      Optional.empty(), "meta.llama3-1-8b-instruct-v1:0", 5.0, 800, 200);
  static final List<ResolvedBenchmarkTarget> TARGETS = List.of(target("a1", true), target("bedrock-llama8b", false));

  static ResolvedBenchmarkTarget target(String name, boolean selfManaged) {
    return new ResolvedBenchmarkTarget(name, selfManaged ? "Gateway" : "Bedrock", "x", null, null, selfManaged,
        Optional.empty(), null);
  }

  public static ReportInput input(int extraTargets, int levels) {
    BenchmarkCosts.Result costs = new BenchmarkCosts(PriceCatalog.embedded(), InstanceTypeCatalog.embedded())
        .compute(new CostSpec(), List.of(PLATFORM, BEDROCK));
    BenchmarkRun run = new KubernetesSerialization().unmarshal("""
        apiVersion: crossover.dev/v1alpha1
        kind: BenchmarkRun
        metadata: {name: s07, namespace: bench, uid: 0b7a7c1e-0000-4000-8000-000000000007, generation: 1}
        spec:
          scenario: BreakEvenSweep
          targets: [{name: a1, gatewayRef: {name: a1}}, {name: bedrock-llama8b, bedrock: {modelId: m}}]
          slo: {ttftP95: 500ms}
        """, BenchmarkRun.class);
    BenchmarkRunStatus status = new BenchmarkRunStatus();
    status.setPhase(BenchmarkRunStatus.Phase.Succeeded);
    status.setProgress(levels + "/" + levels);
    List<String> names = new ArrayList<>(List.of("a1", "bedrock-llama8b"));
    for (int i = 0; i < extraTargets; i++) {
      names.add("target-with-a-long-name-" + i);
    }
    List<LevelResult> results = new ArrayList<>();
    List<TargetSummary> summaries = new ArrayList<>();
    for (String name : names) {
      for (int l = 0; l < levels; l++) {
        LevelResult r = new LevelResult();
        r.setTarget(name);
        r.setLevel("rate " + (l + 1) * 5);
        r.setState("Succeeded");
        r.setRequests(1000L * (l + 1));
        r.setErrors(3L);
        r.setErrorRate(0.003);
        r.setRequestsPerSecond(5.0 * (l + 1));
        r.setOutputTokensPerSecond(1000.0 * (l + 1));
        r.setTtftMs(new Percentiles(100.0 + 20 * l, 180.0 + 60 * l, 250.0 + 90 * l));
        r.setE2eMs(new Percentiles(900.0, 1400.0, 1900.0));
        r.setMeetsSlo(180.0 + 60 * l <= 500);
        results.add(r);
      }
      TargetSummary t = new TargetSummary();
      t.setName(name);
      t.setKind(name.startsWith("bedrock") ? "Bedrock" : "Gateway");
      t.setCostPerMillionTokensUSD(costs.costPerMillionTokensUsd().get(name));
      summaries.add(t);
    }
    status.setResults(results);
    status.setTargets(summaries);
    status.setBreakEven(costs.breakEven());
    status.setRecommendation(costs.recommendation().orElseThrow());
    run.setStatus(status);
    return Reports.input(run, TARGETS, costs);
  }

  static Document svg(String text) throws Exception {
    DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
    f.setNamespaceAware(true);
    return f.newDocumentBuilder().parse(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)));
  }

  static NodeList nodes(Document doc, String xpath) throws Exception {
    XPath x = XPathFactory.newInstance().newXPath();
    return (NodeList) x.evaluate(xpath, doc, XPathConstants.NODESET);
  }

  @Test
  void theCostChartIsSvgWithLogAxesACurvePerTargetAndTheCrossoverMarked() throws Exception {
    Document doc = svg(ReportRenderer.files(input(0, 4)).get(ReportRenderer.COST_CHART));
    assertThat(doc.getDocumentElement().getLocalName()).isEqualTo("svg");
    assertThat(doc.getDocumentElement().getNamespaceURI()).isEqualTo("http://www.w3.org/2000/svg");
    assertThat(nodes(doc, "//*[local-name()='g'][@class='axis x']//*[local-name()='text'][@class='axis-title']")
        .item(0).getTextContent()).startsWith("Traffic (tokens/month");
    // 1e6 .. 1e11 tokens/month: six decade ticks.
    assertThat(nodes(doc, "//*[local-name()='g'][@class='axis x']/*[local-name()='g'][@class='tick']").getLength()).isEqualTo(6);
    assertThat(nodes(doc, "//*[local-name()='g'][@class='axis y']/*[local-name()='g'][@class='tick']").getLength()).isGreaterThan(1);
    NodeList series = nodes(doc, "//*[local-name()='g'][@class='series']/@data-name");
    assertThat(List.of(series.item(0).getNodeValue(), series.item(1).getNodeValue()))
        .containsExactly("a1 (self-managed)", "bedrock-llama8b (managed)");
    // The self-managed curve steps: both sides of a replica boundary are points of its polyline.
    String selfManaged = nodes(doc, "//*[local-name()='g'][@data-name='a1 (self-managed)']/*[local-name()='polyline']/@points")
        .item(0).getNodeValue();
    assertThat(selfManaged.split(" ").length).isGreaterThan(60);
    NodeList markers = nodes(doc, "//*[local-name()='g'][@class='marker']/@data-label");
    // One replica serves up to 2 req/s: each added replica jumps over the Bedrock line until
    // 6.25 req/s, so the curves cross seven times, every crossing marked.
    assertThat(markers.getLength()).isEqualTo(7);
    assertThat(markers.item(0).getNodeValue()).isEqualTo("a1 = bedrock-llama8b at 4.35B tokens/month (1.66 req/s)");
    assertThat(markers.item(6).getNodeValue()).isEqualTo("a1 = bedrock-llama8b at 16.4B tokens/month (6.25 req/s)");
  }

  @Test
  void theTtftChartHasALinePerTargetOverTheLevelsAndTheSlo() throws Exception {
    Document doc = svg(ReportRenderer.files(input(1, 5)).get(ReportRenderer.TTFT_CHART));
    assertThat(nodes(doc, "//*[local-name()='g'][@class='series']").getLength()).isEqualTo(3);
    assertThat(nodes(doc, "//*[local-name()='g'][@class='axis x']/*[local-name()='g'][@class='tick']").getLength()).isEqualTo(5);
    assertThat(nodes(doc, "//*[local-name()='g'][@class='axis x']//*[local-name()='text'][@class='tick-label']")
        .item(4).getTextContent()).isEqualTo("rate 25");
    assertThat(nodes(doc, "//*[local-name()='g'][@data-name='a1']/*[local-name()='circle']").getLength()).isEqualTo(5);
    assertThat(nodes(doc, "//*[local-name()='line'][@class='reference']").getLength()).isEqualTo(1);
    assertThat(nodes(doc, "//*[local-name()='text'][@class='reference-label']").item(0).getTextContent()).isEqualTo("SLO 500ms");
  }

  @Test
  void namesThatAreNotXmlSafeAreEscaped() throws Exception {
    SvgChart.Axis axis = new SvgChart.Axis("x & <y>", SvgChart.Scale.LINEAR, 0, 10, SvgChart.linearTicks(10, SvgChart::num));
    String text = SvgChart.render("a \"title\" & more", axis, axis,
        List.of(new SvgChart.Series("<script>&", List.of(new SvgChart.Point(1, 2)))), List.of(), Optional.empty());
    Document doc = svg(text);
    assertThat(nodes(doc, "//*[local-name()='g'][@class='series']/@data-name").item(0).getNodeValue()).isEqualTo("<script>&");
  }

  @Test
  void theMarkdownHasSeedZerosRecommendationTableAndEveryLevel() {
    String md = ReportRenderer.files(input(0, 3)).get(ReportRenderer.MARKDOWN);
    assertThat(md).startsWith("# BenchmarkRun bench/s07\n");
    assertThat(md).contains("| Traffic range | Recommendation | Reason |\n|---|---|---|\n"
        + "| Below 4.35B tokens/month (1.66 req/s) | bedrock-llama8b | cheaper than a1 by up to ");
    assertThat(md).contains("| From 4.35B tokens/month (1.66 req/s) to 5.26B tokens/month (2 req/s) | a1 "
        + "| cheaper than bedrock-llama8b by up to $198.56/month |");
    assertThat(md).contains("| Above 16.4B tokens/month (6.25 req/s) | a1 | cheaper than bedrock-llama8b by up to $5,086.64/month |");
    assertThat(md).contains("| a1 | bedrock-llama8b | 4.35B | 1.66 |  | $957.76 | a1 |");
    assertThat(md).contains("| a1 | rate 15 | Succeeded | 3000 | 15.0 | 3000.0 | 140.0 / 300.0 / 430.0 | 1400.0 | 0.30% |  | yes |");
    assertThat(md).contains("![TTFT p95 against load](ttft-p95.svg)");
    assertThat(md).doesNotContain("Left out");
  }

  @Test
  void theBreakEvenBandAndIdleCostAreInTheTables() {
    ReportInput input = input(0, 3);
    BreakEvenPoint first = input.run().getStatus().getBreakEven().getFirst();
    first.setTokensPerMonthLow("4000000000");
    first.setTokensPerMonthHigh("9000000000");
    first.setRequestsPerSecondLow(1.52);
    first.setRequestsPerSecondHigh(3.42);
    first.setBand("Break-even band 4B-9B tokens/month: too wide to decide.");
    input.run().getStatus().getTargets().getFirst().setIdleMonthlyUSD("957.76");
    dev.crossover.api.v1alpha1.RoutingSaving routing = new dev.crossover.api.v1alpha1.RoutingSaving();
    routing.setComparedWith("a0-round-robin");
    routing.setCapacityRatio(1.5);
    routing.setTokensPerMonth("21024000000");
    routing.setMonthlyUSDSaved("884.76");
    input.run().getStatus().getTargets().getFirst().setPrefixCacheRoutingSaving(routing);
    String md = ReportRenderer.files(input).get(ReportRenderer.MARKDOWN);
    assertThat(md).contains("| a1 | a0-round-robin | 1.50x | 21B | $884.76 |");
    assertThat(md).contains("| a1 | bedrock-llama8b | 4.35B | 1.66 | 4B-9B (1.52-3.42 req/s) | $957.76 | a1 |");
    assertThat(md).contains("_Break-even band 4B-9B tokens/month: too wide to decide._");
    assertThat(md).containsPattern("\\| a1 \\| Gateway \\|.*\\| \\$957.76 \\|");
  }

  @Test
  void theJsonIsVersionedAndCarriesResultsAndCurves() throws Exception {
    JsonNode json = new ObjectMapper().readTree(ReportRenderer.files(input(0, 3)).get(ReportRenderer.JSON));
    assertThat(json.path("schemaVersion").asInt()).isEqualTo(1);
    assertThat(json.path("kind").asText()).isEqualTo("CrossoverBenchmarkReport");
    assertThat(json.path("run").path("name").asText()).isEqualTo("s07");
    assertThat(json.path("results")).hasSize(6);
    assertThat(json.path("breakEven").get(0).path("cheaperAbove").asText()).isEqualTo("a1");
    assertThat(json.path("recommendationTable")).hasSize(8);
    assertThat(json.path("costCurves").get(0).path("points").size()).isGreaterThan(60);
  }

  @Test
  void aTwelveTargetTwentyLevelRunKeepsEverything() {
    Map<String, String> files = ReportRenderer.files(input(10, 20));
    System.out.printf("report of 240 levels: %d bytes%n", ReportRenderer.size(files));
    assertThat(files).containsOnlyKeys(ReportRenderer.MARKDOWN, ReportRenderer.JSON, ReportRenderer.TTFT_CHART,
        ReportRenderer.COST_CHART);
    assertThat(files.get(ReportRenderer.MARKDOWN)).doesNotContain("Left out");
  }

  @Test
  void aLargeRunStaysWithinAConfigMapAndSaysWhatItLeftOut() throws Exception {
    ReportInput large = input(60, 40);
    assertThat(large.run().getStatus().getResults()).hasSize(62 * 40);
    ConfigMap cm = ReportRenderer.configMap(large);
    int bytes = ReportRenderer.size(cm.getData());
    assertThat(bytes).isLessThanOrEqualTo(ReportRenderer.BUDGET_BYTES);
    assertThat(cm.getData()).containsKeys(ReportRenderer.JSON, ReportRenderer.MARKDOWN);
    assertThat(cm.getData().get(ReportRenderer.MARKDOWN)).contains("Left out to stay within a ConfigMap's 1 MiB");
    JsonNode json = new ObjectMapper().readTree(cm.getData().get(ReportRenderer.JSON));
    assertThat(json.path("results").size() + json.path("resultsOmitted").asInt()).isEqualTo(62 * 40);
    assertThat(cm.getMetadata().getOwnerReferences()).singleElement()
        .satisfies(o -> assertThat(o.getKind()).isEqualTo("BenchmarkRun"));
    System.out.printf("report of %d levels: %d bytes, files %s%n", 62 * 40, bytes, cm.getData().keySet());
    Map<String, String> small = ReportRenderer.files(input(0, 4));
    System.out.printf("report of 8 levels: %d bytes%n", ReportRenderer.size(small));
  }
}
