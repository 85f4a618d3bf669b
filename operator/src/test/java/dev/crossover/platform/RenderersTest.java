package dev.crossover.platform;

import dev.crossover.operator.Durations;
import dev.crossover.operator.Images;
import static org.assertj.core.api.Assertions.assertThat;

import dev.crossover.platform.karpenter.EC2NodeClass;
import dev.crossover.platform.karpenter.NodePool;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.HTTPRoute;
import java.util.List;
import org.junit.jupiter.api.Test;

class RenderersTest {

  @Test
  void nodePoolPinsInstanceTypeCapacityTaintLimitsAndConsolidation() {
    ResolvedPlatform p = Platforms.resolved(Platforms.LLAMA_8B);
    NodePool pool = NodePoolRenderer.nodePool(p).orElseThrow();
    assertThat(pool.getMetadata().getName()).startsWith("crossover-models-llama8b-").isEqualTo(p.names().clusterScoped());
    assertThat(pool.getMetadata().getNamespace()).as("cluster-scoped").isNull();
    assertThat(pool.getMetadata().getOwnerReferences()).as("a namespaced owner cannot own it").isNullOrEmpty();
    assertThat(pool.getMetadata().getLabels()).containsEntry("crossover.dev/platform", "llama8b")
        .containsEntry("crossover.dev/platform-namespace", "models");
    var spec = pool.getSpec().getTemplate().getSpec();
    assertThat(spec.getRequirements()).anySatisfy(r -> {
      assertThat(r.getKey()).isEqualTo("node.kubernetes.io/instance-type");
      assertThat(r.getOperator()).isEqualTo("In");
      assertThat(r.getValues()).containsExactly("g5.2xlarge");
    });
    assertThat(spec.getRequirements()).anySatisfy(r -> {
      assertThat(r.getKey()).isEqualTo("karpenter.sh/capacity-type");
      assertThat(r.getValues()).containsExactly("on-demand", "spot");
    });
    assertThat(spec.getTaints()).singleElement().satisfies(t -> {
      assertThat(t.getKey()).isEqualTo("nvidia.com/gpu");
      assertThat(t.getEffect()).isEqualTo("NoSchedule");
    });
    assertThat(spec.getNodeClassRef().getKind()).isEqualTo("EC2NodeClass");
    assertThat(spec.getNodeClassRef().getGroup()).isEqualTo("karpenter.k8s.aws");
    assertThat(spec.getExpireAfter()).isEqualTo("720h");
    assertThat(pool.getSpec().getDisruption().getConsolidationPolicy()).isEqualTo("WhenEmpty");
    assertThat(pool.getSpec().getLimits()).containsEntry("nvidia.com/gpu", new Quantity("4"));
  }

  @Test
  void ec2NodeClassSelectsByDiscoveryTagAndGrowsTheDataVolume() {
    ResolvedPlatform p = Platforms.resolved(Platforms.LLAMA_8B);
    EC2NodeClass nodeClass = NodePoolRenderer.ec2NodeClass(p, "my-cluster").orElseThrow();
    assertThat(nodeClass.getSpec().getRole()).isEqualTo("KarpenterNodeRole-my-cluster");
    assertThat(nodeClass.getSpec().getAmiSelectorTerms()).singleElement().extracting("alias").isEqualTo("al2023@latest");
    assertThat(nodeClass.getSpec().getSubnetSelectorTerms()).singleElement()
        .satisfies(t -> assertThat(t.getTags()).containsEntry("karpenter.sh/discovery", "my-cluster"));
    var volume = nodeClass.getSpec().getBlockDeviceMappings().get(0);
    assertThat(volume.getDeviceName()).isEqualTo("/dev/xvda");
    assertThat(volume.getEbs().getVolumeSize()).isEqualTo(new Quantity("300Gi"));
  }

  @Test
  void kwokNodeClassIsReferencedNotCreated() {
    ResolvedPlatform p = Platforms.resolved("""
        apiVersion: crossover.dev/v1alpha1
        kind: InferencePlatform
        metadata: {name: kwok}
        spec:
          model: {name: org/m-8B}
          nodes:
            nodeClass: {kind: KWOKNodeClass, name: default}
        """);
    assertThat(NodePoolRenderer.ec2NodeClass(p, "x")).isEmpty();
    var ref = NodePoolRenderer.nodePool(p).orElseThrow().getSpec().getTemplate().getSpec().getNodeClassRef();
    assertThat(ref.getGroup()).isEqualTo("karpenter.kwok.sh");
    assertThat(ref.getKind()).isEqualTo("KWOKNodeClass");
    assertThat(ref.getName()).isEqualTo("default");
  }

  @Test
  void vllmDeploymentCarriesEveryServingSetting() {
    ResolvedPlatform p = Platforms.resolved(Platforms.LLAMA_8B);
    Deployment d = ModelServerRenderer.deployment(p);
    assertThat(d.getMetadata().getOwnerReferences()).singleElement().satisfies(o -> {
      assertThat(o.getKind()).isEqualTo("InferencePlatform");
      assertThat(o.getController()).isTrue();
    });
    assertThat(d.getSpec().getReplicas()).isEqualTo(4);
    var pod = d.getSpec().getTemplate();
    assertThat(pod.getMetadata().getAnnotations()).containsEntry("karpenter.sh/do-not-disrupt", "true");
    assertThat(pod.getSpec().getNodeSelector()).containsEntry("karpenter.sh/nodepool", new PlatformNames("llama8b", "models").clusterScoped())
        .containsEntry("node.kubernetes.io/instance-type", "g5.2xlarge");
    assertThat(pod.getSpec().getTolerations()).singleElement().satisfies(t -> {
      assertThat(t.getKey()).isEqualTo("nvidia.com/gpu");
      assertThat(t.getOperator()).isEqualTo("Exists");
    });
    Container c = pod.getSpec().getContainers().get(0);
    assertThat(c.getArgs()).containsSequence("--model", "hugging-quants/Meta-Llama-3.1-8B-Instruct-AWQ-INT4")
        .containsSequence("--served-model-name", "llama-3.1-8b")
        .containsSequence("--max-model-len", "8192")
        .containsSequence("--gpu-memory-utilization", "0.85")
        .containsSequence("--max-num-seqs", "128")
        .containsSequence("--tensor-parallel-size", "1")
        .contains("--enable-prefix-caching")
        .as("AWQ left to vLLM so it picks awq_marlin").doesNotContain("--quantization");
    assertThat(c.getResources().getLimits()).containsEntry("nvidia.com/gpu", new Quantity("1"));
    assertThat(c.getEnv()).anySatisfy(e -> {
      assertThat(e.getName()).isEqualTo("HF_TOKEN");
      assertThat(e.getValueFrom().getSecretKeyRef().getName()).isEqualTo("hf-token");
      assertThat(e.getValueFrom().getSecretKeyRef().getKey()).isEqualTo("token");
    });
    assertThat(c.getStartupProbe().getHttpGet().getPath()).isEqualTo("/health");
    assertThat(c.getStartupProbe().getFailureThreshold() * c.getStartupProbe().getPeriodSeconds())
        .as("startup probe waits the 30m default for download and load").isEqualTo(1800);
    assertThat(c.getReadinessProbe().getHttpGet().getPath()).isEqualTo("/health");
    assertThat(c.getLivenessProbe().getHttpGet().getPath()).isEqualTo("/health");
    assertThat(c.getVolumeMounts()).extracting("mountPath").contains("/dev/shm", "/models-cache");
    assertThat(pod.getSpec().getVolumes()).anySatisfy(v -> {
      assertThat(v.getName()).isEqualTo("dshm");
      assertThat(v.getEmptyDir().getMedium()).isEqualTo("Memory");
    });
  }

  @Test
  void tensorParallelTakesThatManyGpusAndDisablingPrefixCachingSaysSo() {
    ResolvedPlatform p = Platforms.resolved("""
        apiVersion: crossover.dev/v1alpha1
        kind: InferencePlatform
        metadata: {name: big}
        spec:
          model: {name: org/Llama-70B-AWQ}
          engine: {tensorParallelSize: 4, enablePrefixCaching: false, extraArgs: ["--enforce-eager"]}
          nodes: {instanceType: g5.12xlarge}
        """);
    Container c = ModelServerRenderer.deployment(p).getSpec().getTemplate().getSpec().getContainers().get(0);
    assertThat(c.getResources().getLimits()).containsEntry("nvidia.com/gpu", new Quantity("4"));
    assertThat(c.getArgs()).containsSequence("--tensor-parallel-size", "4").contains("--no-enable-prefix-caching")
        .endsWith("--enforce-eager");
  }

  @Test
  void simulatorNeedsNoGpuNoTolerationAndNoNodePoolWhenNotProvisioning() {
    ResolvedPlatform p = Platforms.resolved("""
        apiVersion: crossover.dev/v1alpha1
        kind: InferencePlatform
        metadata: {name: sim}
        spec:
          model: {name: crossover/sim, servedName: sim-model}
          engine:
            type: Simulator
            replicas: 2
            simulator: {timeToFirstToken: 150ms, interTokenLatency: 20ms}
          nodes: {provision: false}
        """);
    assertThat(NodePoolRenderer.nodePool(p)).isEmpty();
    Deployment d = ModelServerRenderer.deployment(p);
    var pod = d.getSpec().getTemplate().getSpec();
    assertThat(pod.getTolerations()).isEmpty();
    assertThat(pod.getNodeSelector()).isNull();
    Container c = pod.getContainers().get(0);
    assertThat(c.getImage()).contains("llm-d-inference-sim");
    assertThat(c.getResources().getLimits()).doesNotContainKey("nvidia.com/gpu");
    assertThat(c.getArgs()).containsSequence("--model", "sim-model").containsSequence("--time-to-first-token", "150ms")
        .containsSequence("--inter-token-latency", "20ms").containsSequence("--port", "8000");
    assertThat(ModelServerRenderer.serviceUrl(p)).isEqualTo("http://sim-model.models.svc.cluster.local:8000/v1");
  }

  @Test
  void roundRobinRendersNoRouter() {
    assertThat(EndpointPickerRenderer.all(Platforms.resolved(Platforms.LLAMA_8B))).isEmpty();
  }

  @Test
  void prefixCacheAwareRendersPoolPickerRbacAndRoute() {
    ResolvedPlatform p = Platforms.resolved("""
        apiVersion: crossover.dev/v1alpha1
        kind: InferencePlatform
        metadata: {name: llmd}
        spec:
          model: {name: org/m-8B}
          routing:
            mode: PrefixCacheAware
            gatewayRef: {name: inference-gateway, namespace: gw}
            endpointPicker: {prefixCacheWeight: 5, queueWeight: 1, kvCacheUtilizationWeight: 4, failureMode: FailClose}
        """);
    List<HasMetadata> objects = EndpointPickerRenderer.all(p);
    assertThat(objects).extracting(HasMetadata::getKind)
        .containsExactly("ServiceAccount", "Role", "RoleBinding", "ConfigMap", "Deployment", "Service", "InferencePool", "HTTPRoute");
    var pool = EndpointPickerRenderer.inferencePool(p);
    assertThat(pool.getSpec().getSelector().getMatchLabels())
        .containsEntry("crossover.dev/platform", "llmd").containsEntry("app.kubernetes.io/component", "model-server");
    assertThat(pool.getSpec().getTargetPorts()).singleElement().extracting("number").isEqualTo(8000);
    assertThat(pool.getSpec().getEndpointPickerRef().getName()).isEqualTo("llmd-epp");
    assertThat(pool.getSpec().getEndpointPickerRef().getPort().getNumber()).isEqualTo(9002);
    assertThat(pool.getSpec().getEndpointPickerRef().getFailureMode()).isEqualTo("FailClose");

    String config = EndpointPickerRenderer.endpointPickerConfig(p);
    assertThat(config).contains("kind: EndpointPickerConfig").contains("apiVersion: llm-d.ai/v1alpha1")
        .containsPattern("pluginRef: prefix-cache-scorer\\s+weight: 5")
        .containsPattern("pluginRef: queue-scorer\\s+weight: 1")
        .containsPattern("pluginRef: kv-cache-utilization-scorer\\s+weight: 4");

    // The Inference Extension's reference picker (the local cluster's) reads its own apiVersion.
    Images d = Images.defaults();
    ResolvedPlatform gie = ResolvedPlatform.of(p.source(), new Images(d.vllm(), d.simulator(), "local/epp:1",
        d.loadgen(), d.litellm(), d.bifrost(), Images.INFERENCE_EXTENSION_EPP_CONFIG));
    assertThat(EndpointPickerRenderer.endpointPickerConfig(gie)).contains("apiVersion: inference.networking.x-k8s.io/v1alpha1")
        .containsPattern("pluginRef: prefix-cache-scorer\\s+weight: 5");
    assertThat(EndpointPickerRenderer.deployment(gie).getSpec().getTemplate().getSpec().getContainers().get(0).getImage())
        .isEqualTo("local/epp:1");

    var epp = EndpointPickerRenderer.deployment(p).getSpec().getTemplate().getSpec();
    assertThat(epp.getServiceAccountName()).isEqualTo("llmd-epp");
    assertThat(epp.getContainers().get(0).getArgs()).containsSequence("--pool-name", "llmd")
        .containsSequence("--pool-namespace", "models").containsSequence("--pool-group", "inference.networking.k8s.io");
    assertThat(EndpointPickerRenderer.role(p).getRules()).allSatisfy(r -> assertThat(r.getVerbs())
        .as("read-only").containsExactlyInAnyOrder("get", "list", "watch"));

    HTTPRoute route = EndpointPickerRenderer.httpRoute(p);
    assertThat(route.getSpec().getParentRefs()).singleElement().satisfies(ref -> {
      assertThat(ref.getName()).isEqualTo("inference-gateway");
      assertThat(ref.getNamespace()).isEqualTo("gw");
    });
    assertThat(route.getSpec().getRules().get(0).getBackendRefs()).singleElement().satisfies(b -> {
      assertThat(b.getKind()).isEqualTo("InferencePool");
      assertThat(b.getGroup()).isEqualTo("inference.networking.k8s.io");
      assertThat(b.getName()).isEqualTo("llmd");
    });
  }

  @Test
  void endpointPickerConfigIsByteStable() {
    ResolvedPlatform p = Platforms.resolved(InferencePlatformOnRealApiServerTest.PREFIX_AWARE);
    String first = EndpointPickerRenderer.endpointPickerConfig(p);
    for (int i = 0; i < 20; i++) {
      assertThat(EndpointPickerRenderer.endpointPickerConfig(Platforms.resolved(InferencePlatformOnRealApiServerTest.PREFIX_AWARE)))
          .isEqualTo(first);
    }
    assertThat(first).contains("- name: default\n  plugins:\n  - pluginRef: prefix-cache-scorer\n    weight: 3\n");
  }

  @Test
  void clusterScopedNamesOfDifferentPlatformsNeverCollide() {
    // Joined with dashes alone, both would be crossover-team-a-llm.
    String a = new PlatformNames("llm", "team-a").clusterScoped();
    String b = new PlatformNames("a-llm", "team").clusterScoped();
    assertThat(a).isNotEqualTo(b).startsWith("crossover-team-a-llm-");
    assertThat(b).startsWith("crossover-team-a-llm-");
    assertThat(a).matches("[a-z0-9]([-a-z0-9]*[a-z0-9])?").hasSizeLessThanOrEqualTo(63);
    // Names too long to show whole still differ by their hash.
    String longNs = "n".repeat(63);
    assertThat(new PlatformNames("x".repeat(40) + "1", longNs).clusterScoped())
        .isNotEqualTo(new PlatformNames("x".repeat(40) + "2", longNs).clusterScoped())
        .hasSize(63);
  }

  @Test
  void longNamesAreShortenedStablyForClusterScopedObjects() {
    PlatformNames names = new PlatformNames("a-very-long-platform-name-for-a-big-model", "a-rather-long-namespace-name");
    assertThat(names.clusterScoped()).hasSizeLessThanOrEqualTo(63).startsWith("crossover-a-rather-long")
        .isEqualTo(new PlatformNames("a-very-long-platform-name-for-a-big-model", "a-rather-long-namespace-name").clusterScoped());
    assertThat(names.clusterScoped()).isNotEqualTo(new PlatformNames("a-very-long-platform-name-for-a-big-model2",
        "a-rather-long-namespace-name").clusterScoped());
  }

  @Test
  void durationsParseGoStyle() {
    assertThat(Durations.millis("1h30m")).isEqualTo(5_400_000);
    assertThat(Durations.millis("250ms")).isEqualTo(250);
    assertThat(Durations.seconds("2m")).isEqualTo(120);
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> Durations.millis("5 minutes"))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
