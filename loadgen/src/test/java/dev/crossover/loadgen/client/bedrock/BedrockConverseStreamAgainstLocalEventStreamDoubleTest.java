package dev.crossover.loadgen.client.bedrock;

import static org.assertj.core.api.Assertions.assertThat;

import dev.crossover.loadgen.client.ChatMessage;
import dev.crossover.loadgen.client.ErrorClass;
import dev.crossover.loadgen.client.GenerationRequest;
import dev.crossover.loadgen.client.RequestOutcome;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;

/**
 * The real AWS SDK ConverseStream client, pointed with endpointOverride at a local TEST DOUBLE
 * speaking AWS event-stream framing on 127.0.0.1 (AWS itself is unreachable here).
 */
class BedrockConverseStreamAgainstLocalEventStreamDoubleTest {
    static ConverseStreamEventStreamDouble bedrockDouble;
    static BedrockConverseStreamClient client;
    /** The same, with bedrock.promptCaching false. */
    static BedrockConverseStreamClient uncachedClient;

    @BeforeAll
    static void start() throws Exception {
        bedrockDouble = new ConverseStreamEventStreamDouble(Duration.ofMillis(60), Duration.ofMillis(5), 6);
        client = client(true);
        uncachedClient = client(false);
    }

    private static BedrockConverseStreamClient client(boolean promptCaching) {
        return new BedrockConverseStreamClient(new BedrockClientConfig("anthropic.claude-3-5-sonnet-20240620-v1:0",
                "us-east-1", bedrockDouble.endpoint(),
                StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIDEXAMPLE", "fake-secret-for-tests")),
                Duration.ofSeconds(10), 16, promptCaching));
    }

    @AfterAll
    static void stop() {
        if (client != null) client.close();
        if (uncachedClient != null) uncachedClient.close();
        if (bedrockDouble != null) bedrockDouble.close();
    }

    private static GenerationRequest request(boolean cache) {
        return new GenerationRequest(List.of(ChatMessage.system("You are a careful assistant for tests"),
                ChatMessage.user("say six words")), 6, null, "tenant-a", cache);
    }

    @Test
    void ttftIsStampedAtTheFirstNonEmptyContentBlockDelta() throws Exception {
        bedrockDouble.mode = ConverseStreamEventStreamDouble.Mode.STREAM;
        client.send(request(false), System.nanoTime()).get(); // connection and SDK warm-up
        long start = System.nanoTime();
        RequestOutcome o = client.send(request(false), start).get();
        assertThat(o.error()).as(o.errorDetail()).isNull();
        // messageStart and an empty delta arrive at once; counting either would give ~1 ms.
        assertThat(o.ttftNanos()).isGreaterThanOrEqualTo(60_000_000L);
        assertThat(o.chunks().size()).isEqualTo(6);
        assertThat(o.usage().outputTokens()).isEqualTo(6);
        assertThat(o.tenant()).isEqualTo("tenant-a");
        assertThat(bedrockDouble.paths).last().asString()
                .isEqualTo("/model/anthropic.claude-3-5-sonnet-20240620-v1%3A0/converse-stream");
        JsonNode body = bedrockDouble.requests.get(bedrockDouble.requests.size() - 1);
        assertThat(body.path("inferenceConfig").path("maxTokens").asInt()).isEqualTo(6);
        assertThat(body.path("messages").get(0).path("role").asText()).isEqualTo("user");
        // maxTokens only caps the answer: the prompt asks for the length too (as LLMPerf does).
        assertThat(body.path("messages").get(0).path("content").get(0).path("text").asText())
                .startsWith("say six words").contains("about 6 tokens");
        assertThat(o.stopReason()).isEqualTo("max_tokens");
    }

    @Test
    void promptCachingSendsACachePointAndReportsCacheWriteThenRead() throws Exception {
        bedrockDouble.mode = ConverseStreamEventStreamDouble.Mode.STREAM;
        GenerationRequest cached = new GenerationRequest(List.of(ChatMessage.system("a long shared system prompt of nine words"),
                ChatMessage.user("hello there")), 4, null, null, true);
        RequestOutcome first = client.send(cached, System.nanoTime()).get();
        RequestOutcome second = client.send(cached, System.nanoTime()).get();
        JsonNode sent = bedrockDouble.requests.get(bedrockDouble.requests.size() - 1);
        assertThat(sent.path("system").get(1).path("cachePoint").path("type").asText()).isEqualTo("default");
        assertThat(first.usage().cacheWriteInputTokens()).isEqualTo(8);
        assertThat(first.usage().cacheReadInputTokens()).isZero();
        assertThat(second.usage().cacheReadInputTokens()).isEqualTo(8);
        assertThat(second.usage().cacheWriteInputTokens()).isZero();
        // Bedrock's inputTokens is the uncached part (the user message); the prompt is all of it, cached or not.
        long prompt = 8 + words(cached.withLengthInstruction().lastUserText());
        assertThat(first.usage().inputTokens()).isEqualTo(prompt);
        assertThat(second.usage().inputTokens()).isEqualTo(prompt);
    }

    @Test
    void promptCachingOffSendsNoCachePointEvenForASharedSystemPrompt() throws Exception {
        bedrockDouble.mode = ConverseStreamEventStreamDouble.Mode.STREAM;
        GenerationRequest shared = new GenerationRequest(List.of(ChatMessage.system("another shared system prompt of eight words here"),
                ChatMessage.user("hello there")), 4, null, null, true);
        RequestOutcome first = uncachedClient.send(shared, System.nanoTime()).get();
        RequestOutcome second = uncachedClient.send(shared, System.nanoTime()).get();
        JsonNode sent = bedrockDouble.requests.get(bedrockDouble.requests.size() - 1);
        assertThat(sent.path("system")).hasSize(1);
        assertThat(sent.path("system").get(0).has("cachePoint")).isFalse();
        assertThat(second.usage().cacheReadInputTokens()).isZero();
        assertThat(first.usage().cacheWriteInputTokens()).isZero();
        assertThat(second.usage().inputTokens()).isEqualTo(8 + words(shared.withLengthInstruction().lastUserText()));
    }

    private static int words(String s) {
        return s.trim().split("\\s+").length;
    }

    @Test
    void throttlingIsClassifiedAndNotRetried() throws Exception {
        bedrockDouble.mode = ConverseStreamEventStreamDouble.Mode.THROTTLE;
        try {
            int before = bedrockDouble.requests.size();
            RequestOutcome o = client.send(request(false), System.nanoTime()).get();
            assertThat(o.error()).isEqualTo(ErrorClass.THROTTLED);
            assertThat(o.httpStatus()).isEqualTo(429);
            assertThat(bedrockDouble.requests.size() - before).as("SDK retries must be off").isEqualTo(1);
        } finally {
            bedrockDouble.mode = ConverseStreamEventStreamDouble.Mode.STREAM;
        }
    }

    @Test
    void aModelThatIsNotReadyIsItsOwnClassNotAThrottle() throws Exception {
        bedrockDouble.mode = ConverseStreamEventStreamDouble.Mode.MODEL_NOT_READY;
        try {
            RequestOutcome o = client.send(request(false), System.nanoTime()).get();
            assertThat(o.error()).isEqualTo(ErrorClass.MODEL_NOT_READY);
            assertThat(o.httpStatus()).isEqualTo(429);
        } finally {
            bedrockDouble.mode = ConverseStreamEventStreamDouble.Mode.STREAM;
        }
    }

    @Test
    void anExceptionFrameMidStreamIsAStreamError() throws Exception {
        bedrockDouble.mode = ConverseStreamEventStreamDouble.Mode.STREAM_ERROR;
        try {
            RequestOutcome o = client.send(request(false), System.nanoTime()).get();
            assertThat(o.error()).isEqualTo(ErrorClass.STREAM_ERROR);
            assertThat(o.chunks().size()).isEqualTo(1);
        } finally {
            bedrockDouble.mode = ConverseStreamEventStreamDouble.Mode.STREAM;
        }
    }

    /** The repeated-system-prompts workload through the load runner: cache counters reach the result. */
    @Test
    void aLoadRunCarriesPromptCacheTokensIntoTheResult() throws Exception {
        bedrockDouble.mode = ConverseStreamEventStreamDouble.Mode.STREAM;
        var workload = new dev.crossover.loadgen.workload.SystemPromptWorkload(5, 3, 50,
                new dev.crossover.loadgen.workload.TokenLengths.Fixed(10), new dev.crossover.loadgen.workload.TokenLengths.Fixed(6));
        var plan = new dev.crossover.loadgen.load.LoadPlan(dev.crossover.loadgen.load.LoadModel.CLOSED,
                List.of(dev.crossover.loadgen.load.Stage.concurrency(Duration.ofSeconds(1), 4)), Duration.ZERO, 0, 5,
                Duration.ofSeconds(5));
        var r = dev.crossover.loadgen.load.LoadRunner.run("bedrock", plan, client, workload,
                dev.crossover.loadgen.load.Shard.SINGLE);
        var t = r.total();
        long ok = t.counter(dev.crossover.loadgen.result.Counter.REQUESTS_SUCCEEDED);
        assertThat(ok).isGreaterThan(10);
        assertThat(t.counter(dev.crossover.loadgen.result.Counter.REQUESTS_FAILED)).isZero();
        assertThat(t.counter(dev.crossover.loadgen.result.Counter.OUTPUT_TOKENS)).isEqualTo(6 * ok);
        // Three distinct system prompts: at most three writes (the double caches per prompt), reads for the rest.
        long read = t.counter(dev.crossover.loadgen.result.Counter.CACHE_READ_INPUT_TOKENS);
        long write = t.counter(dev.crossover.loadgen.result.Counter.CACHE_WRITE_INPUT_TOKENS);
        long input = t.counter(dev.crossover.loadgen.result.Counter.INPUT_TOKENS);
        assertThat(read).isPositive();
        int systemWords = workload.systemPrompts().stream().mapToInt(p -> p.trim().split("\\s+").length).max().orElseThrow();
        // Each system prompt is written at most once (the double caches per prompt text).
        assertThat(write).isPositive().isLessThanOrEqualTo(3L * systemWords);
        // Every request carries a system prompt and a 10-word user message (plus its nonce):
        // input counts the cached parts, so the cache-read share is below 1 and read + write <= input.
        assertThat(read + write).isLessThan(input);
        assertThat(input).isGreaterThanOrEqualTo(ok * (systemWords - 1 + 10L));
        var summary = dev.crossover.loadgen.result.Summary.of(r);
        assertThat(summary.path("cacheReadInputTokenShare").asDouble()).isBetween(0.5, 1.0);
        assertThat(summary.path("cacheWriteInputTokenShare").asDouble()).isEqualTo((double) write / input);
        assertThat(t.histogram(dev.crossover.loadgen.result.Metric.TTFT).getValueAtPercentile(50))
                .isGreaterThanOrEqualTo(60_000_000L);
    }
}
