package dev.crossover.loadgen.client.agentcore;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.crossover.loadgen.plan.PlanExecutor;
import dev.crossover.loadgen.plan.RunPlan;
import dev.crossover.loadgen.result.Counter;
import dev.crossover.loadgen.result.RunResult;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A run plan with an AgentCore target, as the operator's load Job would get it, executed against
 * the local InvokeAgentRuntime TEST DOUBLE with credentials from the SDK's default chain (here its
 * system-property source). The region comes from the runtime ARN: the double refuses a signature
 * scoped to another region.
 */
class AgentCorePlanAgainstLocalRuntimeDoubleTest {

    @Test
    void aPlanWithAnAgentCoreTargetRunsThroughTheDefaultCredentialChain() throws Exception {
        String arn = "arn:aws:bedrock-agentcore:eu-west-1:123456789012:runtime/planner-Zz9";
        try (var runtime = new AgentCoreRuntimeLocalDouble("AKIDPLANTEST0000", "plan-secret", "eu-west-1",
                Duration.ofMillis(20), Duration.ofMillis(2), 3)) {
            System.setProperty("aws.accessKeyId", "AKIDPLANTEST0000");
            System.setProperty("aws.secretAccessKey", "plan-secret");
            try {
                String json = """
                        {"label": "agentcore-c2",
                         "target": {"kind": "agentcore", "model": "%s", "qualifier": "DEFAULT",
                                    "endpointOverride": "%s", "timeout": "10s",
                                    "payloadTemplate": "{\\"prompt\\": \\"${prompt}\\", \\"stream\\": true}"},
                         "load": {"model": "closed", "stages": [{"duration": "2s", "concurrency": 2}], "warmup": "4s", "seed": 4},
                         "workload": {"inputTokens": "20", "outputTokens": "3"},
                         "calibration": {"clientWarmupRequests": 0}}
                        """.formatted(arn, runtime.endpoint());
                RunPlan plan = new ObjectMapper().readValue(json, RunPlan.class);
                assertThat(plan.target().payloadTemplate()).contains("${prompt}");
                RunResult r = new PlanExecutor(Map.of()).execute(plan);
                assertThat(runtime.rejections).isEmpty();
                assertThat(r.total().counter(Counter.REQUESTS_FAILED)).isZero();
                assertThat(r.total().counter(Counter.REQUESTS_SUCCEEDED)).isGreaterThan(5);
                var call = runtime.invocations.get(0);
                assertThat(call.qualifier()).isEqualTo("DEFAULT");
                assertThat(new ObjectMapper().readTree(call.body()).path("stream").asBoolean()).isTrue();
            } finally {
                System.clearProperty("aws.accessKeyId");
                System.clearProperty("aws.secretAccessKey");
            }
        }
    }

    @Test
    void oldNineFieldTargetsStillBuildAndWriteNoAgentCoreFields() throws Exception {
        var t = new RunPlan.Target("bedrock", null, null, "m", null, null, null, "us-east-1", null);
        assertThat(t.qualifier()).isNull();
        assertThat(new ObjectMapper().writeValueAsString(t)).doesNotContain("qualifier").doesNotContain("payloadTemplate");
    }
}
