package dev.crossover.benchmark;

import dev.crossover.api.v1alpha1.BenchmarkRun;
import dev.crossover.api.v1alpha1.ExecutionSpec;
import dev.crossover.loadgen.plan.RunPlan;
import dev.crossover.operator.ConfigFiles;
import dev.crossover.operator.Durations;
import dev.crossover.operator.OwnerReferences;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.EnvVarBuilder;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.ResourceRequirements;
import io.fabric8.kubernetes.api.model.ResourceRequirementsBuilder;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.api.model.batch.v1.JobBuilder;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Renders the load Job of one level for one target, and the ConfigMap holding its run plan.
 * Pure. The Job is an Indexed Job of the level's shard count; each pod runs
 * {@code loadgen run --plan --one-line} and prints its result as one JSON line, which the operator reads from the
 * pod's termination message when it fits there (4096 bytes) and from the pod's log otherwise: load pods need no API rights at all (no service account token unless AWS access
 * asks for one). Names are derived from the run, target and level, so a restarted operator
 * finds the Job it created instead of creating another.
 */
public final class LoadJobRenderer {

  public static final String RUN_LABEL = "crossover.dev/benchmarkrun";
  public static final String TARGET_LABEL = "crossover.dev/target";
  public static final String LEVEL_LABEL = "crossover.dev/level";
  static final String PLAN_FILE = "plan.json";
  /** Key of the level's ConfigMap where the operator keeps the merged result (see LevelResultStore). */
  static final String RESULT_FILE = "result.json";
  static final String CONTAINER = "loadgen";
  static final String TERMINATION_LOG = "/dev/termination-log";
  /**
   * Time for a multi-pod level's pods to be scheduled, start the JVM and warm the client before
   * their common start. A pod may be later by up to its warm-up; later than that it exits with
   * {@link #LATE_SHARD_EXIT_CODE} and the pod-failure policy fails the level.
   */
  static final Duration SHARD_START_SLACK = Duration.ofSeconds(30);
  /** loadgen's exit code for a shard that started too late (LateStartException.EXIT_CODE). */
  static final int LATE_SHARD_EXIT_CODE = dev.crossover.loadgen.load.LateStartException.EXIT_CODE;

  private LoadJobRenderer() {}

  public static String jobName(BenchmarkRun run, int targetIndex, int levelIndex) {
    String suffix = "-t" + targetIndex + "-l" + levelIndex;
    String base = run.getMetadata().getName();
    // Job names end up in a pod label (job-name): at most 63 characters.
    int room = 63 - suffix.length() - 9;
    if (base.length() > room + 9) {
      base = base.substring(0, room) + "-" + Integer.toHexString(base.hashCode() & 0xfffffff);
    }
    return base + suffix;
  }

  public static RunPlan plan(BenchmarkRun run, ResolvedBenchmarkTarget target, PlannedLevel level) {
    return plan(run, target, level, List.of());
  }

  /** @param modelServerMetrics /metrics URLs of the model-server pods behind the target; shard 0 reads them */
  public static RunPlan plan(BenchmarkRun run, ResolvedBenchmarkTarget target, PlannedLevel level,
      List<String> modelServerMetrics) {
    return plan(run, target, level, modelServerMetrics, null);
  }

  /**
   * @param now when the Job is created: the shards of a multi-pod level all start at
   *            {@code now + SHARD_START_SLACK}, written into the plan, so their schedules line up
   */
  public static RunPlan plan(BenchmarkRun run, ResolvedBenchmarkTarget target, PlannedLevel level,
      List<String> modelServerMetrics, Instant now) {
    RunPlan.Load load = level.shards() > 1 && now != null
        ? level.load().withStartAt(now.plus(SHARD_START_SLACK).truncatedTo(ChronoUnit.SECONDS).toString())
        : level.load();
    return new RunPlan(target.name() + " " + level.label(), target.target(), load, level.workload(),
        new RunPlan.ShardSpec(null, level.shards()),
        new RunPlan.CalibrationSpec(true, "1ms", null),
        modelServerMetrics.isEmpty() ? null : new RunPlan.ServerMetricsSpec(List.copyOf(modelServerMetrics)),
        goodput(run.getSpec().getSlo()));
  }

  /**
   * The SLO's limits applied to each request (goodput): a p95 limit of 1 s means each request
   * should start within 1 s, so the same number is the per-request TTFT limit.
   */
  static RunPlan.GoodputSpec goodput(dev.crossover.api.v1alpha1.SloSpec slo) {
    var s = Optional.ofNullable(slo).orElseGet(dev.crossover.api.v1alpha1.SloSpec::new);
    return new RunPlan.GoodputSpec(Optional.ofNullable(s.getTtftP95()).orElse(LevelResults.DEFAULT_TTFT_P95), s.getTpot(),
        s.getE2eP95());
  }

  public static ConfigMap planConfigMap(BenchmarkRun run, String jobName, RunPlan plan) {
    return new ConfigMapBuilder()
        .withMetadata(meta(run, jobName, Map.of()))
        .withData(Map.of(PLAN_FILE, ConfigFiles.json(plan)))
        .build();
  }

  public static Job job(BenchmarkRun run, String jobName, String image, ResolvedBenchmarkTarget target,
      PlannedLevel level, int levelIndex) {
    ExecutionSpec exec = Optional.ofNullable(run.getSpec().getExecution()).orElseGet(ExecutionSpec::new);
    Optional<String> awsServiceAccount = Optional.ofNullable(run.getSpec().getAws()).map(a -> a.getServiceAccountName());
    List<EnvVar> env = new ArrayList<>();
    if (target.apiKey() != null) {
      env.add(new EnvVarBuilder().withName(ResolvedBenchmarkTarget.API_KEY_ENV).withNewValueFrom().withNewSecretKeyRef()
          .withName(target.apiKey().getName()).withKey(target.apiKey().getKey()).endSecretKeyRef().endValueFrom().build());
    }
    Map<String, String> labels = Map.of(TARGET_LABEL, target.name(), LEVEL_LABEL, Integer.toString(levelIndex));
    var credentials = Optional.ofNullable(run.getSpec().getAws()).map(a -> a.getCredentialsSecretRef());
    return new JobBuilder()
        .withMetadata(meta(run, jobName, labels))
        .withNewSpec()
          .withCompletionMode("Indexed")
          .withCompletions(level.shards())
          .withParallelism(level.shards())
          .withBackoffLimit(Optional.ofNullable(exec.getBackoffLimit()).orElse(2))
          // A shard too late for its level's common start must fail the level, not run alone
          // later and be merged with shards that measured another time.
          .withNewPodFailurePolicy()
            .addNewRule().withAction("FailJob").withNewOnExitCodes().withContainerName(CONTAINER).withOperator("In")
              .withValues(LATE_SHARD_EXIT_CODE).endOnExitCodes().endRule()
          .endPodFailurePolicy()
          .withActiveDeadlineSeconds(deadlineSeconds(exec, level))
          // Kept a day after finishing: the operator reads results at once, people read logs later.
          .withTtlSecondsAfterFinished(86_400)
          .withNewTemplate()
            .withNewMetadata().addToLabels(RUN_LABEL, run.getMetadata().getName()).addToLabels(labels).endMetadata()
            .withNewSpec()
              .withRestartPolicy("Never")
              .withServiceAccountName(awsServiceAccount.orElse(null))
              // Pod Identity and IRSA need the token; nothing else in a load pod talks to the API.
              .withAutomountServiceAccountToken(awsServiceAccount.isPresent())
              .addNewContainer()
                .withName(CONTAINER)
                .withImage(Optional.ofNullable(exec.getImage()).orElse(image))
                .withArgs("run", "--plan", "/plan/" + PLAN_FILE, "--one-line", "--termination-log", TERMINATION_LOG)
                .withTerminationMessagePath(TERMINATION_LOG)
                .withTerminationMessagePolicy("File")
                .withEnv(env)
                .withEnvFrom(credentials.map(c -> List.of(new io.fabric8.kubernetes.api.model.EnvFromSourceBuilder()
                    .withNewSecretRef().withName(c.getName()).endSecretRef().build())).orElse(List.of()))
                .withResources(Optional.ofNullable(exec.getResources()).orElse(defaultResources()))
                .withNewSecurityContext().withAllowPrivilegeEscalation(false)
                  .withNewCapabilities().withDrop("ALL").endCapabilities().endSecurityContext()
                .addNewVolumeMount().withName("plan").withMountPath("/plan").withReadOnly(true).endVolumeMount()
              .endContainer()
              .addNewVolume().withName("plan").withNewConfigMap().withName(jobName).endConfigMap().endVolume()
            .endSpec()
          .endTemplate()
        .endSpec()
        .build();
  }

  /** The Job's failure, with what loadgen's exit code means when the policy names it. */
  public static String explainFailure(String jobFailure) {
    return jobFailure.contains("exit code " + LATE_SHARD_EXIT_CODE)
        ? jobFailure + "; a shard started after its level's common start plus warm-up (pods too slow to start: "
            + "raise load.warmup, or check scheduling and image pulls)"
        : jobFailure;
  }

  /** The level's planned time (warm-up + stages + the most extension) three times over, plus five minutes, unless set. */
  static long deadlineSeconds(ExecutionSpec exec, PlannedLevel level) {
    if (exec.getLevelTimeout() != null) {
      return Durations.seconds(exec.getLevelTimeout());
    }
    long planned = Durations.seconds(Optional.ofNullable(level.load().warmup()).orElse("0s"))
        + level.load().stages().stream().mapToLong(s -> Durations.seconds(s.duration())).sum()
        + Durations.seconds(Optional.ofNullable(level.load().maxExtension()).orElse("0s"));
    return planned * 3 + 300;
  }

  private static ResourceRequirements defaultResources() {
    return new ResourceRequirementsBuilder()
        .withRequests(Map.of("cpu", new Quantity("1"), "memory", new Quantity("1Gi")))
        .withLimits(Map.of("memory", new Quantity("1Gi")))
        .build();
  }

  private static ObjectMeta meta(BenchmarkRun run, String name, Map<String, String> labels) {
    return new ObjectMetaBuilder()
        .withName(name)
        .withNamespace(run.getMetadata().getNamespace())
        .addToLabels("app.kubernetes.io/managed-by", "crossover")
        .addToLabels(RUN_LABEL, run.getMetadata().getName())
        .addToLabels(labels)
        .withOwnerReferences(OwnerReferences.controllerOf(run))
        .build();
  }
}
