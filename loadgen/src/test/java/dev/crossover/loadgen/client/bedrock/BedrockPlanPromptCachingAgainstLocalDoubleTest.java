package dev.crossover.loadgen.client.bedrock;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.crossover.loadgen.plan.PlanExecutor;
import dev.crossover.loadgen.plan.RunPlan;
import dev.crossover.loadgen.result.Counter;
import dev.crossover.loadgen.result.RunResult;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A run plan with a Bedrock target and the repeated-system-prompts workload, as the operator's
 * load Job gets it, against the local ConverseStream TEST DOUBLE: the plan's promptCaching switch
 * alone decides whether a cachePoint goes out, so caching on and off compare on one workload.
 */
class BedrockPlanPromptCachingAgainstLocalDoubleTest {

    @BeforeEach
    void credentials() {
        System.setProperty("aws.accessKeyId", "AKIDPLANTEST0000");
        System.setProperty("aws.secretAccessKey", "plan-secret");
    }

    @AfterEach
    void clear() {
        System.clearProperty("aws.accessKeyId");
        System.clearProperty("aws.secretAccessKey");
    }

    @ParameterizedTest
    @ValueSource(booleans = {true, false})
    void thePlansPromptCachingSwitchDecidesTheCachePoint(boolean promptCaching) throws Exception {
        try (var bedrock = new ConverseStreamEventStreamDouble(Duration.ofMillis(5), Duration.ofMillis(1), 4)) {
            String json = """
                    {"label": "bedrock-cache",
                     "target": {"kind": "bedrock", "model": "anthropic.claude-3-5-sonnet-20240620-v1:0",
                                "region": "us-east-1", "endpointOverride": "%s", "timeout": "10s", "promptCaching": %s},
                     "load": {"model": "closed", "stages": [{"duration": "2s", "concurrency": 2}], "warmup": "3s", "seed": 3},
                     "workload": {"scenario": "repeated-system-prompts", "outputTokens": "4"},
                     "goodput": {"ttft": "%s"},
                     "calibration": {"clientWarmupRequests": 0}}
                    """.formatted(bedrock.endpoint(), promptCaching, promptCaching ? "1s" : "1ms");
            RunResult r = new PlanExecutor(Map.of()).execute(new ObjectMapper().readValue(json, RunPlan.class));
            assertThat(r.total().counter(Counter.REQUESTS_FAILED)).isZero();
            assertThat(r.total().counter(Counter.REQUESTS_SUCCEEDED)).isGreaterThan(5);
            // The plan's goodput limit reaches the recorder: every request judged; the double's
            // 5 ms TTFT is within 1 s and never within 1 ms.
            assertThat(r.total().counter(Counter.GOODPUT_JUDGED)).isEqualTo(r.total().counter(Counter.REQUESTS_SENT));
            assertThat(r.total().counter(Counter.GOODPUT_REQUESTS))
                    .isEqualTo(promptCaching ? r.total().counter(Counter.REQUESTS_SUCCEEDED) : 0);
            for (JsonNode request : bedrock.requests) {
                boolean cachePoint = false;
                for (JsonNode block : request.path("system")) cachePoint |= block.has("cachePoint");
                assertThat(cachePoint).as("cachePoint sent").isEqualTo(promptCaching);
            }
            long read = r.total().counter(Counter.CACHE_READ_INPUT_TOKENS);
            long write = r.total().counter(Counter.CACHE_WRITE_INPUT_TOKENS);
            if (promptCaching) {
                // The three prompts were written during warm-up; measured requests read them.
                assertThat(read).isPositive();
                assertThat(read + write).isLessThanOrEqualTo(r.total().counter(Counter.INPUT_TOKENS));
            } else {
                assertThat(read + write).isZero();
            }
        }
    }
}
