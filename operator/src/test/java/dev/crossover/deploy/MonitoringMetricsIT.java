package dev.crossover.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.crossover.crd.RepoPaths;
import dev.crossover.testing.Crds;
import dev.crossover.testing.LocalApiServer;
import dev.crossover.testing.OperatorProcess;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The metrics the dashboard and the rules query are the ones the packaged operator really
 * serves on /q/metrics once it has reconciled the local samples, with the labels they group by.
 */
@ExtendWith(LocalApiServer.class)
class MonitoringMetricsIT {

  @Test
  void dashboardAndRulesQueryWhatTheOperatorServes(LocalApiServer.Handle api) throws Exception {
    KubernetesClient client = api.client();
    Crds.install(client);
    client.namespaces().resource(new NamespaceBuilder().withNewMetadata().withName("metrics-it").endMetadata().build())
        .serverSideApply();
    try (OperatorProcess operator = OperatorProcess.start(api.kubeConfigYaml(),
        Map.of("CROSSOVER_LEADER_ELECTION_NAMESPACE", "metrics-it"))) {
      operator.awaitReady(Duration.ofSeconds(90));
      try (var files = Files.list(RepoPaths.samples().resolve("local"))) {
        for (Path f : files.filter(p -> p.toString().endsWith(".yaml")).sorted().toList()) {
          try (InputStream in = Files.newInputStream(f)) {
            client.load(in).items().forEach(item -> client.resource(item).inNamespace("metrics-it").create());
          }
        }
      }
      String[] scrape = new String[1];
      await("every controller has reconciled").atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
        scrape[0] = operator.get("/q/metrics").body();
        for (String controller : List.of("inferenceplatform", "gatewayprofile", "benchmarkrun")) {
          assertThat(scrape[0]).contains("operator_sdk_controllers_execution_reconcile_seconds_count{controller=\"" + controller + "\"");
        }
        // The success counter appears with the first reconcile that succeeds, which may come after
        // the first (timed) one: wait for it too rather than race it.
        assertThat(scrape[0]).contains("operator_sdk_controllers_execution_reconcile_success_total");
      });
      Set<String> served = new TreeSet<>();
      scrape[0].lines().filter(l -> !l.startsWith("#") && !l.isBlank())
          .forEach(l -> served.add(l.split("[{ ]", 2)[0]));

      List<String> exprs = new ArrayList<>(MonitoringConfig.dashboardExpressions());
      exprs.addAll(MonitoringConfig.ruleExpressions());
      for (String expr : exprs) {
        for (String name : MonitoringConfig.metricNames(expr)) {
          if (name.startsWith("operator_sdk_") || name.startsWith("jvm_")) {
            if (MonitoringConfig.CREATED_ON_FIRST_FAILURE.contains(name)) {
              String sibling = name.replace("failure_total", "success_total").replace("failed_total", "success_total");
              assertThat(served).as("%s's success sibling is served", name).contains(sibling);
            } else {
              assertThat(served).as("%s (in %s) is served by the operator", name, expr).contains(name);
            }
          }
        }
      }
      // The samples hold a BenchmarkRun: its phase gauge is served from its first reconcile. Result
      // gauges need measured levels (no kubelet runs load here; BenchmarkMetricsTest scrapes them),
      // but whatever crossover_* name is served must be one the dashboard and rules know.
      assertThat(served).contains("crossover_benchmark_phase");
      Set<String> known = new TreeSet<>(MonitoringConfig.RESULT_GAUGES);
      known.addAll(Set.of("crossover_benchmark_phase", "crossover_benchmark_e2e_seconds"));
      assertThat(served.stream().filter(n -> n.startsWith("crossover_")).toList()).allSatisfy(n -> assertThat(known).contains(n));
      // The dashboard's heap panel selects area="heap"; the rules group by controller.
      assertThat(scrape[0]).contains("jvm_memory_used_bytes{area=\"heap\"");
      ItCleanup.deleteCrossoverResources(client, "metrics-it");
    }
  }
}
