package dev.crossover.benchmark;

import dev.crossover.api.v1alpha1.BenchmarkRun;
import dev.crossover.api.v1alpha1.BenchmarkTarget;
import dev.crossover.api.v1alpha1.GatewayProfile;
import dev.crossover.api.v1alpha1.ObjectRef;
import dev.crossover.platform.PlatformNames;
import dev.crossover.platform.ResolvedPlatform;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.util.List;
import java.util.Optional;

/**
 * The /metrics URLs of the model-server pods behind a target — its platform, or the first
 * platform a gateway target routes to — for the load Job to read the servers' prefix-cache
 * counters around a level. Pod addresses, not the Service: a Service would answer from one pod.
 * Pods are taken when the level's Job is created; one replaced during the level is left out of
 * the figure (loadgen flags the result).
 */
final class ModelServerMetrics {

  private ModelServerMetrics() {}

  static List<String> urls(KubernetesClient client, BenchmarkRun run, BenchmarkTarget target) {
    String ns = run.getMetadata().getNamespace();
    Optional<String[]> platform = Optional.empty();
    if (target.getPlatformRef() != null) {
      platform = Optional.of(new String[] {target.getPlatformRef().namespaceOr(ns), target.getPlatformRef().getName()});
    } else if (target.getGatewayRef() != null) {
      String gwNs = target.getGatewayRef().namespaceOr(ns);
      GatewayProfile g = client.resources(GatewayProfile.class).inNamespace(gwNs).withName(target.getGatewayRef().getName()).get();
      platform = g == null || g.getSpec().getBackends() == null ? Optional.empty()
          : g.getSpec().getBackends().stream().map(b -> b.getPlatformRef()).filter(r -> r != null).findFirst()
              .map((ObjectRef r) -> new String[] {r.namespaceOr(gwNs), r.getName()});
    }
    return platform.map(p -> client.pods().inNamespace(p[0])
            .withLabels(new PlatformNames(p[1], p[0]).modelServerSelector()).list().getItems().stream()
            .filter(pod -> pod.getStatus() != null && "Running".equals(pod.getStatus().getPhase())
                && pod.getStatus().getPodIP() != null)
            .map(ModelServerMetrics::url).sorted().toList())
        .orElse(List.of());
  }

  static String url(Pod pod) {
    String ip = pod.getStatus().getPodIP();
    return "http://" + (ip.contains(":") ? "[" + ip + "]" : ip) + ":" + ResolvedPlatform.MODEL_PORT + "/metrics";
  }
}
