package dev.crossover.platform;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerBuilder;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.EnvVarBuilder;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.Probe;
import io.fabric8.kubernetes.api.model.ProbeBuilder;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServiceBuilder;
import io.fabric8.kubernetes.api.model.Toleration;
import io.fabric8.kubernetes.api.model.TolerationBuilder;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.VolumeBuilder;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Renders the model server Deployment and Service: vLLM, or llm-d-inference-sim. Pure. */
public final class ModelServerRenderer {

  static final String MODEL_CACHE_PATH = "/models-cache";
  static final String DO_NOT_DISRUPT = "karpenter.sh/do-not-disrupt";

  private ModelServerRenderer() {}

  public static Deployment deployment(ResolvedPlatform p) {
    Map<String, String> podLabels = new LinkedHashMap<>(p.names().ownerLabels());
    podLabels.putAll(p.names().modelServerSelector());
    podLabels.put("app.kubernetes.io/name", p.usesGpus() ? "vllm" : "llm-d-inference-sim");

    Map<String, String> nodeSelector = new LinkedHashMap<>();
    if (p.provision()) {
      nodeSelector.put(NodePoolRenderer.NODEPOOL_LABEL, p.names().clusterScoped());
    }
    if (p.usesGpus()) {
      nodeSelector.put(NodePoolRenderer.INSTANCE_TYPE_LABEL, p.instanceType());
    }
    List<Toleration> tolerations = p.usesGpus()
        ? List.of(new TolerationBuilder().withKey(NodePoolRenderer.GPU_RESOURCE).withOperator("Exists")
            .withEffect("NoSchedule").build())
        : List.of();

    return new DeploymentBuilder()
        .withMetadata(Owners.owned(p, p.names().modelServer(), p.names().modelServerSelector()))
        .withNewSpec()
          .withReplicas(p.replicas())
          .withNewSelector().withMatchLabels(p.names().modelServerSelector()).endSelector()
          .withNewTemplate()
            .withNewMetadata()
              .withLabels(podLabels)
              // A node running a model that took minutes to load is not consolidated away mid-benchmark.
              .withAnnotations(Map.of(DO_NOT_DISRUPT, "true"))
            .endMetadata()
            .withNewSpec()
              .withNodeSelector(nodeSelector.isEmpty() ? null : nodeSelector)
              .withTolerations(tolerations)
              .withContainers(p.usesGpus() ? vllm(p) : simulator(p))
              .withVolumes(p.usesGpus() ? gpuVolumes(p) : List.of())
              // vLLM finishes in-flight requests on SIGTERM; give long completions time to end.
              .withTerminationGracePeriodSeconds(p.usesGpus() ? 120L : 10L)
            .endSpec()
          .endTemplate()
        .endSpec()
        .build();
  }

  public static Service service(ResolvedPlatform p) {
    return new ServiceBuilder()
        .withMetadata(Owners.owned(p, p.names().modelServer(), p.names().modelServerSelector()))
        .withNewSpec()
          .withType("ClusterIP")
          .withSelector(p.names().modelServerSelector())
          .addNewPort().withName("http").withPort(ResolvedPlatform.MODEL_PORT)
            .withTargetPort(new IntOrString("http")).withProtocol("TCP").endPort()
        .endSpec()
        .build();
  }

  /** OpenAI-compatible base URL of the model server Service. */
  public static String serviceUrl(ResolvedPlatform p) {
    return "http://%s.%s.svc.cluster.local:%d/v1".formatted(p.names().modelServer(), p.names().namespace(),
        ResolvedPlatform.MODEL_PORT);
  }

  static List<String> vllmArgs(ResolvedPlatform p) {
    List<String> args = new ArrayList<>(List.of(
        "--model", p.modelName(),
        "--served-model-name", p.servedName(),
        "--port", Integer.toString(ResolvedPlatform.MODEL_PORT),
        "--max-model-len", Integer.toString(p.maxModelLen()),
        "--gpu-memory-utilization", Double.toString(p.gpuMemoryUtilization()),
        "--max-num-seqs", Integer.toString(p.maxNumSeqs()),
        "--tensor-parallel-size", Integer.toString(p.tensorParallelSize())));
    // No --quantization: vLLM reads the method from the checkpoint and picks the Marlin
    // kernels (awq_marlin, gptq_marlin) on GPUs that have them; "--quantization awq" would
    // force the slower plain AWQ kernel.
    args.add(p.prefixCaching() ? "--enable-prefix-caching" : "--no-enable-prefix-caching");
    args.addAll(p.extraArgs());
    return args;
  }

  private static Container vllm(ResolvedPlatform p) {
    List<EnvVar> env = new ArrayList<>(List.of(
        new EnvVar("HF_HOME", MODEL_CACHE_PATH, null),
        new EnvVar("VLLM_NO_USAGE_STATS", "1", null),
        new EnvVar("DO_NOT_TRACK", "1", null)));
    p.hfTokenSecret().ifPresent(secret -> env.add(new EnvVarBuilder().withName("HF_TOKEN")
        .withNewValueFrom().withNewSecretKeyRef().withName(secret).withKey(p.hfTokenKey()).endSecretKeyRef().endValueFrom()
        .build()));
    Quantity gpus = new Quantity(Integer.toString(p.tensorParallelSize()));
    return new ContainerBuilder()
        .withName("vllm")
        .withImage(p.image())
        .withCommand("vllm", "serve")
        .withArgs(vllmArgs(p))
        .withEnv(env)
        .addNewPort().withName("http").withContainerPort(ResolvedPlatform.MODEL_PORT).withProtocol("TCP").endPort()
        .withNewResources()
          .withLimits(Map.of(NodePoolRenderer.GPU_RESOURCE, gpus))
          .withRequests(Map.of(NodePoolRenderer.GPU_RESOURCE, gpus))
        .endResources()
        .withStartupProbe(healthProbe(10, (int) Math.max(1, (p.startupTimeoutSeconds() + 9) / 10)))
        .withReadinessProbe(healthProbe(5, 3))
        .withLivenessProbe(healthProbe(10, 3))
        .addNewVolumeMount().withName("dshm").withMountPath("/dev/shm").endVolumeMount()
        .addNewVolumeMount().withName("model-cache").withMountPath(MODEL_CACHE_PATH).endVolumeMount()
        .build();
  }

  private static List<Volume> gpuVolumes(ResolvedPlatform p) {
    return List.of(
        // NCCL and vLLM's worker processes exchange tensors through /dev/shm; the container
        // default of 64Mi breaks tensor parallelism.
        new VolumeBuilder().withName("dshm").withNewEmptyDir().withMedium("Memory").withSizeLimit(p.shmSize())
            .endEmptyDir().build(),
        new VolumeBuilder().withName("model-cache").withNewEmptyDir().withSizeLimit(p.modelCacheSize())
            .endEmptyDir().build());
  }

  private static Container simulator(ResolvedPlatform p) {
    List<String> args = new ArrayList<>(List.of(
        "--model", p.servedName(),
        "--port", Integer.toString(ResolvedPlatform.MODEL_PORT),
        "--mode", p.simulator().getMode() == null ? "random" : p.simulator().getMode().name(),
        "--max-num-seqs", Integer.toString(p.maxNumSeqs()),
        "--max-model-len", Integer.toString(p.maxModelLen()),
        // No tokenizer download: the simulator counts tokens with a stand-in.
        "--force-dummy-tokenizer"));
    if (p.simulator().getTimeToFirstToken() != null) {
      args.addAll(List.of("--time-to-first-token", p.simulator().getTimeToFirstToken()));
    }
    if (p.simulator().getInterTokenLatency() != null) {
      args.addAll(List.of("--inter-token-latency", p.simulator().getInterTokenLatency()));
    }
    if (p.simulator().getFailureInjectionRate() != null) {
      args.addAll(List.of("--failure-injection-rate",
          Long.toString(Math.round(p.simulator().getFailureInjectionRate() * 100))));
    }
    args.addAll(p.extraArgs());
    return new ContainerBuilder()
        .withName("simulator")
        .withImage(p.image())
        .withArgs(args)
        .addNewPort().withName("http").withContainerPort(ResolvedPlatform.MODEL_PORT).withProtocol("TCP").endPort()
        .withNewResources()
          .withRequests(Map.of("cpu", new Quantity("100m"), "memory", new Quantity("64Mi")))
          .withLimits(Map.of("memory", new Quantity("512Mi")))
        .endResources()
        .withReadinessProbe(healthProbe(2, 3))
        .withLivenessProbe(healthProbe(10, 3))
        .build();
  }

  private static Probe healthProbe(int periodSeconds, int failureThreshold) {
    return new ProbeBuilder()
        .withNewHttpGet().withPath("/health").withPort(new IntOrString("http")).endHttpGet()
        .withPeriodSeconds(periodSeconds)
        .withTimeoutSeconds(5)
        .withFailureThreshold(failureThreshold)
        .build();
  }
}
