package dev.crossover.loadgen.plan;

import dev.crossover.loadgen.calibrate.Calibrator;
import dev.crossover.loadgen.calibrate.ClientWarmup;
import dev.crossover.loadgen.client.OpenAiApi;
import dev.crossover.loadgen.client.OpenAiClientConfig;
import dev.crossover.loadgen.client.OpenAiStreamingClient;
import dev.crossover.loadgen.client.StreamingClient;
import dev.crossover.loadgen.client.agentcore.AgentCoreClientConfig;
import dev.crossover.loadgen.client.agentcore.AgentCoreInvokeClient;
import dev.crossover.loadgen.client.bedrock.BedrockClientConfig;
import dev.crossover.loadgen.client.bedrock.BedrockConverseStreamClient;
import dev.crossover.loadgen.load.LoadModel;
import dev.crossover.loadgen.load.LoadPlan;
import dev.crossover.loadgen.load.LoadRunner;
import dev.crossover.loadgen.load.Shard;
import dev.crossover.loadgen.load.Stage;
import dev.crossover.loadgen.result.Calibration;
import dev.crossover.loadgen.result.Counter;
import dev.crossover.loadgen.result.GoodputLimits;
import dev.crossover.loadgen.result.RunResult;
import dev.crossover.loadgen.servermetrics.PrefixCacheCounters;
import dev.crossover.loadgen.workload.ScenarioWorkloads;
import dev.crossover.loadgen.workload.Workload;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/** Turns a {@link RunPlan} into a run: builds the client, workload and load plan, runs, judges. */
public final class PlanExecutor {
    static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(300);
    /** Streams one Bedrock or AgentCore client may hold open at once; beyond this, requests queue in the SDK. */
    static final int DEFAULT_MAX_CONNECTIONS = 2048;
    static final int DEFAULT_CLIENT_WARMUP_REQUESTS = 2000;

    private final Map<String, String> env;
    private final java.util.function.Consumer<String> progress;
    private final Duration progressEvery;

    /** @param env where key variables and JOB_COMPLETION_INDEX are read (System.getenv() in production) */
    public PlanExecutor(Map<String, String> env) {
        this(env, null, null);
    }

    /** @param progress receives a progress line every {@code progressEvery} during each run; null for none */
    public PlanExecutor(Map<String, String> env, java.util.function.Consumer<String> progress, Duration progressEvery) {
        this.env = env;
        this.progress = progress;
        this.progressEvery = progressEvery;
    }

    /** Set when some model server's counters could not be read before and after the run (or it restarted). */
    public static final String FLAG_SERVER_METRICS_PARTIAL = "SERVER_METRICS_PARTIAL";

    public RunResult execute(RunPlan plan) throws Exception {
        Duration lagThreshold = plan.calibration() != null && plan.calibration().lagThreshold() != null
                ? Durations.parse(plan.calibration().lagThreshold()) : Calibrator.DEFAULT_LAG_THRESHOLD;
        int warmup = plan.calibration() != null && plan.calibration().clientWarmupRequests() != null
                ? plan.calibration().clientWarmupRequests() : DEFAULT_CLIENT_WARMUP_REQUESTS;
        ClientWarmup.once(warmup);
        Calibration calibration = null;
        if (plan.calibration() != null && Boolean.TRUE.equals(plan.calibration().enabled())) {
            calibration = Calibrator.measureFloor(200, lagThreshold);
        }
        RunResult result;
        Shard shard = shard(plan.shard());
        // Shard 0 alone reads the servers' counters, so merged shards count each server once.
        List<String> metricsUrls = plan.serverMetrics() == null || plan.serverMetrics().urls() == null
                || shard.index() != 0 ? List.of() : plan.serverMetrics().urls();
        PrefixCacheCounters counters = new PrefixCacheCounters();
        Map<String, PrefixCacheCounters.Reading> before = metricsUrls.isEmpty() ? Map.of() : counters.read(metricsUrls);
        try (StreamingClient client = client(plan.target())) {
            Workload workload = ScenarioWorkloads.build(plan.workload(), seed(plan), env);
            GoodputLimits goodput = goodput(plan.goodput());
            result = LoadRunner.run(plan.label() == null ? "run" : plan.label(), loadPlan(plan), client, workload,
                    shard, goodput == null ? null : recorder -> recorder.judgeGoodput(goodput), progress, progressEvery);
        }
        if (!metricsUrls.isEmpty()) {
            PrefixCacheCounters.Delta delta = PrefixCacheCounters.delta(before, counters.read(metricsUrls));
            if (delta.servers() < metricsUrls.size()) {
                result = result.withFlag(FLAG_SERVER_METRICS_PARTIAL);
            }
            result.total().add(Counter.SERVER_PREFIX_CACHE_QUERIES, delta.queries());
            result.total().add(Counter.SERVER_PREFIX_CACHE_HITS, delta.hits());
        }
        result = Calibrator.judge(result, lagThreshold);
        return calibration == null ? result : result.withCalibration(calibration);
    }

    static GoodputLimits goodput(RunPlan.GoodputSpec g) {
        if (g == null) return null;
        return new GoodputLimits(nanos(g.ttft()), nanos(g.tpot()), nanos(g.e2e()));
    }

    private static long nanos(String duration) {
        return duration == null ? 0 : Durations.parse(duration).toNanos();
    }

    StreamingClient client(RunPlan.Target t) {
        Objects.requireNonNull(t, "plan.target is required");
        String kind = t.kind() == null ? "openai" : t.kind().toLowerCase(Locale.ROOT);
        Duration timeout = t.timeout() == null ? DEFAULT_TIMEOUT : Durations.parse(t.timeout());
        if (kind.equals("bedrock")) {
            // Credentials: the SDK's default chain (env, profile, IRSA/Pod Identity in the load Job).
            return new BedrockConverseStreamClient(new BedrockClientConfig(
                    Objects.requireNonNull(t.model(), "target.model (model id or ARN) is required"),
                    t.region() == null ? "us-east-1" : t.region(),
                    t.endpointOverride() == null ? null : URI.create(t.endpointOverride()), null, timeout,
                    DEFAULT_MAX_CONNECTIONS, Boolean.TRUE.equals(t.promptCaching())));
        }
        if (kind.equals("agentcore")) {
            // The runtime ARN travels in target.model, as the Bedrock model id does.
            return new AgentCoreInvokeClient(new AgentCoreClientConfig(
                    Objects.requireNonNull(t.model(), "target.model (AgentCore runtime ARN) is required"),
                    t.qualifier(), t.region() == null ? regionOf(t.model()) : t.region(),
                    t.endpointOverride() == null ? null : URI.create(t.endpointOverride()), null, timeout,
                    DEFAULT_MAX_CONNECTIONS, t.payloadTemplate()));
        }
        if (!kind.equals("openai")) {
            throw new IllegalArgumentException("target kind '" + t.kind() + "' is not supported by this loadgen build"
                    + " (openai, bedrock, agentcore)");
        }
        OpenAiApi api = t.api() == null || t.api().equalsIgnoreCase("chat") ? OpenAiApi.CHAT : OpenAiApi.COMPLETIONS;
        String key = t.apiKeyEnv() == null ? null : env.get(t.apiKeyEnv());
        return new OpenAiStreamingClient(new OpenAiClientConfig(URI.create(Objects.requireNonNull(t.url(),
                "target.url is required")), api, Objects.requireNonNull(t.model(), "target.model is required"), key,
                timeout, t.ignoreEos() == null || t.ignoreEos()));
    }

    /** The region field of an ARN (arn:aws:bedrock-agentcore:REGION:...), else us-east-1. */
    static String regionOf(String arn) {
        String[] parts = arn.split(":", 6);
        return parts.length > 3 && parts[0].equals("arn") && !parts[3].isEmpty() ? parts[3] : "us-east-1";
    }

    static long seed(RunPlan plan) {
        return plan.load() != null && plan.load().seed() != null ? plan.load().seed() : 1L;
    }

    static LoadPlan loadPlan(RunPlan plan) {
        RunPlan.Load l = Objects.requireNonNull(plan.load(), "plan.load is required");
        LoadModel model = LoadModel.valueOf((l.model() == null ? "closed" : l.model()).toUpperCase(Locale.ROOT));
        var stages = l.stages().stream().map(s -> new Stage(Durations.parse(s.duration()),
                s.rate() == null ? 0 : s.rate(), s.concurrency() == null ? 0 : s.concurrency())).toList();
        Duration timeout = plan.target() != null && plan.target().timeout() != null
                ? Durations.parse(plan.target().timeout()) : DEFAULT_TIMEOUT;
        return new LoadPlan(model, stages, l.warmup() == null ? Duration.ZERO : Durations.parse(l.warmup()),
                l.maxRequests() == null ? 0 : l.maxRequests(), seed(plan),
                l.drainTimeout() == null ? timeout : Durations.parse(l.drainTimeout()),
                l.minRequests() == null ? 0 : l.minRequests(),
                l.maxExtension() == null ? Duration.ZERO : Durations.parse(l.maxExtension()),
                l.startAt() == null ? 0 : java.time.Instant.parse(l.startAt()).toEpochMilli());
    }

    Shard shard(RunPlan.ShardSpec s) {
        int count = s == null || s.count() == null ? 1 : s.count();
        Integer index = s == null ? null : s.index();
        if (index == null) {
            // Kubernetes Indexed Jobs give each pod its index in this variable.
            String fromJob = env.get("JOB_COMPLETION_INDEX");
            index = fromJob == null ? 0 : Integer.parseInt(fromJob.trim());
        }
        return new Shard(index, count);
    }
}
