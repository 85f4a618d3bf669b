package dev.crossover.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * README's first command, on the suite's cluster: e2e/scripts/demo.sh installs the operator with
 * its Helm chart (in-cluster, as the chart's ServiceAccount with the chart's RBAC), brings up the
 * simulator platform and both gateways from samples/local, runs the gateway-overhead BenchmarkRun
 * and prints the results table. The suite's images are reused (CROSSOVER_DEMO_PREBUILT).
 */
class DemoTest {

    @Test
    void makeDemoEndsWithAResultsTableForTheDirectPathAndBothGateways() throws IOException, InterruptedException {
        Assumptions.assumeTrue("local".equals(System.getenv("CROSSOVER_TEST_CLUSTER")),
                "the demo runs on the local upstream cluster (e2e/scripts/run-e2e.sh)");
        Path root = Path.of("").toAbsolutePath();
        while (!Files.isRegularFile(root.resolve("e2e/scripts/demo.sh"))) {
            root = root.getParent();
        }
        Path log = Files.createTempFile("demo", ".log");
        ProcessBuilder pb = new ProcessBuilder("bash", root.resolve("e2e/scripts/demo.sh").toString())
                .redirectErrorStream(true).redirectOutput(log.toFile());
        pb.environment().put("CROSSOVER_DEMO_PREBUILT", "true");
        pb.environment().put("CROSSOVER_DEMO_NAMESPACE", "e2e-demo");
        Process demo = pb.start();
        try {
            boolean done = demo.waitFor(15, TimeUnit.MINUTES);
            String out = Files.readString(log, StandardCharsets.UTF_8);
            assertThat(done).as("demo within 15 minutes; output:\n%s", out).isTrue();
            assertThat(demo.exitValue()).as("demo exit code; output:\n%s", out).isZero();
            assertThat(out).contains("Succeeded 6/6")
                    .containsPattern("(?m)^direct\\s+concurrency 1\\s+\\d+")
                    .containsPattern("(?m)^litellm\\s+concurrency 8\\s+\\d+")
                    .containsPattern("(?m)^bifrost\\s+concurrency 8\\s+\\d+")
                    .contains("per 1M tokens");
        } finally {
            demo.descendants().forEach(ProcessHandle::destroyForcibly);
            demo.destroyForcibly();
        }
    }
}
