package dev.crossover.loadgen.client.agentcore;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.crossover.loadgen.client.ChatMessage;
import dev.crossover.loadgen.client.ErrorClass;
import dev.crossover.loadgen.client.GenerationRequest;
import dev.crossover.loadgen.client.RequestOutcome;
import dev.crossover.loadgen.load.LoadModel;
import dev.crossover.loadgen.load.LoadPlan;
import dev.crossover.loadgen.load.LoadRunner;
import dev.crossover.loadgen.load.Shard;
import dev.crossover.loadgen.load.Stage;
import dev.crossover.loadgen.result.Counter;
import dev.crossover.loadgen.result.Metric;
import dev.crossover.loadgen.result.RunResult;
import dev.crossover.loadgen.workload.AgentConversationWorkload;
import dev.crossover.loadgen.workload.TokenLengths;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;

/**
 * The real AWS SDK BedrockAgentCore async client (SigV4, Netty, restJson1 error mapping) pointed
 * with endpointOverride at a local TEST DOUBLE of InvokeAgentRuntime on 127.0.0.1 (AWS itself is
 * unreachable here). The double recomputes every request's SigV4 signature.
 */
class AgentCoreInvokeAgainstLocalRuntimeDoubleTest {
    static final String ARN = "arn:aws:bedrock-agentcore:us-west-2:123456789012:runtime/support_agent-Ab12Cd34Ef";
    static final String ACCESS_KEY = "AKIDEXAMPLE0000TEST";
    static final String SECRET = "fake-secret-for-tests";
    static AgentCoreRuntimeLocalDouble runtime;
    static AgentCoreInvokeClient client;
    final ObjectMapper json = new ObjectMapper();

    @BeforeAll
    static void start() throws Exception {
        runtime = new AgentCoreRuntimeLocalDouble(ACCESS_KEY, SECRET, "us-west-2", Duration.ofMillis(70),
                Duration.ofMillis(5), 6);
        client = client(SECRET, Duration.ofSeconds(10), null);
    }

    static AgentCoreInvokeClient client(String secret, Duration timeout, String template) {
        return new AgentCoreInvokeClient(new AgentCoreClientConfig(ARN, "prod", "us-west-2", runtime.endpoint(),
                StaticCredentialsProvider.create(AwsBasicCredentials.create(ACCESS_KEY, secret)), timeout, 16, template));
    }

    @AfterAll
    static void stop() {
        if (client != null) client.close();
        if (runtime != null) runtime.close();
    }

    @AfterEach
    void streamAgain() {
        runtime.mode = AgentCoreRuntimeLocalDouble.Mode.STREAM;
    }

    private static GenerationRequest ask(String text) {
        return GenerationRequest.of(List.of(ChatMessage.system("You are a support agent"), ChatMessage.user(text)), 6);
    }

    @Test
    void ttftIsTheFirstNonEmptySseEventAndTheRequestIsSignedAndAddressedAsAgentCoreExpects() throws Exception {
        client.send(ask("warm up"), System.nanoTime()).get(); // connection and SDK warm-up
        int rejectedBefore = runtime.rejections.size();
        long start = System.nanoTime();
        RequestOutcome o = client.send(ask("where is my order?"), start).get();
        assertThat(o.error()).as(o.errorDetail()).isNull();
        assertThat(o.httpStatus()).isEqualTo(200);
        // A comment and an empty event arrive at once; counting either would give ~1 ms.
        assertThat(o.ttftNanos()).isGreaterThanOrEqualTo(70_000_000L);
        assertThat(o.chunks().size()).isEqualTo(6);
        assertThat(o.chunks().last() - o.chunks().first()).isGreaterThanOrEqualTo(5 * 4_900_000L);
        assertThat(o.e2eNanos()).isGreaterThanOrEqualTo(o.chunks().last() - start);
        assertThat(runtime.rejections.size()).as("the double's path, header and SigV4 checks: " + runtime.rejections)
                .isEqualTo(rejectedBefore);
        AgentCoreRuntimeLocalDouble.Invocation call = runtime.invocations.get(runtime.invocations.size() - 1);
        assertThat(call.runtimeArn()).isEqualTo(ARN);
        assertThat(call.qualifier()).isEqualTo("prod");
        assertThat(call.sessionId()).hasSizeGreaterThanOrEqualTo(33);
        assertThat(call.contentType()).isEqualTo("application/json");
        // The user's text, then the length the answer should have (agents cannot ignore their end of sequence).
        assertThat(json.readTree(call.body()).path("prompt").asText()).startsWith("where is my order?")
                .contains("about " + ask("x").maxTokens() + " tokens");
    }

    @Test
    void aWrongSecretIsRefusedByTheDoublesSignatureCheck() throws Exception {
        try (AgentCoreInvokeClient wrong = client("not-the-secret", Duration.ofSeconds(10), null)) {
            int before = runtime.rejections.size();
            RequestOutcome o = wrong.send(ask("hello"), System.nanoTime()).get();
            assertThat(o.error()).isEqualTo(ErrorClass.CLIENT_ERROR);
            assertThat(o.httpStatus()).isEqualTo(403);
            assertThat(runtime.rejections.subList(before, runtime.rejections.size()))
                    .singleElement().asString().contains("signature we calculated does not match");
        }
    }

    @Test
    void aNonStreamingAgentsJsonBodyIsOneChunk() throws Exception {
        runtime.mode = AgentCoreRuntimeLocalDouble.Mode.JSON;
        RequestOutcome o = client.send(ask("hi"), System.nanoTime()).get();
        assertThat(o.error()).as(o.errorDetail()).isNull();
        assertThat(o.chunks().size()).isEqualTo(1);
        assertThat(o.ttftNanos()).isGreaterThanOrEqualTo(70_000_000L);
    }

    @Test
    void throttlingIsThrottledAndNotRetried() throws Exception {
        runtime.mode = AgentCoreRuntimeLocalDouble.Mode.THROTTLE;
        int before = runtime.invocations.size();
        RequestOutcome o = client.send(ask("hi"), System.nanoTime()).get();
        assertThat(o.error()).isEqualTo(ErrorClass.THROTTLED);
        assertThat(o.httpStatus()).isEqualTo(429);
        assertThat(o.errorDetail()).contains("ThrottlingException");
        assertThat(runtime.invocations.size() - before).as("SDK retries must be off").isEqualTo(1);
    }

    @Test
    void accessDeniedIsAClientError() throws Exception {
        runtime.mode = AgentCoreRuntimeLocalDouble.Mode.DENY;
        RequestOutcome o = client.send(ask("hi"), System.nanoTime()).get();
        assertThat(o.error()).isEqualTo(ErrorClass.CLIENT_ERROR);
        assertThat(o.httpStatus()).isEqualTo(403);
        assertThat(o.errorDetail()).contains("AccessDeniedException");
    }

    @Test
    void anErrorEventInTheStreamIsAStreamError() throws Exception {
        runtime.mode = AgentCoreRuntimeLocalDouble.Mode.ERROR_EVENT;
        RequestOutcome o = client.send(ask("hi"), System.nanoTime()).get();
        assertThat(o.error()).isEqualTo(ErrorClass.STREAM_ERROR);
        assertThat(o.errorDetail()).contains("tool failed");
        assertThat(o.chunks().size()).isEqualTo(1);
    }

    /**
     * The SDK's Netty client reports a chunked body cut without its last chunk as complete, and
     * AgentCore's SSE has no end marker: a cut is visible only when it falls inside an event.
     */
    @Test
    void aConnectionCutInsideAnEventIsABrokenStream() throws Exception {
        runtime.mode = AgentCoreRuntimeLocalDouble.Mode.CUT;
        RequestOutcome o = client.send(ask("hi"), System.nanoTime()).get();
        assertThat(o.error()).as(o.errorDetail()).isEqualTo(ErrorClass.BROKEN_STREAM);
        assertThat(o.chunks().size()).isEqualTo(2);
    }

    @Test
    void aStalledStreamTimesOut() throws Exception {
        runtime.mode = AgentCoreRuntimeLocalDouble.Mode.STALL;
        try (AgentCoreInvokeClient impatient = client(SECRET, Duration.ofMillis(400), null)) {
            long start = System.nanoTime();
            RequestOutcome o = impatient.send(ask("hi"), start).get();
            assertThat(o.error()).as(o.errorDetail()).isEqualTo(ErrorClass.TIMEOUT);
            assertThat(o.endNanos() - start).isBetween(400_000_000L, 3_000_000_000L);
        }
    }

    @Test
    void thePayloadTemplateCarriesTheAgentsOwnFields() throws Exception {
        try (AgentCoreInvokeClient c = client(SECRET, Duration.ofSeconds(10),
                "{\"input\":{\"text\":\"${prompt}\",\"history\":\"${messages}\",\"budget\":\"${maxTokens}\"},\"v\":2}")) {
            RequestOutcome o = c.send(ask("track parcel 7"), System.nanoTime()).get();
            assertThat(o.error()).as(o.errorDetail()).isNull();
            JsonNode body = json.readTree(runtime.invocations.get(runtime.invocations.size() - 1).body());
            assertThat(body.path("input").path("text").asText()).startsWith("track parcel 7").contains("about 6 tokens");
            assertThat(body.path("input").path("budget").asInt()).isEqualTo(6);
            assertThat(body.path("input").path("history").get(0).path("role").asText()).isEqualTo("system");
            assertThat(body.path("v").asInt()).isEqualTo(2);
        }
    }

    /** The multi-turn agent workload through the load runner: one runtime session per conversation. */
    @Test
    void aLoadRunKeepsEachConversationInOneRuntimeSession() throws Exception {
        int before = runtime.invocations.size();
        var workload = new AgentConversationWorkload(3, new TokenLengths.Fixed(10), new TokenLengths.Fixed(10),
                new TokenLengths.Fixed(6), Duration.ofMillis(10));
        var plan = new LoadPlan(LoadModel.CLOSED, List.of(Stage.concurrency(Duration.ofSeconds(2), 3)), Duration.ZERO,
                0, 3, Duration.ofSeconds(5));
        RunResult r = LoadRunner.run("agentcore", plan, client, workload, Shard.SINGLE);
        var t = r.total();
        long ok = t.counter(Counter.REQUESTS_SUCCEEDED);
        assertThat(ok).isGreaterThanOrEqualTo(10);
        assertThat(t.counter(Counter.REQUESTS_FAILED)).isZero();
        assertThat(t.histogram(Metric.TTFT).getValueAtPercentile(50)).isGreaterThanOrEqualTo(70_000_000L);
        var calls = runtime.invocations.subList(before, runtime.invocations.size());
        Set<String> sessions = calls.stream().map(AgentCoreRuntimeLocalDouble.Invocation::sessionId)
                .collect(Collectors.toSet());
        // Five turns per conversation share a session: far fewer sessions than calls, and more than one.
        assertThat(sessions.size()).isGreaterThan(1).isLessThanOrEqualTo((calls.size() + 4) / 5 + 3);
        assertThat(calls.stream().collect(Collectors.groupingBy(AgentCoreRuntimeLocalDouble.Invocation::sessionId,
                Collectors.counting())).values()).allMatch(n -> n <= 5).anyMatch(n -> n == 5);
    }
}
