package dev.crossover.benchmark;

import dev.crossover.api.v1alpha1.BenchmarkRun;
import dev.crossover.api.v1alpha1.BenchmarkRunStatus;
import dev.crossover.api.v1alpha1.BenchmarkTarget;
import dev.crossover.api.v1alpha1.CostSpec;
import dev.crossover.api.v1alpha1.ExecutionSpec;
import dev.crossover.api.v1alpha1.GatewayOverhead;
import dev.crossover.api.v1alpha1.LevelResult;
import dev.crossover.api.v1alpha1.RunSummary;
import dev.crossover.api.v1alpha1.TargetSummary;
import dev.crossover.cost.Figures;
import dev.crossover.loadgen.result.RunResult;
import dev.crossover.operator.ChildWriter;
import dev.crossover.operator.Conditions;
import dev.crossover.operator.Durations;
import dev.crossover.operator.Images;
import dev.crossover.operator.StatusPatch;
import dev.crossover.report.ReportRenderer;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.micrometer.core.instrument.Metrics;
import io.javaoperatorsdk.operator.api.config.informer.InformerEventSourceConfiguration;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.api.reconciler.ControllerConfiguration;
import io.javaoperatorsdk.operator.api.reconciler.ErrorStatusUpdateControl;
import io.javaoperatorsdk.operator.api.reconciler.EventSourceContext;
import io.javaoperatorsdk.operator.api.reconciler.MaxReconciliationInterval;
import io.javaoperatorsdk.operator.api.reconciler.Reconciler;
import io.javaoperatorsdk.operator.api.reconciler.UpdateControl;
import io.javaoperatorsdk.operator.processing.event.source.EventSource;
import io.javaoperatorsdk.operator.processing.event.source.informer.InformerEventSource;
import io.javaoperatorsdk.operator.processing.event.source.informer.Mappers;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Runs a BenchmarkRun: resolves its targets, plans target x level, and runs one load Job per
 * level — one target after another unless execution.sequential is false — merging each level's
 * shard results (read from the load pods' logs) into status as it finishes.
 *
 * <p>Restart-safe by construction: finished levels live in status, and Job names derive from
 * run, target and level, so an operator that restarts mid-run finds the running Job instead of
 * starting another. A level's merged result is stored in its ConfigMap before status says so and
 * is read back from there afterwards, and shards are taken once per completion index, so a
 * level is never counted twice.
 *
 * <p>Jobs and ConfigMaps are read as this run's only when their controller reference names this
 * run's UID: a run deleted and recreated under the same name finds the old run's Jobs and
 * ConfigMaps (same names) until the garbage collector removes them, and waits for that instead
 * of adopting them or taking their results. Load pods count only when their controller is the
 * level's Job.
 *
 * <p>Results are also published as Prometheus gauges ({@link BenchmarkMetrics}) and the way
 * there as Events ({@link BenchmarkEvents}). The reconciler is called for delete events too
 * (triggerReconcilerOnAllEvents), so a deleted run's gauges go with it without a finalizer that
 * would block deletion while the operator is away.
 */
@ControllerConfiguration(name = "benchmarkrun", triggerReconcilerOnAllEvents = true,
    maxReconciliationInterval = @MaxReconciliationInterval(interval = 5, timeUnit = TimeUnit.MINUTES))
public class BenchmarkRunReconciler implements Reconciler<BenchmarkRun> {

  static final Duration POLL = Duration.ofSeconds(10);
  static final String DEFAULT_COOLDOWN = "10s";
  static final String PENDING = "Pending";
  static final String RUNNING = "Running";
  static final String SUCCEEDED = "Succeeded";
  static final String FAILED = "Failed";

  private final String loadgenImage;
  private final BenchmarkCosts costs =
      new BenchmarkCosts(() -> dev.crossover.aws.AwsFacts.shared().prices().catalog(), dev.crossover.aws.InstanceTypeCatalog.embedded());
  private final Clock clock;
  private final BenchmarkMetrics metrics;
  private final BenchmarkEvents events;

  public BenchmarkRunReconciler() {
    // Quarkus adds its Prometheus registry to the global one: these gauges appear on /q/metrics.
    this(Images.fromConfig().loadgen(), Clock.systemUTC(), new BenchmarkMetrics(Metrics.globalRegistry));
  }

  public BenchmarkRunReconciler(String loadgenImage, Clock clock) {
    this(loadgenImage, clock, new BenchmarkMetrics(Metrics.globalRegistry));
  }

  public BenchmarkRunReconciler(String loadgenImage, Clock clock, BenchmarkMetrics metrics) {
    this.loadgenImage = loadgenImage;
    this.clock = clock;
    this.metrics = metrics;
    this.events = new BenchmarkEvents(clock);
  }

  @Override
  public List<EventSource<?, BenchmarkRun>> prepareEventSources(EventSourceContext<BenchmarkRun> context) {
    return List.of(new InformerEventSource<>(InformerEventSourceConfiguration.from(Job.class, BenchmarkRun.class)
        .withLabelSelector(LoadJobRenderer.RUN_LABEL)
        .withSecondaryToPrimaryMapper(Mappers.fromOwnerReferences(BenchmarkRun.class))
        .build(), context));
  }

  /** One cell of the target x level matrix. */
  private record Step(int targetIndex, ResolvedBenchmarkTarget target, int levelIndex, PlannedLevel level, LevelResult result) {}

  @Override
  public UpdateControl<BenchmarkRun> reconcile(BenchmarkRun run, Context<BenchmarkRun> context) {
    if (context.isPrimaryResourceDeleted()) {
      metrics.remove(run.getMetadata().getNamespace(), run.getMetadata().getName());
      return UpdateControl.noUpdate();
    }
    KubernetesClient client = context.getClient();
    Long generation = run.getMetadata().getGeneration();
    BenchmarkRunStatus status = run.getStatus() == null ? new BenchmarkRunStatus() : run.getStatus();
    status.setObservedGeneration(generation);
    if (status.getPhase() == BenchmarkRunStatus.Phase.Succeeded || status.getPhase() == BenchmarkRunStatus.Phase.Failed) {
      // Finished: status is final. Its gauges come back after an operator restart.
      metrics.publish(run);
      return UpdateControl.noUpdate();
    }

    // 1. Targets.
    TargetResolver resolver = new TargetResolver(client);
    List<ResolvedBenchmarkTarget> targets = new ArrayList<>();
    for (BenchmarkTarget t : run.getSpec().getTargets()) {
      TargetResolver.Resolution r = resolver.resolve(run, t);
      if (r instanceof TargetResolver.Resolution.Impossible impossible) {
        status.setCondition(BenchmarkRunStatus.TARGETS_RESOLVED, false, impossible.reason(), impossible.message(), generation);
        return finish(client, run, status, false, impossible.reason(), impossible.message(), null);
      }
      if (r instanceof TargetResolver.Resolution.Waiting waiting) {
        status.setPhase(BenchmarkRunStatus.Phase.Pending);
        status.setCondition(BenchmarkRunStatus.TARGETS_RESOLVED, false, waiting.reason(), waiting.message(), generation);
        status.setCondition(Conditions.READY, false, waiting.reason(), waiting.message(), generation);
        publish(run, status);
        return UpdateControl.patchStatus(StatusPatch.of(run, status, BenchmarkRun::new)).rescheduleAfter(POLL);
      }
      targets.add(((TargetResolver.Resolution.Resolved) r).target());
    }
    status.setCondition(BenchmarkRunStatus.TARGETS_RESOLVED, true, "Resolved",
        targets.size() + " target(s) resolved", generation);

    // 2. The matrix, with status entries for every cell (kept across reconciles).
    List<PlannedLevel> levels = LevelPlanner.plan(run.getSpec(), seedOf(run));
    List<Step> steps = matrix(status, targets, levels);

    // 3. Advance: the first unfinished cell overall (sequential) or per target.
    boolean sequential = Optional.ofNullable(run.getSpec().getExecution()).map(ExecutionSpec::getSequential).orElse(true);
    List<Step> active = new ArrayList<>();
    for (Step step : steps) {
      if (isDone(step.result())) {
        continue;
      }
      if (active.stream().noneMatch(a -> sequential || a.targetIndex() == step.targetIndex())) {
        active.add(step);
      }
    }
    ChildWriter writer = new ChildWriter(client, run);
    Duration cooldown = cooldownOf(run);
    Optional<Duration> wake = Optional.empty();
    for (Step step : active) {
      // The level before this one in the order levels run: the previous cell overall when targets
      // run one after another, else the previous level of the same target.
      Optional<LevelResult> before = steps.stream()
          .filter(s -> sequential || s.targetIndex() == step.targetIndex())
          .takeWhile(s -> s != step).reduce((a, b) -> b).map(Step::result);
      Optional<Instant> notBefore = before.map(LevelResult::getFinishedAt).map(Instant::parse).map(t -> t.plus(cooldown));
      Optional<Duration> wait = advance(client, writer, run, step, notBefore);
      if (wait.isPresent() && (wake.isEmpty() || wait.get().compareTo(wake.get()) < 0)) {
        wake = wait;
      }
    }
    if (status.getStartTime() == null && !active.isEmpty()) {
      status.setStartTime(now());
    }

    long done = steps.stream().filter(s -> isDone(s.result())).count();
    status.setProgress(done + "/" + steps.size());
    BenchmarkCosts.Result costs = summarize(client, run, status, targets, steps);
    if (writer.firstRefusal().isPresent()) {
      // A level's Job or ConfigMap name is taken by an object this run does not control.
      ChildWriter.Refusal refusal = writer.firstRefusal().get();
      status.setPhase(done == 0 ? BenchmarkRunStatus.Phase.Pending : BenchmarkRunStatus.Phase.Running);
      status.setCondition(Conditions.READY, false, refusal.reason(), refusal.message(), generation);
      publish(run, status);
      return UpdateControl.patchStatus(StatusPatch.of(run, status, BenchmarkRun::new)).rescheduleAfter(POLL);
    }
    if (done == steps.size()) {
      boolean anySucceeded = steps.stream().anyMatch(s -> SUCCEEDED.equals(s.result().getState()));
      return finish(client, run, status, anySucceeded, anySucceeded ? "AllLevelsFinished" : "AllLevelsFailed",
          anySucceeded ? "Measured " + steps.stream().filter(s -> SUCCEEDED.equals(s.result().getState())).count()
              + " of " + steps.size() + " levels." : "Every level failed; see status.results[*].message.",
          () -> writeReport(client, run, status, targets, costs));
    }
    status.setPhase(BenchmarkRunStatus.Phase.Running);
    status.setCondition(Conditions.READY, true, "Running", "Measuring: " + status.getProgress() + " levels done.", generation);
    publish(run, status);
    // A finished cell lets the next one start at once; otherwise Job events (or the poll) wake us.
    boolean advanced = active.stream().anyMatch(s -> isDone(s.result()));
    Duration next = advanced ? Duration.ofMillis(200) : wake.filter(w -> w.compareTo(POLL) < 0).orElse(POLL);
    return UpdateControl.patchStatus(StatusPatch.of(run, status, BenchmarkRun::new)).rescheduleAfter(next);
  }

  private List<Step> matrix(BenchmarkRunStatus status, List<ResolvedBenchmarkTarget> targets, List<PlannedLevel> levels) {
    if (status.getResults() == null) {
      status.setResults(new ArrayList<>());
    }
    List<Step> steps = new ArrayList<>();
    for (int t = 0; t < targets.size(); t++) {
      for (int l = 0; l < levels.size(); l++) {
        String target = targets.get(t).name();
        String label = levels.get(l).label();
        LevelResult result = status.getResults().stream()
            .filter(r -> target.equals(r.getTarget()) && label.equals(r.getLevel())).findFirst()
            .orElseGet(() -> {
              LevelResult r = new LevelResult();
              r.setTarget(target);
              r.setLevel(label);
              r.setState(PENDING);
              status.getResults().add(r);
              return r;
            });
        steps.add(new Step(t, targets.get(t), l, levels.get(l), result));
      }
    }
    return steps;
  }

  /** execution.cooldown: the pause between levels so queues drain and caches settle (default 10s). */
  static Duration cooldownOf(BenchmarkRun run) {
    return Duration.ofMillis(Durations.millis(Optional.ofNullable(run.getSpec().getExecution())
        .map(ExecutionSpec::getCooldown).orElse(DEFAULT_COOLDOWN)));
  }

  /**
   * Creates the cell's Job if it has none (not before {@code notBefore}, the previous level's end
   * plus the cooldown), or reads its outcome when it has finished. Returns how long to wait when
   * the cell is held back by the cooldown.
   */
  private Optional<Duration> advance(KubernetesClient client, ChildWriter writer, BenchmarkRun run, Step step,
      Optional<Instant> notBefore) {
    String ns = run.getMetadata().getNamespace();
    String name = LoadJobRenderer.jobName(run, step.targetIndex(), step.levelIndex());
    String label = "target " + step.target().name() + " at " + step.level().label();
    ConfigMap levelMap = client.configMaps().inNamespace(ns).withName(name).get();
    Job job = client.batch().v1().jobs().inNamespace(ns).withName(name).get();
    Optional<HasMetadata> foreign = Stream.<HasMetadata>of(levelMap, job)
        .filter(o -> o != null && !writer.controls(o)).findFirst();
    if (foreign.isPresent()) {
      // Most often an earlier run of the same name, its children not yet garbage-collected: wait.
      writer.notOwned(foreign.get());
      return Optional.empty();
    }
    // A result stored before a restart is final: read it back, never merge the shards again.
    Optional<RunResult> stored = LevelResultStore.read(levelMap);
    if (stored.isPresent()) {
      // Measured (and announced) when it was stored: a pass that reads it back — after a
      // restart, or with a primary whose status predates the last patch — fills status only.
      LevelResults.fill(step.result(), stored.get(), run.getSpec().getSlo());
      step.result().setState(SUCCEEDED);
      return Optional.empty();
    }
    if (job == null) {
      Instant now = Instant.now(clock);
      if (notBefore.isPresent() && now.isBefore(notBefore.get())) {
        return Optional.of(Duration.between(now, notBefore.get()));
      }
      var plan = LoadJobRenderer.plan(run, step.target(), step.level(),
          ModelServerMetrics.urls(client, run, run.getSpec().getTargets().get(step.targetIndex())), java.time.Instant.now());
      if (writer.apply(LoadJobRenderer.planConfigMap(run, name, plan)).isEmpty()
          || writer.apply(LoadJobRenderer.job(run, name, loadgenImage, step.target(), step.level(), step.levelIndex())).isEmpty()) {
        return Optional.empty();
      }
      step.result().setState(RUNNING);
      events.normal(client, run, BenchmarkEvents.JOB_LAUNCHED, "Launch", "Load Job " + name + " started for " + label
          + " (" + step.level().shards() + " pod(s)).");
      return Optional.empty();
    }
    var jobStatus = job.getStatus();
    boolean failed = jobStatus != null && jobStatus.getConditions() != null && jobStatus.getConditions().stream()
        .anyMatch(c -> "Failed".equals(c.getType()) && "True".equals(c.getStatus()));
    int shards = step.level().shards();
    boolean complete = jobStatus != null && jobStatus.getSucceeded() != null && jobStatus.getSucceeded() >= shards;
    if (failed) {
      String why = jobStatus.getConditions().stream().filter(c -> "Failed".equals(c.getType()))
          .map(c -> c.getReason() + ": " + c.getMessage()).findFirst().orElse("the load Job failed");
      fail(client, run, step, "Load Job " + name + " failed (" + LoadJobRenderer.explainFailure(why) + ").");
      return Optional.empty();
    }
    if (!complete) {
      step.result().setState(RUNNING);
      return Optional.empty();
    }
    // One result per completion index: a shard whose pod was replaced may have left two.
    // Only the pods of this Job: an earlier Job of the same name may have left some behind.
    List<Pod> pods = client.pods().inNamespace(ns).withLabel("job-name", name).list().getItems().stream()
        .filter(p -> ChildWriter.controls(job, p))
        .filter(p -> p.getStatus() != null && "Succeeded".equals(p.getStatus().getPhase()))
        .sorted(Comparator.comparing(p -> p.getMetadata().getName())).toList();
    Map<Integer, RunResult> byIndex = new TreeMap<>();
    for (Pod pod : pods) {
      int index = ShardResults.completionIndex(pod);
      if (index < 0 || index >= shards || byIndex.containsKey(index)) {
        continue;
      }
      ShardResults.fromPod(pod, () -> log(client, ns, pod)).ifPresent(r -> byIndex.put(index, r));
    }
    if (byIndex.size() < shards) {
      fail(client, run, step, "Load Job " + name + " finished but only " + byIndex.size() + " of " + shards
          + " shards left a result (termination message or log).");
      return Optional.empty();
    }
    RunResult merged = ShardResults.merge(List.copyOf(byIndex.values()));
    if (LevelResultStore.save(writer, run, levelMap, name, merged)) {
      succeed(client, run, step, merged, label);
    }
    return Optional.empty();
  }

  private void succeed(KubernetesClient client, BenchmarkRun run, Step step, RunResult merged, String label) {
    LevelResults.fill(step.result(), merged, run.getSpec().getSlo());
    step.result().setState(SUCCEEDED);
    step.result().setFinishedAt(now());
    LevelResult r = step.result();
    events.normal(client, run, BenchmarkEvents.LEVEL_MEASURED, "Measure", "Measured " + label + ": "
        + r.getRequests() + " requests, " + Figures.one(r.getRequestsPerSecond()) + " req/s, TTFT p95 "
        + (r.getTtftMs() == null || r.getTtftMs().getP95() == null ? "n/a (too few samples)"
            : Figures.one(r.getTtftMs().getP95()) + " ms") + ", error rate "
        + Figures.one(100 * Optional.ofNullable(r.getErrorRate()).orElse(0.0)) + "%"
        + (r.getMeetsSlo() == null ? "; SLO not judged (too few samples)."
            : r.getMeetsSlo() ? "; meets the SLO." : "; misses the SLO."));
  }

  private void fail(KubernetesClient client, BenchmarkRun run, Step step, String message) {
    step.result().setState(FAILED);
    step.result().setFinishedAt(now());
    step.result().setMessage(message);
    events.warning(client, run, BenchmarkEvents.LEVEL_FAILED, "Measure", message);
  }

  /** A pod's log; null when the kubelet cannot be reached (the shard then has no result). */
  private static String log(KubernetesClient client, String ns, Pod pod) {
    try {
      return client.pods().inNamespace(ns).withName(pod.getMetadata().getName()).getLog();
    } catch (KubernetesClientException e) {
      return null;
    }
  }

  private BenchmarkCosts.Result summarize(KubernetesClient client, BenchmarkRun run, BenchmarkRunStatus status,
      List<ResolvedBenchmarkTarget> targets, List<Step> steps) {
    CostSpec costSpec = run.getSpec().getCost();
    Map<String, List<GatewayOverhead>> previousOverheads = new java.util.HashMap<>();
    for (TargetSummary old : Optional.ofNullable(status.getTargets()).orElse(List.of())) {
      Optional.ofNullable(old.getGatewayAddedLatencyByLevel()).ifPresent(l -> previousOverheads.put(old.getName(), l));
    }
    List<BenchmarkCosts.Measured> costInputs = new ArrayList<>();
    List<TargetSummary> summaries = new ArrayList<>();
    for (ResolvedBenchmarkTarget t : targets) {
      List<LevelResult> measured = steps.stream().filter(s -> s.target() == t)
          .map(Step::result).filter(r -> SUCCEEDED.equals(r.getState())).toList();
      TargetSummary summary = new TargetSummary();
      summary.setName(t.name());
      summary.setKind(t.kind());
      summary.setEndpoint(t.endpoint());
      measured.stream().map(r -> r.getTtftMs() == null ? null : r.getTtftMs().getP95()).filter(v -> v != null)
          .min(Double::compare).ifPresent(summary::setBestTtftP95Ms);
      // Levels run in increasing load: the last that meets the SLO is the capacity.
      Optional<LevelResult> capacity = measured.stream().filter(r -> Boolean.TRUE.equals(r.getMeetsSlo())).reduce((a, b) -> b);
      capacity.ifPresent(r -> {
        summary.setMaxLoadMeetingSlo(r.getLevel());
        summary.setSloRequestsPerSecond(r.getRequestsPerSecond());
      });
      summaries.add(summary);
      if (!measured.isEmpty()) {
        LevelResult basis = capacity.orElse(measured.getLast());
        List<LevelResult> all = steps.stream().filter(s -> s.target() == t).map(Step::result).toList();
        costInputs.add(CostInputs.measured(run, t, basis, capacity, all));
      }
    }
    BenchmarkCosts.Result costs = this.costs.compute(costSpec, costInputs);
    for (TargetSummary summary : summaries) {
      CostInputs.fill(summary, costs);
    }
    status.setCostAssumptions(costs.assumptions().isEmpty() ? null : costs.assumptions());
    status.setBreakEven(costs.breakEven().isEmpty() ? null : costs.breakEven());
    status.setRecommendation(costs.recommendation().orElse(null));
    gatewayOverheads(client, run, summaries, steps, previousOverheads);
    status.setTargets(summaries);
    RunSummary summary = new RunSummary();
    summaries.stream().filter(s -> s.getBestTtftP95Ms() != null)
        .min(Comparator.comparingDouble(TargetSummary::getBestTtftP95Ms)).ifPresent(best -> {
          // A tenth of a millisecond: what `kubectl get br` shows in its column (results keep full precision).
          summary.setBestTtftP95Ms(Math.round(best.getBestTtftP95Ms() * 10) / 10.0);
          summary.setFastestTarget(best.getName());
        });
    BenchmarkCosts.compactBand(costs.breakEven()).ifPresent(summary::setBreakEvenBand);
    costs.costPerMillionTokensUsd().entrySet().stream()
        .min(Comparator.comparing(e -> new java.math.BigDecimal(e.getValue())))
        .ifPresent(cheapest -> summary.setCheapestTarget(cheapest.getKey()));
    status.setSummary(summary);
    return costs;
  }

  /**
   * Each gateway target's added TTFT over the direct target on the same platform, at every level
   * both have measured, from the histograms stored with the levels. A figure computed once is
   * kept from status: levels are final.
   */
  private void gatewayOverheads(KubernetesClient client, BenchmarkRun run, List<TargetSummary> summaries,
      List<Step> steps, Map<String, List<GatewayOverhead>> previous) {
    boolean gateways = summaries.stream().anyMatch(s -> "Gateway".equals(s.getKind()));
    boolean direct = summaries.stream().anyMatch(s -> "Platform".equals(s.getKind()));
    if (!gateways || !direct) {
      return;
    }
    Map<String, String> pairs = GatewayOverheads.pairs(client, run);
    for (TargetSummary summary : summaries) {
      String directName = pairs.get(summary.getName());
      if (directName == null) {
        continue;
      }
      List<GatewayOverhead> byLevel = new ArrayList<>();
      for (Step g : steps) {
        if (!g.target().name().equals(summary.getName()) || !SUCCEEDED.equals(g.result().getState())) {
          continue;
        }
        Optional<Step> d = steps.stream().filter(s -> s.target().name().equals(directName)
            && s.levelIndex() == g.levelIndex() && SUCCEEDED.equals(s.result().getState())).findFirst();
        if (d.isEmpty()) {
          continue;
        }
        Optional<GatewayOverhead> known = previous.getOrDefault(summary.getName(), List.of()).stream()
            .filter(o -> g.level().label().equals(o.getLevel()) && directName.equals(o.getComparedWith())).findFirst();
        Optional<GatewayOverhead> overhead = known.isPresent() ? known
            : LevelResultStore.read(client, run, LoadJobRenderer.jobName(run, g.targetIndex(), g.levelIndex()))
                .flatMap(gr -> LevelResultStore.read(client, run, LoadJobRenderer.jobName(run, d.get().targetIndex(),
                    d.get().levelIndex())).flatMap(dr -> GatewayOverheads.at(g.level().label(), directName, gr, dr)));
        overhead.ifPresent(byLevel::add);
      }
      if (!byLevel.isEmpty()) {
        summary.setGatewayAddedLatencyByLevel(byLevel);
        // The lowest level: the hop itself, with the least queueing in front of it.
        summary.setGatewayAddedLatency(byLevel.getFirst());
      }
    }
  }

  /**
   * The report ConfigMap, written before status names it. A report that cannot be written is a
   * Warning event, not a run that never completes.
   */
  private void writeReport(KubernetesClient client, BenchmarkRun run, BenchmarkRunStatus status,
      List<ResolvedBenchmarkTarget> targets, BenchmarkCosts.Result costs) {
    BenchmarkRun view = new BenchmarkRun();
    view.setMetadata(run.getMetadata());
    view.setSpec(run.getSpec());
    view.setStatus(status);
    status.setReportConfigMap(ReportRenderer.configMapName(run));
    try {
      ChildWriter writer = new ChildWriter(client, run);
      if (writer.apply(ReportRenderer.configMap(Reports.input(view, targets, costs))).isEmpty()) {
        status.setReportConfigMap(null);
        events.warning(client, run, "ReportNotWritten", "Report", writer.firstRefusal().orElseThrow().message());
      }
    } catch (KubernetesClientException e) {
      status.setReportConfigMap(null);
      events.warning(client, run, "ReportNotWritten", "Report", "The report ConfigMap " + ReportRenderer.configMapName(run)
          + " could not be written: " + Conditions.message(e));
    }
  }

  /** Final status; report (when there are results) writes the report ConfigMap from it first. */
  private UpdateControl<BenchmarkRun> finish(KubernetesClient client, BenchmarkRun run, BenchmarkRunStatus status,
      boolean succeeded, String reason, String message, Runnable report) {
    Long generation = run.getMetadata().getGeneration();
    status.setPhase(succeeded ? BenchmarkRunStatus.Phase.Succeeded : BenchmarkRunStatus.Phase.Failed);
    status.setCompletionTime(now());
    status.setCondition(BenchmarkRunStatus.COMPLETE, succeeded, reason, message, generation);
    status.setCondition(BenchmarkRunStatus.FAILED, !succeeded, reason, message, generation);
    status.setCondition(Conditions.READY, succeeded, reason, message, generation);
    if (report != null) {
      report.run();
    }
    if (succeeded) {
      events.normal(client, run, BenchmarkEvents.RUN_SUCCEEDED, "Finish", message
          + Optional.ofNullable(status.getRecommendation()).map(r -> " " + r).orElse(""));
    } else {
      events.warning(client, run, BenchmarkEvents.RUN_FAILED, "Finish", message);
    }
    publish(run, status);
    return UpdateControl.patchStatus(StatusPatch.of(run, status, BenchmarkRun::new));
  }

  /** Gauges from the status about to be written. */
  private void publish(BenchmarkRun run, BenchmarkRunStatus status) {
    BenchmarkRun view = new BenchmarkRun();
    view.setMetadata(run.getMetadata());
    view.setStatus(status);
    metrics.publish(view);
  }

  private static boolean isDone(LevelResult r) {
    return SUCCEEDED.equals(r.getState()) || FAILED.equals(r.getState());
  }

  /** The spec's seed, else one derived from the run's UID: reproducible for this run. */
  static long seedOf(BenchmarkRun run) {
    String uid = Optional.ofNullable(run.getMetadata().getUid()).orElse(run.getMetadata().getName());
    return uid.hashCode() & 0xffffffffL;
  }

  private String now() {
    return Instant.now(clock).truncatedTo(ChronoUnit.SECONDS).toString();
  }

  /** An unexpected API error ends up in status (and is retried), never in a crash loop. */
  @Override
  public ErrorStatusUpdateControl<BenchmarkRun> updateErrorStatus(BenchmarkRun run, Context<BenchmarkRun> context,
      Exception e) {
    BenchmarkRunStatus status = run.getStatus() == null ? new BenchmarkRunStatus() : run.getStatus();
    status.setCondition(Conditions.READY, false, "ReconcileError", Conditions.message(e), run.getMetadata().getGeneration());
    return ErrorStatusUpdateControl.patchStatus(StatusPatch.of(run, status, BenchmarkRun::new));
  }
}
