package dev.crossover.loadgen.plan;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * Everything one load Job pod needs, as JSON: the operator writes it, the CLI reads it with
 * {@code loadgen run --plan plan.json}, and every CLI flag maps onto a field. Durations are strings
 * ("30s", "5m", "PT1H"). Unknown fields are ignored so a newer operator can talk to an older image.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record RunPlan(String label, Target target, Load load, WorkloadSpec workload, ShardSpec shard,
                      CalibrationSpec calibration, ServerMetricsSpec serverMetrics, GoodputSpec goodput) {

    /** A plan without goodput limits. */
    public RunPlan(String label, Target target, Load load, WorkloadSpec workload, ShardSpec shard,
                   CalibrationSpec calibration, ServerMetricsSpec serverMetrics) {
        this(label, target, load, workload, shard, calibration, serverMetrics, null);
    }

    /**
     * Per-request limits: a request counts towards goodput when it succeeded within each given
     * limit (vLLM --goodput, AIPerf). Durations; absent fields are no limit; no section, no goodput.
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record GoodputSpec(String ttft, String tpot, String e2e) {}

    /** A plan without server metrics (every caller before there were any). */
    public RunPlan(String label, Target target, Load load, WorkloadSpec workload, ShardSpec shard,
                   CalibrationSpec calibration) {
        this(label, target, load, workload, shard, calibration, null);
    }

    /**
     * Model servers whose Prometheus endpoints shard 0 reads before and after the run, to report
     * the server-side prefix-cache hits and queries of the run (vLLM and llm-d-inference-sim).
     *
     * @param urls one /metrics URL per model-server pod (a Service would answer from one pod only)
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record ServerMetricsSpec(List<String> urls) {}

    /**
     * @param kind        "openai" (default), "bedrock" or "agentcore"
     * @param url         OpenAI-compatible base URL up to the version, e.g. http://litellm:4000/v1
     * @param api         "chat" (default) or "completions"
     * @param model       model name, Bedrock model id/ARN, or AgentCore runtime ARN
     * @param apiKeyEnv   name of the environment variable holding the bearer key (keys never go in plans)
     * @param timeout     per-request limit, default 300s
     * @param ignoreEos   ask for exactly max_tokens (vLLM, simulator), default true
     * @param region      AWS region for bedrock/agentcore
     * @param endpointOverride AWS endpoint override (tests, VPC endpoints)
     * @param qualifier   agentcore: the runtime endpoint (or version) to invoke; default DEFAULT
     * @param payloadTemplate agentcore: the agent's own JSON payload with placeholders ${prompt},
     *                    ${system}, ${messages}, ${maxTokens}; default {"prompt":"${prompt}"}
     * @param promptCaching bedrock: mark a workload's shared system prompt with a cachePoint (default
     *                    false, as BenchmarkRun's bedrock.promptCaching): without it no cachePoint is sent,
     *                    so caching on and off can be compared on the same workload
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Target(String kind, String url, String api, String model, String apiKeyEnv, String timeout,
                         Boolean ignoreEos, String region, String endpointOverride, String qualifier,
                         String payloadTemplate, Boolean promptCaching) {

        /** A target without AgentCore fields (what plans were before AgentCore). */
        public Target(String kind, String url, String api, String model, String apiKeyEnv, String timeout,
                      Boolean ignoreEos, String region, String endpointOverride) {
            this(kind, url, api, model, apiKeyEnv, timeout, ignoreEos, region, endpointOverride, null, null, null);
        }

        /** A target without the Bedrock prompt-caching switch (AgentCore and OpenAI-compatible callers). */
        public Target(String kind, String url, String api, String model, String apiKeyEnv, String timeout,
                      Boolean ignoreEos, String region, String endpointOverride, String qualifier,
                      String payloadTemplate) {
            this(kind, url, api, model, apiKeyEnv, timeout, ignoreEos, region, endpointOverride, qualifier,
                    payloadTemplate, null);
        }
    }

    /**
     * @param model    "closed", "constant" or "poisson"
     * @param stages   in order; each has a duration and a rate (open loop) or concurrency (closed loop)
     * @param warmup   before the stages, unmeasured
     * @param maxRequests stop after this many measured requests (0: the stages' time decides)
     * @param seed     makes arrivals and prompts reproducible
     * @param drainTimeout wait for in-flight requests after sending stops, default the request timeout
     * @param minRequests  go on after the stages (at the last stage's load) until this many measured
     *                     requests, so the percentiles have samples enough; default none
     * @param maxExtension the most time minRequests may add after the stages
     * @param startAt      ISO-8601 instant at which every shard of the level starts (warm-up first);
     *                     a shard later than its warm-up (at least 1 s) refuses to run (exit code 3)
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Load(String model, List<StageSpec> stages, String warmup, Long maxRequests, Long seed,
                       String drainTimeout, Long minRequests, String maxExtension, String startAt) {

        /** A load without a minimum request count. */
        public Load(String model, List<StageSpec> stages, String warmup, Long maxRequests, Long seed,
                    String drainTimeout) {
            this(model, stages, warmup, maxRequests, seed, drainTimeout, null, null, null);
        }

        /** A load without a common start instant. */
        public Load(String model, List<StageSpec> stages, String warmup, Long maxRequests, Long seed,
                    String drainTimeout, Long minRequests, String maxExtension) {
            this(model, stages, warmup, maxRequests, seed, drainTimeout, minRequests, maxExtension, null);
        }

        public Load withStartAt(String instant) {
            return new Load(model, stages, warmup, maxRequests, seed, drainTimeout, minRequests, maxExtension, instant);
        }
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record StageSpec(String duration, Double rate, Integer concurrency) {}

    /**
     * @param scenario     a preset of the benchmark plan (see ScenarioWorkloads), or "synthetic"
     * @param inputTokens  length spec: "500", "uniform:100:900", "normal:500:100:1:2000"
     * @param outputTokens length spec
     * @param uniquePrefix start every prompt with a nonce (no prefix-cache hits by accident)
     * @param tenants      tenant names and the env vars holding their keys (multi-tenant scenario)
     * @param toolLatency  simulated tool latency between agent turns (multi-turn scenario)
     * @param turns        turns per conversation (multi-turn scenario; default 5)
     * @param toolCalls    tool calls per conversation, one after each of the first turns (default 3, at most turns - 1)
     * @param systemPrompts how many distinct shared system prompts (repeated-system-prompts; default 3)
     * @param systemPromptTokens length of each shared system prompt (repeated-system-prompts 2000,
     *                     multi-tenant 1000)
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record WorkloadSpec(String scenario, String inputTokens, String outputTokens, Boolean uniquePrefix,
                               List<TenantSpec> tenants, String toolLatency, Integer turns, Integer toolCalls,
                               Integer systemPrompts, Integer systemPromptTokens) {

        /** A workload spec with the presets' conversation and system-prompt shapes. */
        public WorkloadSpec(String scenario, String inputTokens, String outputTokens, Boolean uniquePrefix,
                            List<TenantSpec> tenants, String toolLatency) {
            this(scenario, inputTokens, outputTokens, uniquePrefix, tenants, toolLatency, null, null, null, null);
        }
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record TenantSpec(String name, String apiKeyEnv) {}

    /** Which part of a run spread over an Indexed Job this pod sends; index defaults to JOB_COMPLETION_INDEX. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record ShardSpec(Integer index, Integer count) {}

    /**
     * @param enabled          measure the client's floor on a loopback server before the run
     * @param lagThreshold     flag the run when scheduling lag p99 passes this (default 1ms)
     * @param clientWarmupRequests requests sent to an in-process loopback server before the run so
     *                         the JVM has compiled the client's path (default 2000; 0 to skip)
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record CalibrationSpec(Boolean enabled, String lagThreshold, Integer clientWarmupRequests) {}
}
