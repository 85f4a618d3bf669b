package dev.crossover.bench;

import dev.crossover.api.v1alpha1.InferencePlatform;
import dev.crossover.platform.karpenter.NodePool;
import dev.crossover.testing.Crds;
import dev.crossover.testing.LocalApiServer;
import dev.crossover.testing.OperatorProcess;
import dev.crossover.testing.UpstreamCrds;
import io.fabric8.kubeapitest.KubeAPIServer;
import io.fabric8.kubeapitest.KubeAPIServerConfigBuilder;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.informers.ResourceEventHandler;
import io.fabric8.kubernetes.client.informers.SharedIndexInformer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * make bench: the packaged operator, as its own process, against a real kube-apiserver with the
 * Karpenter CRDs installed. N InferencePlatforms (default 200) are applied one after another;
 * for each, the time from its create call returning to the last of its children (NodePool,
 * Deployment, Service) being seen by a watch. Prints p50/p95/p99/max and the operator's
 * resident memory (VmRSS now, VmHWM peak).
 */
public final class PlatformScaleBench {

  private static final String NS = "bench";

  public static void main(String[] args) throws Exception {
    int count = args.length > 0 ? Integer.parseInt(args[0]) : 200;
    Path bin = LocalApiServer.binaryDir();
    KubeAPIServer api = new KubeAPIServer(KubeAPIServerConfigBuilder.anAPIServerConfig()
        .withTestDir(bin.getParent().getParent().toString()).withApiServerVersion(LocalApiServer.version())
        .withOfflineMode(true).withUpdateKubeConfig(false).withStartupTimeout(120_000).build());
    OperatorProcess operator = null;
    api.start();
    try (KubernetesClient client = new KubernetesClientBuilder()
        .withConfig(Config.fromKubeconfig(api.getKubeConfigYaml())).build()) {
      Crds.install(client);
      UpstreamCrds.install(client);
      client.namespaces().resource(new NamespaceBuilder().withNewMetadata().withName(NS).endMetadata().build()).create();
      operator = OperatorProcess.start(api.getKubeConfigYaml(), Map.of("QUARKUS_LOG_LEVEL", "WARN"));
      operator.awaitReady(Duration.ofSeconds(120));

      Map<String, Long> created = new ConcurrentHashMap<>();
      Map<String, Map<String, Long>> seen = new ConcurrentHashMap<>();
      String managed = "app.kubernetes.io/managed-by";
      List<SharedIndexInformer<?>> informers = List.of(
          client.apps().deployments().inNamespace(NS).withLabel(managed, "crossover").inform(firstSeen("Deployment", seen)),
          client.services().inNamespace(NS).withLabel(managed, "crossover").inform(firstSeen("Service", seen)),
          client.resources(NodePool.class).withLabel(managed, "crossover").inform(firstSeen("NodePool", seen)));

      long start = System.nanoTime();
      for (int i = 0; i < count; i++) {
        String name = "p" + i;
        client.resource(platform(name)).create();
        created.put(name, System.nanoTime());
      }
      long applyDone = System.nanoTime();
      long deadline = System.nanoTime() + Duration.ofMinutes(10).toNanos();
      while (complete(seen) < count && System.nanoTime() < deadline) {
        Thread.sleep(100);
      }
      long allDone = System.nanoTime();
      informers.forEach(SharedIndexInformer::close);

      List<Double> latenciesMs = new ArrayList<>();
      created.forEach((name, t0) -> {
        Map<String, Long> kinds = seen.get(name);
        if (kinds != null && kinds.size() == 3) {
          latenciesMs.add((kinds.values().stream().mapToLong(Long::longValue).max().orElseThrow() - t0) / 1e6);
        }
      });
      latenciesMs.sort(Double::compare);
      long pid = operator.process().pid();
      System.out.printf(Locale.ROOT, "%nInferencePlatform scale bench (%d platforms, simulator engine, KWOK node class)%n", count);
      System.out.printf(Locale.ROOT, "  platforms with all children: %d/%d%n", latenciesMs.size(), count);
      System.out.printf(Locale.ROOT, "  apply -> all children created: p50 %.0f ms, p95 %.0f ms, p99 %.0f ms, max %.0f ms%n",
          pct(latenciesMs, 50), pct(latenciesMs, 95), pct(latenciesMs, 99), pct(latenciesMs, 100));
      System.out.printf(Locale.ROOT, "  %d creates took %.1f s; all children present %.1f s after the first create%n",
          count, (applyDone - start) / 1e9, (allDone - start) / 1e9);
      System.out.printf(Locale.ROOT, "  operator resident memory: %s now, %s peak (pid %d)%n",
          procStatus(pid, "VmRSS"), procStatus(pid, "VmHWM"), pid);
      if (latenciesMs.size() < count) {
        System.out.println("  INCOMPLETE: see operator log " + operator.log());
        System.exit(1);
      }
    } finally {
      if (operator != null) {
        operator.close();
      }
      api.stop();
    }
  }

  private static InferencePlatform platform(String name) {
    InferencePlatform p = new io.fabric8.kubernetes.client.utils.KubernetesSerialization().unmarshal("""
        apiVersion: crossover.dev/v1alpha1
        kind: InferencePlatform
        metadata: {name: %s, namespace: %s}
        spec:
          model: {name: crossover/sim-8B}
          engine: {type: Simulator}
          nodes:
            nodeClass: {kind: KWOKNodeClass, name: default}
        """.formatted(name, NS), InferencePlatform.class);
    return p;
  }

  /** Records when a child of each platform is first seen, by kind. */
  private static <T extends HasMetadata> ResourceEventHandler<T> firstSeen(String kind, Map<String, Map<String, Long>> seen) {
    return new ResourceEventHandler<T>() {
      @Override
      public void onAdd(T obj) {
        long now = System.nanoTime();
        String platform = obj.getMetadata().getLabels().get("crossover.dev/platform");
        seen.computeIfAbsent(platform, k -> new ConcurrentHashMap<>()).putIfAbsent(kind, now);
      }

      @Override
      public void onUpdate(T oldObj, T newObj) {}

      @Override
      public void onDelete(T obj, boolean deletedFinalStateUnknown) {}
    };
  }

  private static long complete(Map<String, Map<String, Long>> seen) {
    return seen.values().stream().filter(m -> m.size() == 3).count();
  }

  private static double pct(List<Double> sorted, double p) {
    if (sorted.isEmpty()) {
      return Double.NaN;
    }
    int index = (int) Math.ceil(p / 100.0 * sorted.size()) - 1;
    return sorted.get(Math.max(0, Math.min(sorted.size() - 1, index)));
  }

  private static String procStatus(long pid, String field) throws IOException {
    return Files.readAllLines(Path.of("/proc", Long.toString(pid), "status")).stream()
        .filter(l -> l.startsWith(field + ":")).map(l -> l.substring(field.length() + 1).trim())
        .findFirst().orElse("n/a");
  }
}
