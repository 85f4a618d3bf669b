package dev.crossover.platform;

import dev.crossover.gateway.LocalProcess;
import dev.crossover.gateway.RealParts;
import dev.crossover.operator.Images;
import dev.crossover.platform.inference.InferencePool;
import dev.crossover.platform.inference.InferencePoolSpec;
import dev.crossover.testing.LocalApiServer;
import dev.crossover.testing.UpstreamCrds;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.PodStatusBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The PrefixCacheAware data path on loopback, every part real: Envoy (build-gateways.sh envoy) in
 * front of the Inference Extension's endpoint picker (build-gateways.sh epp), which watches the
 * operator's rendered InferencePool and its pods on a real kube-apiserver, scrapes the simulators'
 * metrics and picks a pod with the EndpointPickerConfig the operator renders. Pods are objects
 * whose status says Running/Ready at 127.0.0.2..5; {@link PodAddress} relays each address to one
 * llm-d-inference-sim. Two Envoys share the picker: one for the FailOpen platform, one for
 * FailClose. {@link #close()} stops every process it started, also after a failed start.
 */
public final class InferenceDataPath implements AutoCloseable {
  public static final int PODS = 4;

  /** As a user writes it; name, namespace and failureMode are filled in. */
  static final String PLATFORM = """
      apiVersion: crossover.dev/v1alpha1
      kind: InferencePlatform
      metadata: {name: %s, namespace: %s}
      spec:
        model: {name: crossover/sim-8B}
        engine: {type: Simulator, replicas: 4}
        nodes:
          nodeClass: {kind: KWOKNodeClass, name: default}
        routing:
          mode: PrefixCacheAware
          gatewayRef: {name: inference-gateway, namespace: gw}
          endpointPicker: {failureMode: %s}
      """;

  private final Deque<AutoCloseable> started = new ArrayDeque<>();
  private final List<LocalProcess> sims = new ArrayList<>();
  final List<PodAddress> pods = new ArrayList<>();
  LocalProcess picker;
  EnvoyDataPlane failOpen;
  EnvoyDataPlane failClose;
  private int pickerGrpcPort;
  private int pickerHealthPort;

  private InferenceDataPath() {}

  /** Brings the whole path up in namespace ns; on any failure stops what it started and rethrows. */
  public static InferenceDataPath start(LocalApiServer.Handle api, String ns) throws Exception {
    InferenceDataPath path = new InferenceDataPath();
    try {
      path.bringUp(api, ns);
      return path;
    } catch (Exception | Error e) {
      path.close();
      throw e;
    }
  }

  private void bringUp(LocalApiServer.Handle api, String ns) throws Exception {
    KubernetesClient client = api.client();
    UpstreamCrds.install(client);
    client.namespaces().resource(new NamespaceBuilder().withNewMetadata().withName(ns).endMetadata().build())
        .serverSideApply();

    // What the operator renders, with the Inference Extension's config dialect (the picker run here).
    Images d = Images.defaults();
    Images local = new Images(d.vllm(), d.simulator(), "crossover.local/epp:test", d.loadgen(), d.litellm(),
        d.bifrost(), Images.INFERENCE_EXTENSION_EPP_CONFIG);
    ResolvedPlatform open = ResolvedPlatform.of(Platforms.fromYaml(PLATFORM.formatted("llmd", ns, "FailOpen")), local);
    ResolvedPlatform close = ResolvedPlatform.of(Platforms.fromYaml(PLATFORM.formatted("llmd", ns, "FailClose")), local);

    for (int i = 0; i < PODS; i++) {
      // A context long enough for shared-prefix prompts (the simulator's default is 1024 tokens).
      sims.add(keep(RealParts.simulator(ns + "-pod" + i, "--max-model-len", "8192")));
    }
    // One target port for every pod address, as a pool has (8000 in a cluster; here a port free on
    // all four loopback addresses, so nothing else on the machine is in the way).
    int port = podPort();
    for (int i = 0; i < PODS; i++) {
      pods.add(keep(PodAddress.relay("127.0.0." + (i + 2), port, sims.get(i).port)));
    }

    InferencePool pool = EndpointPickerRenderer.inferencePool(open);
    pool.getSpec().setTargetPorts(List.of(new InferencePoolSpec.Port(port)));
    client.resources(InferencePool.class).inNamespace(ns).resource(pool).serverSideApply();
    Map<String, String> labels = pool.getSpec().getSelector().getMatchLabels();
    for (int i = 0; i < PODS; i++) {
      readyPod(client, ns, "llmd-model-" + i, labels, pods.get(i).ip);
    }

    picker = keep(startPicker(api, open));
    awaitReadyPods(PODS);

    List<String> endpoints = pods.stream().map(PodAddress::endpoint).toList();
    failOpen = keep(EnvoyDataPlane.start(ns + "-failopen", pickerGrpcPort, pickerHealthPort, endpoints,
        EndpointPickerRenderer.inferencePool(open).getSpec().getEndpointPickerRef().getFailureMode()));
    failClose = keep(EnvoyDataPlane.start(ns + "-failclose", pickerGrpcPort, pickerHealthPort, endpoints,
        EndpointPickerRenderer.inferencePool(close).getSpec().getEndpointPickerRef().getFailureMode()));
    failOpen.awaitPickerHealthy(true, Duration.ofSeconds(30));
    failClose.awaitPickerHealthy(true, Duration.ofSeconds(30));
  }

  /** The FailOpen Envoy's OpenAI base URL, for a gateway in front of it. */
  public String failOpenV1() {
    return "http://127.0.0.1:" + failOpen.listenerPort + "/v1";
  }

  /** How many scheduling runs the picker has counted (its own Prometheus counter). */
  public double pickerScheduled() throws Exception {
    return picker.metric("inference_extension_scheduler_e2e_duration_seconds_count");
  }

  /** How many requests Envoy (FailOpen) sent to the pod the picker named. */
  public long routedToPickedPod() throws Exception {
    return failOpen.stat("cluster.original_destination_cluster.upstream_rq_total");
  }

  /** Each simulator's own count of requests it completed. */
  public double[] served() throws Exception {
    double[] counts = new double[PODS];
    for (int i = 0; i < PODS; i++) {
      counts[i] = sims.get(i).metric("vllm:request_success_total");
    }
    return counts;
  }

  public static double sum(double[] values) {
    double s = 0;
    for (double v : values) {
      s += v;
    }
    return s;
  }

  /** The pod that served the most between two {@link #served()} readings. */
  public static int busiest(double[] after, double[] before) {
    int best = 0;
    for (int i = 1; i < after.length; i++) {
      if (after[i] - before[i] > after[best] - before[best]) {
        best = i;
      }
    }
    return best;
  }

  public static Map<String, Double> deltas(double[] after, double[] before) {
    Map<String, Double> m = new LinkedHashMap<>();
    for (int i = 0; i < after.length; i++) {
      m.put("pod" + i, after[i] - before[i]);
    }
    return m;
  }

  private LocalProcess startPicker(LocalApiServer.Handle api, ResolvedPlatform p) throws Exception {
    Path dir = Files.createTempDirectory("epp-");
    Path kubeconfig = dir.resolve("kubeconfig");
    Files.writeString(kubeconfig, api.kubeConfigYaml());
    Path config = dir.resolve(EndpointPickerRenderer.CONFIG_FILE);
    Files.writeString(config, EndpointPickerRenderer.endpointPickerConfig(p));
    pickerGrpcPort = LocalProcess.freeLoopbackPort();
    pickerHealthPort = LocalProcess.freeLoopbackPort();
    int metrics = LocalProcess.freeLoopbackPort();
    // The arguments the operator renders for the picker's container, the config file at its path here...
    List<String> args = new ArrayList<>(EndpointPickerRenderer.deployment(p).getSpec().getTemplate().getSpec()
        .getContainers().get(0).getArgs());
    args.set(args.indexOf("--config-file") + 1, config.toString());
    List<String> cmd = new ArrayList<>(List.of(RealParts.endpointPickerBinary().toString()));
    cmd.addAll(args);
    // ...plus loopback ports, an unauthenticated metrics endpoint (in a cluster it checks the
    // scraper's token with the API server) and no trace export (no collector here).
    cmd.addAll(List.of("--grpc-port", String.valueOf(pickerGrpcPort),
        "--grpc-health-port", String.valueOf(pickerHealthPort),
        "--metrics-port", String.valueOf(metrics), "--metrics-endpoint-auth=false", "--tracing=false",
        "--kubeconfig", kubeconfig.toString()));
    return LocalProcess.start("epp", cmd, Map.of("KUBECONFIG", kubeconfig.toString()), dir, metrics, "/metrics",
        Duration.ofSeconds(60));
  }

  /** Waits until the picker reports the pool's pods ready (it has read them and their metrics). */
  private void awaitReadyPods(int n) throws Exception {
    long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
    double ready = 0;
    while (System.nanoTime() < deadline) {
      ready = picker.metric("inference_pool_ready_pods");
      if (ready == n) {
        return;
      }
      Thread.sleep(250);
    }
    throw new IllegalStateException("the picker reports " + ready + " ready pods, not " + n + ":\n" + picker.tail(60));
  }

  private static void readyPod(KubernetesClient client, String ns, String name, Map<String, String> labels, String ip) {
    Pod pod = client.pods().inNamespace(ns).resource(new PodBuilder()
        .withNewMetadata().withName(name).withLabels(labels).endMetadata()
        .withNewSpec().addNewContainer().withName("vllm").withImage("crossover.local/llm-d-inference-sim:test")
          .endContainer().endSpec()
        .build()).serverSideApply();
    // What a kubelet would report for a started, ready model server at this address.
    pod.setStatus(new PodStatusBuilder().withPhase("Running").withPodIP(ip).addNewPodIP().withIp(ip).endPodIP()
        .withHostIP("127.0.0.1")
        .addNewCondition().withType("Ready").withStatus("True").endCondition()
        .addNewCondition().withType("ContainersReady").withStatus("True").endCondition()
        .build());
    client.pods().inNamespace(ns).resource(pod).updateStatus();
  }

  private static int podPort() throws IOException {
    for (int attempt = 0; attempt < 50; attempt++) {
      int port = LocalProcess.freeLoopbackPort();
      boolean free = true;
      for (int i = 0; i < PODS; i++) {
        free &= PodAddress.free("127.0.0." + (i + 2), port);
      }
      if (free) {
        return port;
      }
    }
    throw new IllegalStateException("no port free on 127.0.0.2-" + (PODS + 1));
  }

  private <T extends AutoCloseable> T keep(T closeable) {
    started.push(closeable);
    return closeable;
  }

  @Override
  public void close() {
    while (!started.isEmpty()) {
      try {
        started.pop().close();
      } catch (Exception e) {
        // keep stopping the rest
      }
    }
  }
}
