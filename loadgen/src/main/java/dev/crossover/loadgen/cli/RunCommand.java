package dev.crossover.loadgen.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.crossover.loadgen.plan.PlanExecutor;
import dev.crossover.loadgen.plan.RunPlan;
import dev.crossover.loadgen.result.RunResult;
import dev.crossover.loadgen.result.RunResultJson;
import dev.crossover.loadgen.result.Summary;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * Runs one load level against one target. Either a plan file (what the operator's load Job mounts)
 * or flags; flags given together with a plan override the plan's fields.
 */
@Command(name = "run", mixinStandardHelpOptions = true,
        description = "Run load against a target and write the result JSON (schemaVersion 1).")
public final class RunCommand implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Option(names = "--plan", description = "Run plan JSON file (the load Job's input).")
    Path planFile;

    @Option(names = "--target", description = "openai (default), bedrock or agentcore.")
    String kind;
    @Option(names = "--region", description = "AWS region for bedrock (default us-east-1) and agentcore "
            + "(default: the runtime ARN's).")
    String region;
    @Option(names = "--qualifier", description = "AgentCore runtime endpoint or version (default DEFAULT).")
    String qualifier;
    @Option(names = "--payload-template", description = "AgentCore: the agent's JSON payload; string values "
            + "$${prompt}, $${system}, $${messages}, $${maxTokens} are filled in (default {\"prompt\":\"$${prompt}\"}).")
    String payloadTemplate;
    @Option(names = "--prompt-caching", description = "Bedrock: mark shared system prompts with a cachePoint "
            + "(default off: no cachePoint is sent).")
    Boolean promptCaching;
    @Option(names = "--endpoint-override", description = "AWS endpoint override (VPC endpoint, local double).")
    String endpointOverride;
    @Option(names = {"-u", "--url"}, description = "OpenAI-compatible base URL, e.g. http://127.0.0.1:8000/v1")
    String url;
    @Option(names = "--api", description = "chat or completions (default chat).")
    String api;
    @Option(names = {"-m", "--model"}, description = "Model name, Bedrock model id/ARN, or AgentCore runtime ARN.")
    String model;
    @Option(names = "--api-key-env", description = "Environment variable holding the bearer key.")
    String apiKeyEnv;
    @Option(names = "--timeout", description = "Per-request timeout (default 300s).")
    String timeout;
    @Option(names = "--ignore-eos", negatable = true, description = "Ask for exactly max_tokens (default true).")
    Boolean ignoreEos;

    @Option(names = "--load", description = "closed, constant or poisson (default closed).")
    String load;
    @Option(names = {"-c", "--concurrency"}, description = "Closed-loop users.")
    Integer concurrency;
    @Option(names = {"-r", "--rate"}, description = "Open-loop requests (sessions) per second.")
    Double rate;
    @Option(names = {"-d", "--duration"}, description = "Measured duration, e.g. 60s (with --concurrency/--rate).")
    String duration;
    @Option(names = "--stages", split = ",",
            description = "Stages as DURATION@LEVEL, e.g. 60s@10,300s@100,60s@10 (rate or concurrency).")
    List<String> stages;
    @Option(names = "--levels", split = ",",
            description = "Sweep: one run per level (concurrency or rate), e.g. 1,10,50; results go to --output-dir.")
    List<Double> levels;
    @Option(names = "--warmup", description = "Unmeasured warm-up before the stages, e.g. 10s.")
    String warmup;
    @Option(names = {"-n", "--requests"}, description = "Stop after this many measured requests.")
    Long requests;
    @Option(names = "--min-requests", description = "Go on after the stages, at the last stage's load, until this "
            + "many measured requests (e.g. 200 for a p95, 1000 for a p99), at most --max-extension longer.")
    Long minRequests;
    @Option(names = "--max-extension", description = "The most time --min-requests may add (e.g. 2m).")
    String maxExtension;
    @Option(names = "--seed", description = "Seed for arrivals and prompts (default 1).")
    Long seed;

    @Option(names = "--scenario", description = "Workload preset (see 'loadgen scenarios'), default synthetic.")
    String scenario;
    @Option(names = "--input-tokens", description = "Input length: 500, uniform:100:900, normal:500:100:1:2000")
    String inputTokens;
    @Option(names = "--output-tokens", description = "Output length (max_tokens), same syntax.")
    String outputTokens;
    @Option(names = "--unique-prefix", negatable = true, description = "Nonce first in every prompt (default true).")
    Boolean uniquePrefix;
    @Option(names = "--tool-latency", description = "Simulated tool latency for multi-turn-agent (default 300ms).")
    String toolLatency;

    @Option(names = "--shard-index", description = "This pod's shard (default $JOB_COMPLETION_INDEX or 0).")
    Integer shardIndex;
    @Option(names = "--shard-count", description = "Number of shards (pods) in the run (default 1).")
    Integer shardCount;

    @Option(names = "--calibrate", description = "Measure the client's floor on a loopback server first.")
    boolean calibrate;
    @Option(names = "--client-warmup", description = "Requests to an in-process loopback server before the run, "
            + "so the JVM has compiled the client (default 2000; 0 to skip).")
    Integer clientWarmup;
    @Option(names = "--lag-threshold", description = "Flag the run if scheduling lag p99 passes this (default 1ms).")
    String lagThreshold;

    @Option(names = "--progress", description = "Log a progress line to stderr this often (default 30s; 0 for none).")
    String progress = "30s";
    @Option(names = "--label", description = "Label written into the result.")
    String label;
    @Option(names = {"-o", "--output"}, description = "Result file, '-' for stdout (default '-').")
    String output = "-";
    @Option(names = "--one-line",
            description = "Write the result JSON on one line (a load Job's log mixes stderr into stdout line by line).")
    boolean oneLine;
    @Option(names = "--termination-log",
            description = "Also write the result's mergeable part (no intervals) to this file when it fits in "
                    + TerminationLog.LIMIT_BYTES + " bytes: a Kubernetes termination message, readable from the pod's "
                    + "status without its log.")
    Path terminationLog;
    @Option(names = "--output-dir", description = "Directory for a sweep's results, one <label>-<level>.json each.")
    Path outputDir = Path.of(".");
    @Option(names = "--summary", negatable = true, defaultValue = "true", fallbackValue = "true",
            description = "Print a summary to stderr (default true).")
    boolean printSummary;

    @Override
    public Integer call() throws Exception {
        List<RunPlan> plans = SweepPlans.expand(plan(), levels, duration);
        java.time.Duration every = dev.crossover.loadgen.plan.Durations.parse(progress.equals("0") ? "0s" : progress);
        var err = spec.commandLine().getErr();
        PlanExecutor executor = every.isZero() ? new PlanExecutor(System.getenv())
                : new PlanExecutor(System.getenv(), line -> {
                    synchronized (err) {
                        err.println(line);
                        err.flush();
                    }
                }, every);
        for (RunPlan plan : plans) {
            RunResult result;
            try {
                result = executor.execute(plan);
            } catch (dev.crossover.loadgen.load.LateStartException late) {
                // The pod's termination message says why the level failed; the exit code fails the Job.
                err.println("loadgen: " + late.getMessage());
                err.flush();
                if (terminationLog != null) TerminationLog.writeIfFits(terminationLog, late.getMessage());
                return dev.crossover.loadgen.load.LateStartException.EXIT_CODE;
            }
            String target = plans.size() == 1 ? output : outputDir.resolve(plan.label() + ".json").toString();
            Output.write(target, oneLine ? RunResultJson.writeOneLine(result) : RunResultJson.write(result),
                    spec.commandLine().getOut());
            if (terminationLog != null) {
                TerminationLog.writeIfFits(terminationLog, RunResultJson.writeCompact(result));
            }
            if (printSummary) {
                spec.commandLine().getErr().println(SummaryCommand.table(result));
                spec.commandLine().getErr().flush();
            }
        }
        return 0;
    }

    /** The plan file (if any) with every given flag laid over it. */
    RunPlan plan() throws Exception {
        RunPlan base = planFile == null ? new RunPlan(null, null, null, null, null, null)
                : new ObjectMapper().readValue(Files.readString(planFile), RunPlan.class);
        RunPlan.Target t = base.target() == null ? new RunPlan.Target(null, null, null, null, null, null, null, null, null)
                : base.target();
        t = new RunPlan.Target(or(kind, t.kind()), or(url, t.url()), or(api, t.api()), or(model, t.model()),
                or(apiKeyEnv, t.apiKeyEnv()), or(timeout, t.timeout()), or(ignoreEos, t.ignoreEos()),
                or(region, t.region()), or(endpointOverride, t.endpointOverride()), or(qualifier, t.qualifier()),
                or(payloadTemplate, t.payloadTemplate()), or(promptCaching, t.promptCaching()));
        RunPlan.Load l = base.load() == null ? new RunPlan.Load(null, null, null, null, null, null) : base.load();
        List<RunPlan.StageSpec> stageSpecs = l.stages();
        if (stages != null) {
            stageSpecs = new ArrayList<>();
            for (String s : stages) {
                String[] p = s.split("@");
                if (p.length != 2) throw new IllegalArgumentException("stage '" + s + "' is not DURATION@LEVEL");
                stageSpecs.add(stage(p[0], Double.parseDouble(p[1]), or(load, l.model())));
            }
        } else if (concurrency != null || rate != null) {
            String d = duration == null ? "60s" : duration;
            stageSpecs = List.of(rate != null
                    ? new RunPlan.StageSpec(d, rate, null)
                    : new RunPlan.StageSpec(d, null, concurrency == null ? 1 : concurrency));
        }
        String loadModel = or(load, l.model());
        if (loadModel == null && rate != null) loadModel = "constant";
        if (stageSpecs == null && levels == null && scenario == null && (base.workload() == null
                || base.workload().scenario() == null)) {
            throw new IllegalArgumentException("give --concurrency, --rate, --stages, --levels or --scenario (or a --plan)");
        }
        l = new RunPlan.Load(loadModel, stageSpecs, or(warmup, l.warmup()), or(requests, l.maxRequests()),
                or(seed, l.seed()), l.drainTimeout(), or(minRequests, l.minRequests()), or(maxExtension, l.maxExtension()),
                l.startAt());
        RunPlan.WorkloadSpec w = base.workload() == null
                ? new RunPlan.WorkloadSpec(null, null, null, null, null, null) : base.workload();
        w = new RunPlan.WorkloadSpec(or(scenario, w.scenario()), or(inputTokens, w.inputTokens()),
                or(outputTokens, w.outputTokens()), or(uniquePrefix, w.uniquePrefix()), w.tenants(),
                or(toolLatency, w.toolLatency()), w.turns(), w.toolCalls(), w.systemPrompts(), w.systemPromptTokens());
        RunPlan.ShardSpec s = base.shard() == null ? new RunPlan.ShardSpec(null, null) : base.shard();
        s = new RunPlan.ShardSpec(or(shardIndex, s.index()), or(shardCount, s.count()));
        RunPlan.CalibrationSpec c = base.calibration() == null ? new RunPlan.CalibrationSpec(null, null, null)
                : base.calibration();
        c = new RunPlan.CalibrationSpec(calibrate ? Boolean.TRUE : c.enabled(), or(lagThreshold, c.lagThreshold()),
                or(clientWarmup, c.clientWarmupRequests()));
        return new RunPlan(or(label, base.label()), t, l, w, s, c, base.serverMetrics(), base.goodput());
    }

    private static RunPlan.StageSpec stage(String duration, double level, String loadModel) {
        boolean closed = loadModel == null || loadModel.equalsIgnoreCase("closed");
        return closed ? new RunPlan.StageSpec(duration, null, (int) level) : new RunPlan.StageSpec(duration, level, null);
    }

    private static <T> T or(T flag, T fromPlan) { return flag != null ? flag : fromPlan; }
}
