package dev.crossover.benchmark;

import static org.assertj.core.api.Assertions.assertThat;

import dev.crossover.api.v1alpha1.BenchmarkRun;
import dev.crossover.api.v1alpha1.BenchmarkRunSpec;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.util.List;
import org.junit.jupiter.api.Test;

class LevelPlannerTest {

  private static BenchmarkRunSpec spec(String yaml) {
    return new KubernetesSerialization().unmarshal("""
        apiVersion: crossover.dev/v1alpha1
        kind: BenchmarkRun
        metadata: {name: r}
        spec:
        """ + yaml.indent(2) + """
          targets:
            - name: t
              openAI: {url: "http://sim:8000/v1", model: m}
        """, BenchmarkRun.class).getSpec();
  }

  @Test
  void simpleInferencePresetIsTheBenchmarkPlansConcurrencySweep() {
    List<PlannedLevel> levels = LevelPlanner.plan(spec("scenario: SimpleInference"), 7);
    assertThat(levels).extracting(PlannedLevel::label)
        .containsExactly("concurrency 1", "concurrency 10", "concurrency 50", "concurrency 100", "concurrency 200");
    PlannedLevel first = levels.get(0);
    assertThat(first.load().model()).isEqualTo("closed");
    assertThat(first.load().stages()).singleElement().satisfies(s -> {
      assertThat(s.concurrency()).isEqualTo(1);
      assertThat(s.duration()).isEqualTo("5m");
    });
    assertThat(first.load().warmup()).isEqualTo("30s");
    assertThat(first.load().seed()).isEqualTo(7L);
    assertThat(first.workload().scenario()).isEqualTo("simple-inference");
    assertThat(first.workload().uniquePrefix()).as("every prompt different: no accidental cache hits").isTrue();
  }

  @Test
  void breakEvenSweepIsAnOpenLoopPoissonRateSweep() {
    List<PlannedLevel> levels = LevelPlanner.plan(spec("scenario: BreakEvenSweep"), 1);
    assertThat(levels).extracting(PlannedLevel::label)
        .containsExactly("rate 1", "rate 5", "rate 10", "rate 30", "rate 50", "rate 100");
    assertThat(levels).allSatisfy(l -> assertThat(l.load().model()).isEqualTo("poisson"));
    assertThat(levels.get(3).load().stages().get(0).rate()).isEqualTo(30.0);
  }

  @Test
  void burstIsOneLevelOfThreeStages() {
    List<PlannedLevel> levels = LevelPlanner.plan(spec("scenario: Burst"), 1);
    assertThat(levels).singleElement().satisfies(l -> {
      assertThat(l.label()).isEqualTo("stages 10/100/10");
      assertThat(l.load().stages()).extracting(dev.crossover.loadgen.plan.RunPlan.StageSpec::rate).containsExactly(10.0, 100.0, 10.0);
    });
  }

  @Test
  void specFieldsOverrideThePreset() {
    List<PlannedLevel> levels = LevelPlanner.plan(spec("""
        scenario: RepeatedSystemPrompts
        load: {concurrency: [5, 20], warmup: 5s, duration: 20s, parallelism: 4}
        workload:
          seed: 42
          inputTokens: {mean: 200, stddev: 50, min: 10, max: 400}
          outputTokens: {mean: 64}
        """), 7);
    assertThat(levels).extracting(PlannedLevel::label).containsExactly("concurrency 5", "concurrency 20");
    PlannedLevel l = levels.get(1);
    assertThat(l.shards()).isEqualTo(4);
    assertThat(l.load().warmup()).isEqualTo("5s");
    assertThat(l.load().stages().get(0).duration()).isEqualTo("20s");
    assertThat(l.load().seed()).as("the spec's seed wins over the default").isEqualTo(42L);
    assertThat(l.workload().inputTokens()).isEqualTo("normal:200:50:10:400");
    assertThat(l.workload().outputTokens()).isEqualTo("64");
    assertThat(l.workload().scenario()).isEqualTo("repeated-system-prompts");
    assertThat(l.workload().uniquePrefix()).as("shared system prompts are the point here").isNull();
  }

  @Test
  void customRatesWithConstantArrivalAndARequestBudget() {
    List<PlannedLevel> levels = LevelPlanner.plan(spec("""
        scenario: Custom
        load: {rates: [0.5, 2], arrival: Constant, requests: 100}
        """), 3);
    assertThat(levels).extracting(PlannedLevel::label).containsExactly("rate 0.5", "rate 2");
    assertThat(levels.get(0).load().model()).isEqualTo("constant");
    assertThat(levels.get(0).load().maxRequests()).isEqualTo(100L);
    assertThat(levels.get(0).workload().scenario()).isEqualTo("synthetic");
  }

  @Test
  void levelsOfOneLoadGoOnForTheirMinimumRequestsAtMostTheirDurationAgain() {
    PlannedLevel byDefault = LevelPlanner.plan(spec("scenario: SimpleInference"), 1).get(0);
    assertThat(byDefault.load().minRequests()).isEqualTo(200L);
    assertThat(byDefault.load().maxExtension()).isEqualTo("5m");
    PlannedLevel forP99 = LevelPlanner.plan(spec("""
        scenario: Custom
        load: {concurrency: [1], duration: 30s, minRequests: 1000}
        """), 1).get(0);
    assertThat(forP99.load().minRequests()).isEqualTo(1000L);
    assertThat(forP99.load().maxExtension()).isEqualTo("30s");
    PlannedLevel none = LevelPlanner.plan(spec("""
        scenario: Custom
        load: {rates: [5], minRequests: 0}
        """), 1).get(0);
    assertThat(none.load().minRequests()).isNull();
    // A staged level measures its shape: no extension at the last stage's load.
    assertThat(LevelPlanner.plan(spec("scenario: Burst"), 1).get(0).load().minRequests()).isNull();
    // The Job's deadline leaves room for the extension.
    assertThat(LoadJobRenderer.deadlineSeconds(new dev.crossover.api.v1alpha1.ExecutionSpec(), forP99))
        .isEqualTo((30 + 30 + 30) * 3 + 300);
  }

  @Test
  void conversationAndSystemPromptShapesReachTheLoadGenerator() {
    var work = LevelPlanner.plan(spec("""
        scenario: MultiTurnAgent
        workload: {turns: 7, toolCalls: 2, toolLatency: 50ms}
        """), 1).get(0).workload();
    assertThat(work.turns()).isEqualTo(7);
    assertThat(work.toolCalls()).isEqualTo(2);
    assertThat(work.toolLatency()).isEqualTo("50ms");
    var prompts = LevelPlanner.plan(spec("""
        scenario: RepeatedSystemPrompts
        workload: {sharedSystemPrompts: 4, systemPromptTokens: 1500}
        """), 1).get(0).workload();
    assertThat(prompts.systemPrompts()).isEqualTo(4);
    assertThat(prompts.systemPromptTokens()).isEqualTo(1500);
  }
}
