package dev.crossover.e2e;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Every command README.md shows a user, and how the e2e suite exercises it, so the README cannot
 * drift from the product: {@link #commands} reads them from the README (its {@code sh} blocks and
 * the inline {@code kubectl}/{@code helm}/{@code make} spans), {@link #CHECKS} says for each one
 * what DemoTest runs on the demo's cluster after the demo, and a README command missing from it
 * fails {@code ReadmeCommandsTest}.
 *
 * <p>Placeholders in the shell the checks run: {@code $NS} the demo's namespace, {@code $RUN} its
 * finished BenchmarkRun, {@code $REPO} the repository. Commands that would create what the demo
 * already has, or what needs AWS, run as a server-side dry run: the API server still admits (or
 * refuses) exactly what the user would send.
 */
final class ReadmeCommands {

    /** What to run for one README command, and a text its output must contain ("" for any). */
    record Check(String shell, String expect) {
    }

    /** README commands that are prose mentions of a verb, not commands to run. */
    static final Set<String> PROSE = Set.of("kubectl apply -f", "kubectl apply", "kubectl wait");

    /** Make targets the README names; the check is that the Makefile has them (and what runs them). */
    static final Map<String, String> MAKE_TARGETS = Map.ofEntries(
            Map.entry("make demo", "DemoTest runs e2e/scripts/demo.sh"),
            Map.entry("make test", ".ci/run"),
            Map.entry("make unit", "make test"),
            Map.entry("make e2e", "make test"),
            Map.entry("make tools", "make unit"),
            Map.entry("make cluster-up", "run-e2e.sh (cluster-up.sh)"),
            Map.entry("make cluster-down", "run-e2e.sh (cluster-down.sh)"),
            Map.entry("make crds", "CrdsAreCurrentTest fails when its output is stale"),
            Map.entry("make config", "KustomizeInstallTest fails when its output is stale"),
            Map.entry("make helm-lint", "HelmChartTest, ChartOnRealApiServerTest (make unit)"),
            Map.entry("make run", "OperatorProcessIT runs the packaged operator the same way"),
            Map.entry("make bench", "benchmarks print figures; not part of make test"));

    static final Map<String, Check> CHECKS = new LinkedHashMap<>();

    static {
        String helmEks = "helm template crossover $REPO/helm/crossover -n crossover-system "
                + "--set aws.enabled=true --set aws.clusterName=my-cluster "
                + "--set serviceAccount.irsa.roleArn=arn:aws:iam::123456789012:role/crossover "
                + "| kubectl apply --dry-run=server -f -";
        check("helm install crossover helm/crossover -n crossover-system --create-namespace "
                + "--set aws.enabled=true --set aws.clusterName=my-cluster "
                + "--set serviceAccount.irsa.roleArn=arn:aws:iam::123456789012:role/crossover", helmEks, "deployment.apps/crossover");
        check("kubectl create namespace bench", "kubectl create namespace bench --dry-run=server", "namespace/bench created");
        check("kubectl create serviceaccount crossover-bedrock -n bench",
                "kubectl create serviceaccount crossover-bedrock -n $NS --dry-run=server", "serviceaccount/crossover-bedrock");
        check("kubectl apply -n bench -f samples/configurations/a1-litellm-roundrobin.yaml",
                "kubectl apply -n $NS --dry-run=server -f $REPO/samples/configurations/a1-litellm-roundrobin.yaml", "gatewayprofile");
        check("kubectl apply -n bench -f samples/configurations/b2-bifrost-llmd.yaml",
                "kubectl apply -n $NS --dry-run=server -f $REPO/samples/configurations/b2-bifrost-llmd.yaml",
                "gatewayprofile.crossover.dev/b2-bifrost");
        check("kubectl wait -n bench --for=condition=Ready --timeout=30m infp --all",
                "kubectl wait -n $NS --for=condition=Ready --timeout=30m infp --all", "condition met");
        check("kubectl apply -n bench -f samples/scenarios/07-break-even-sweep.yaml",
                "kubectl apply -n $NS --dry-run=server -f $REPO/samples/scenarios/07-break-even-sweep.yaml", "benchmarkrun");
        check("kubectl wait -n bench --for=condition=Complete --timeout=2h br --all",
                "kubectl wait -n $NS --for=condition=Complete --timeout=2h br --all", "condition met");
        check("kubectl get br -n bench", "kubectl get br -n $NS", "$RUN");
        check("kubectl get br -n bench -o custom-columns=RUN:.metadata.name,REPORT:.status.reportConfigMap",
                "kubectl get br -n $NS -o custom-columns=RUN:.metadata.name,REPORT:.status.reportConfigMap", "$RUN-report");
        check("helm install crossover helm/crossover -n crossover-system --create-namespace",
                "helm template crossover $REPO/helm/crossover -n crossover-system | kubectl apply --dry-run=server -f -",
                "deployment.apps/crossover");
        check("kubectl -n crossover-system rollout status deployment/crossover",
                "kubectl -n crossover-system rollout status deployment/crossover --timeout=60s", "successfully rolled out");
        check("kubectl apply -n my-bench -f samples/local/", "kubectl apply -n $NS --dry-run=server -f $REPO/samples/local/",
                "benchmarkrun.crossover.dev/sim-direct");
        check("kubectl get configmap \"$(kubectl get br my-run -o jsonpath='{.status.reportConfigMap}')\" -o jsonpath='{.data.report\\.md}'",
                "kubectl -n $NS get configmap \"$(kubectl -n $NS get br $RUN -o jsonpath='{.status.reportConfigMap}')\" "
                        + "-o jsonpath='{.data.report\\.md}'", "# ");
        check("kubectl get crossover", "kubectl get crossover -n $NS", "inferenceplatform.crossover.dev/sim");
        check("kubectl get br", "kubectl get br -n $NS", "$RUN");
        check("kubectl apply -k config/default", "kubectl apply --dry-run=server -k $REPO/config/default", "deployment.apps/crossover");
        check("kubectl events --for benchmarkrun/<run>", "kubectl events -n $NS --for benchmarkrun/$RUN", "RunSucceeded");
        check("kubectl explain <kind>.spec --recursive",
                "for k in inferenceplatform gatewayprofile benchmarkrun; do kubectl explain $k.spec --recursive || exit 1; done",
                "targets");
        check("kubectl wait --for=condition=Complete br/NAME", "kubectl wait -n $NS --for=condition=Complete br/$RUN", "condition met");
        check("kubectl describe nodepool", "kubectl describe nodepool", "");
        check("kubectl get nodeclaims", "kubectl get nodeclaims", "");
        check("kubectl describe gateway", "kubectl describe gateway -A", "");
        check("kubectl logs job/<run>-t<i>-l<j>", "kubectl logs -n $NS job/$RUN-t0-l0", "");
        check("kubectl rollout status deploy/<platform>-model", "kubectl rollout status -n $NS deploy/sim-model --timeout=60s",
                "successfully rolled out");
        check("kubectl -n crossover-system logs deploy/crossover", "kubectl -n crossover-system logs deploy/crossover", "");
    }

    private ReadmeCommands() {
    }

    private static void check(String readme, String shell, String expect) {
        CHECKS.put(readme, new Check(shell, expect));
    }

    private static final Pattern SH_BLOCK = Pattern.compile("```sh\\n(.*?)```", Pattern.DOTALL);
    private static final Pattern INLINE = Pattern.compile("`((?:kubectl|helm|make) [^`]*)`");

    /** The commands README.md shows, each once, continuation lines joined and comments dropped. */
    static List<String> commands(String readme) {
        Set<String> found = new LinkedHashSet<>();
        Matcher block = SH_BLOCK.matcher(readme);
        while (block.find()) {
            String joined = block.group(1).replaceAll("\\\\\\n\\s*", " ");
            for (String line : joined.split("\\n")) {
                String command = stripComment(line).strip().replaceAll("\\s+", " ");
                if (!command.isEmpty()) {
                    found.add(command);
                }
            }
        }
        Matcher inline = INLINE.matcher(readme);
        while (inline.find()) {
            found.add(inline.group(1).strip().replaceAll("\\s+", " "));
        }
        return new ArrayList<>(found);
    }

    /** The line up to a {@code #} that starts a shell comment (outside quotes). */
    static String stripComment(String line) {
        boolean single = false;
        boolean dbl = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c == '\'' && !dbl) {
                single = !single;
            } else if (c == '"' && !single) {
                dbl = !dbl;
            } else if (c == '#' && !single && !dbl && (i == 0 || Character.isWhitespace(line.charAt(i - 1)))) {
                return line.substring(0, i);
            }
        }
        return line;
    }
}
