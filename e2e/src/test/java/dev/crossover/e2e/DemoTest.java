package dev.crossover.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.assertj.core.api.SoftAssertions;
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
            runTheReadmeCommandsOnTheDemosCluster(root);
        } finally {
            demo.descendants().forEach(ProcessHandle::destroyForcibly);
            demo.destroyForcibly();
        }
    }

    /**
     * Every command README.md shows (ReadmeCommands), run against what the demo left: its
     * namespace, its finished BenchmarkRun and the operator it installed with the chart.
     */
    private static void runTheReadmeCommandsOnTheDemosCluster(Path root) throws IOException, InterruptedException {
        String prelude = String.join("\n",
                "set -o pipefail",
                "REPO='" + root + "' NS=e2e-demo RUN=sim-gateway-overhead",
                ". \"$REPO/e2e/scripts/versions.sh\"",
                "export KUBECONFIG=\"${CROSSOVER_CLUSTER_DIR:-/var/lib/crossover-cluster}/admin.kubeconfig\"",
                "export PATH=\"$KUBE_BIN_DIR:$(dirname \"$(bash \"$REPO/e2e/scripts/build-tools.sh\" helm)\"):$PATH\"",
                "");
        // `kubectl describe gateway` needs the Gateway API CRDs, which the demo does not install.
        Process crds = new ProcessBuilder("bash", "-c", prelude + "crds=\"$(bash \"$REPO/e2e/scripts/fetch-crds.sh\")\" "
                + "&& for f in \"$crds\"/gateway.*.yaml; do kubectl apply --server-side -f \"$f\" || exit 1; done")
                .redirectErrorStream(true).start();
        String crdsOut = new String(crds.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(crds.waitFor()).as("Gateway API CRDs installed: %s", crdsOut).isZero();
        // Every command is tried and every failure reported together, not only the first.
        SoftAssertions softly = new SoftAssertions();
        for (Map.Entry<String, ReadmeCommands.Check> check : ReadmeCommands.CHECKS.entrySet()) {
            String shell = check.getValue().shell();
            Process p = new ProcessBuilder("bash", "-c", prelude + shell).redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!p.waitFor(3, TimeUnit.MINUTES)) {
                p.destroyForcibly();
                softly.fail("README `%s` did not finish within 3 minutes", check.getKey());
                continue;
            }
            softly.assertThat(p.exitValue()).as("README `%s` as `%s` exit code; output:%n%s", check.getKey(), shell, out).isZero();
            String expect = check.getValue().expect().replace("$RUN", "sim-gateway-overhead");
            softly.assertThat(out).as("README `%s` output", check.getKey()).contains(expect);
        }
        softly.assertAll();
    }
}
