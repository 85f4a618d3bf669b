package dev.crossover.benchmark;

import static org.assertj.core.api.Assertions.assertThat;

import dev.crossover.api.v1alpha1.BenchmarkRun;
import dev.crossover.api.v1alpha1.SecretKeyRef;
import dev.crossover.loadgen.plan.RunPlan;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import org.junit.jupiter.api.Test;

class LoadJobRendererTest {

  private static BenchmarkRun run(String extra) {
    BenchmarkRun run = new KubernetesSerialization().unmarshal("""
        apiVersion: crossover.dev/v1alpha1
        kind: BenchmarkRun
        metadata: {name: gateway-overhead, namespace: bench, uid: 0b7a7c1e-0000-4000-8000-000000000002}
        spec:
          scenario: Custom
          targets:
            - name: a1-litellm
              gatewayRef: {name: a1}
          load: {concurrency: [10], warmup: 30s, duration: 2m, parallelism: 4}
        """ + extra, BenchmarkRun.class);
    return run;
  }

  private static final ResolvedBenchmarkTarget GATEWAY = new ResolvedBenchmarkTarget("a1-litellm", "Gateway",
      "http://a1.bench.svc:4000/v1",
      new RunPlan.Target("openai", "http://a1.bench.svc:4000/v1", "chat", "llama", ResolvedBenchmarkTarget.API_KEY_ENV,
          null, null, null, null),
      new SecretKeyRef("a1-master-key", "masterKey"), true, java.util.Optional.empty(), null);

  @Test
  void anIndexedJobOfTheLevelsShardsWithTheKeyFromItsSecretAndNoApiToken() {
    BenchmarkRun run = run("");
    PlannedLevel level = LevelPlanner.plan(run.getSpec(), 1).get(0);
    String name = LoadJobRenderer.jobName(run, 0, 0);
    Job job = LoadJobRenderer.job(run, name, "loadgen:test", GATEWAY, level, 0);
    assertThat(name).isEqualTo("gateway-overhead-t0-l0");
    assertThat(job.getMetadata().getOwnerReferences()).singleElement().satisfies(o -> {
      assertThat(o.getKind()).isEqualTo("BenchmarkRun");
      assertThat(o.getController()).isTrue();
    });
    assertThat(job.getSpec().getCompletionMode()).isEqualTo("Indexed");
    assertThat(job.getSpec().getCompletions()).isEqualTo(4);
    assertThat(job.getSpec().getParallelism()).isEqualTo(4);
    assertThat(job.getSpec().getBackoffLimit()).isEqualTo(2);
    // (30 s warm-up + 120 s + at most 120 s more for the minimum request count) x 3 + 300 s
    assertThat(job.getSpec().getActiveDeadlineSeconds()).isEqualTo(1110L);
    var pod = job.getSpec().getTemplate().getSpec();
    assertThat(pod.getAutomountServiceAccountToken()).as("load pods need no API rights").isFalse();
    assertThat(pod.getRestartPolicy()).isEqualTo("Never");
    var c = pod.getContainers().get(0);
    assertThat(c.getImage()).isEqualTo("loadgen:test");
    assertThat(c.getArgs()).containsExactly("run", "--plan", "/plan/plan.json", "--one-line",
        "--termination-log", "/dev/termination-log");
    assertThat(c.getTerminationMessagePath()).isEqualTo("/dev/termination-log");
    assertThat(c.getTerminationMessagePolicy()).as("a failed pod's log tail is no result").isEqualTo("File");
    assertThat(c.getEnv()).singleElement().satisfies(e -> {
      assertThat(e.getName()).isEqualTo(ResolvedBenchmarkTarget.API_KEY_ENV);
      assertThat(e.getValue()).as("the key itself never appears in the Job").isNull();
      assertThat(e.getValueFrom().getSecretKeyRef().getName()).isEqualTo("a1-master-key");
    });
    assertThat(pod.getVolumes()).singleElement().satisfies(v -> assertThat(v.getConfigMap().getName()).isEqualTo(name));
  }

  @Test
  void thePlanNamesTheKeysVariableNotTheKey() {
    BenchmarkRun run = run("");
    PlannedLevel level = LevelPlanner.plan(run.getSpec(), 1).get(0);
    var configMap = LoadJobRenderer.planConfigMap(run, "j", LoadJobRenderer.plan(run, GATEWAY, level));
    String plan = configMap.getData().get("plan.json");
    assertThat(plan).contains("\"apiKeyEnv\" : \"" + ResolvedBenchmarkTarget.API_KEY_ENV + "\"")
        .contains("\"url\" : \"http://a1.bench.svc:4000/v1\"")
        .contains("\"count\" : 4")
        .doesNotContain("masterKey");
  }

  @Test
  void awsAccessUsesTheServiceAccountAndItsToken() {
    BenchmarkRun run = run("""
          aws: {serviceAccountName: crossover-bedrock}
        """);
    PlannedLevel level = LevelPlanner.plan(run.getSpec(), 1).get(0);
    var pod = LoadJobRenderer.job(run, "j", "img", GATEWAY, level, 0).getSpec().getTemplate().getSpec();
    assertThat(pod.getServiceAccountName()).isEqualTo("crossover-bedrock");
    assertThat(pod.getAutomountServiceAccountToken()).isTrue();
  }

  @Test
  void longRunNamesStillGiveValidJobNames() {
    BenchmarkRun run = run("");
    run.getMetadata().setName("a-very-long-benchmark-run-name-that-keeps-going-and-going-on");
    String name = LoadJobRenderer.jobName(run, 12, 31);
    assertThat(name).hasSizeLessThanOrEqualTo(63).endsWith("-t12-l31").matches("[a-z0-9]([-a-z0-9]*[a-z0-9])?");
  }

  @Test
  void thePlanNamesTheModelServersWhoseCountersShardZeroReads() {
    BenchmarkRun run = run("");
    PlannedLevel level = LevelPlanner.plan(run.getSpec(), 1).get(0);
    RunPlan plan = LoadJobRenderer.plan(run, GATEWAY, level, java.util.List.of("http://10.0.0.7:8000/metrics"));
    assertThat(plan.serverMetrics().urls()).containsExactly("http://10.0.0.7:8000/metrics");
    assertThat(LoadJobRenderer.planConfigMap(run, "x", plan).getData().get("plan.json"))
        .contains("\"serverMetrics\"").contains("http://10.0.0.7:8000/metrics");
    assertThat(LoadJobRenderer.plan(run, GATEWAY, level).serverMetrics()).as("none known: no section").isNull();
  }

  @Test
  void anAgentCoreTargetBecomesAnAgentCorePlanForTheLoadGenerator() {
    BenchmarkRun run = new KubernetesSerialization().unmarshal("""
        apiVersion: crossover.dev/v1alpha1
        kind: BenchmarkRun
        metadata: {name: agents, namespace: bench}
        spec:
          scenario: Custom
          targets:
            - name: agent
              agentCore:
                agentRuntimeArn: arn:aws:bedrock-agentcore:us-west-2:123456789012:runtime/support-agent-AbC123
                qualifier: prod
                payloadTemplate: '{"input": "${prompt}"}'
          load: {concurrency: [2], duration: 1m}
          aws: {serviceAccountName: crossover-bedrock}
        """, BenchmarkRun.class);
    // No API lookups and no Bedrock model check for an AgentCore target.
    var resolution = new TargetResolver(null, () -> { throw new AssertionError("no Bedrock check"); })
        .resolve(run, run.getSpec().getTargets().get(0));
    assertThat(resolution).isInstanceOf(TargetResolver.Resolution.Resolved.class);
    ResolvedBenchmarkTarget agent = ((TargetResolver.Resolution.Resolved) resolution).target();
    assertThat(agent.selfManaged()).isFalse();
    RunPlan.Target t = LoadJobRenderer.plan(run, agent, LevelPlanner.plan(run.getSpec(), 1).get(0)).target();
    assertThat(t.kind()).isEqualTo("agentcore");
    assertThat(t.model()).isEqualTo("arn:aws:bedrock-agentcore:us-west-2:123456789012:runtime/support-agent-AbC123");
    assertThat(t.qualifier()).isEqualTo("prod");
    assertThat(t.payloadTemplate()).isEqualTo("{\"input\": \"${prompt}\"}");
  }

  @org.junit.jupiter.params.ParameterizedTest
  @org.junit.jupiter.params.provider.CsvSource({"true,true", "false,false", ",false"})
  void bedrockPromptCachingReachesTheLoadGeneratorsPlan(Boolean given, boolean expected) {
    BenchmarkRun run = new KubernetesSerialization().unmarshal("""
        apiVersion: crossover.dev/v1alpha1
        kind: BenchmarkRun
        metadata: {name: cache, namespace: bench}
        spec:
          scenario: RepeatedSystemPrompts
          targets:
            - name: claude
              bedrock: {modelId: anthropic.claude-3-5-sonnet-20240620-v1:0, region: us-east-1}
          load: {concurrency: [2], duration: 1m}
        """, BenchmarkRun.class);
    run.getSpec().getTargets().get(0).getBedrock().setPromptCaching(given);
    var aws = dev.crossover.aws.AwsFacts.disabled(dev.crossover.aws.AwsSettings.disabled());
    var resolution = new TargetResolver(null, () -> aws).resolve(run, run.getSpec().getTargets().get(0));
    assertThat(resolution).isInstanceOf(TargetResolver.Resolution.Resolved.class);
    ResolvedBenchmarkTarget bedrock = ((TargetResolver.Resolution.Resolved) resolution).target();
    RunPlan.Target t = LoadJobRenderer.plan(run, bedrock, LevelPlanner.plan(run.getSpec(), 1).get(0)).target();
    assertThat(t.kind()).isEqualTo("bedrock");
    assertThat(t.promptCaching()).isEqualTo(expected);
  }

  @Test
  void theSlosLimitsGoToThePlanAsPerRequestGoodputLimits() {
    PlannedLevel level = LevelPlanner.plan(run("").getSpec(), 1).get(0);
    assertThat(LoadJobRenderer.plan(run(""), GATEWAY, level).goodput())
        .as("default TTFT limit").isEqualTo(new RunPlan.GoodputSpec("1s", null, null));
    BenchmarkRun withSlo = run("  slo: {ttftP95: 300ms, tpot: 40ms, e2eP95: 5s}\n");
    assertThat(LoadJobRenderer.plan(withSlo, GATEWAY, level).goodput())
        .isEqualTo(new RunPlan.GoodputSpec("300ms", "40ms", "5s"));
  }

  @Test
  void theShardsOfALevelStartTogetherAndALateOneFailsTheLevel() {
    BenchmarkRun run = run("");
    PlannedLevel level = LevelPlanner.plan(run.getSpec(), 1).get(0);
    java.time.Instant now = java.time.Instant.parse("2026-12-03T08:00:00.400Z");
    RunPlan plan = LoadJobRenderer.plan(run, GATEWAY, level, java.util.List.of(), now);
    assertThat(plan.load().startAt()).isEqualTo("2026-12-03T08:00:30Z");
    PlannedLevel onePod = new PlannedLevel(level.label(), level.load(), level.workload(), 1);
    assertThat(LoadJobRenderer.plan(run, GATEWAY, onePod, java.util.List.of(), now).load().startAt())
        .as("one pod has no one to line up with").isNull();
    Job job = LoadJobRenderer.job(run, "j", "img", GATEWAY, level, 0);
    assertThat(job.getSpec().getPodFailurePolicy().getRules()).singleElement().satisfies(rule -> {
      assertThat(rule.getAction()).isEqualTo("FailJob");
      assertThat(rule.getOnExitCodes().getContainerName()).isEqualTo("loadgen");
      assertThat(rule.getOnExitCodes().getValues()).containsExactly(3);
    });
    assertThat(LoadJobRenderer.explainFailure("PodFailurePolicy: Container loadgen for pod bench/p failed with exit code 3 "
        + "matching FailJob rule at index 0")).contains("started after its level's common start");
    assertThat(LoadJobRenderer.explainFailure("BackoffLimitExceeded: Job has reached the specified backoff limit"))
        .doesNotContain("common start");
  }
}
