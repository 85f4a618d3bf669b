package dev.crossover.platform;

import dev.crossover.operator.ConfigFiles;
import dev.crossover.platform.inference.InferencePool;
import dev.crossover.platform.inference.InferencePoolSpec;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServiceAccount;
import io.fabric8.kubernetes.api.model.ServiceAccountBuilder;
import io.fabric8.kubernetes.api.model.ServiceBuilder;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.HTTPRoute;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.HTTPRouteBuilder;
import io.fabric8.kubernetes.api.model.rbac.Role;
import io.fabric8.kubernetes.api.model.rbac.RoleBinding;
import io.fabric8.kubernetes.api.model.rbac.RoleBindingBuilder;
import io.fabric8.kubernetes.api.model.rbac.RoleBuilder;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Renders prefix-cache-aware routing: the InferencePool, llm-d's endpoint picker (Deployment,
 * Service, its EndpointPickerConfig, ServiceAccount and Role) and the HTTPRoute that sends the
 * Gateway's traffic to the pool. Pure.
 */
public final class EndpointPickerRenderer {

  static final int GRPC_PORT = 9002;
  static final int HEALTH_PORT = 9003;
  static final int METRICS_PORT = 9090;
  static final String CONFIG_FILE = "epp-config.yaml";

  private EndpointPickerRenderer() {}

  /** Everything for PrefixCacheAware routing, in apply order; empty for RoundRobin. */
  public static List<HasMetadata> all(ResolvedPlatform p) {
    if (!p.prefixCacheAware()) {
      return List.of();
    }
    return List.of(serviceAccount(p), role(p), roleBinding(p), config(p), deployment(p), service(p),
        inferencePool(p), httpRoute(p));
  }

  /** A child's type and name: what {@link #all} creates, for removing it once routing no longer needs it. */
  public record Child(Class<? extends HasMetadata> type, String name) {}

  /** Every object {@link #all} renders for PrefixCacheAware routing, whatever the current mode. */
  public static List<Child> children(PlatformNames names) {
    String epp = names.endpointPicker();
    return List.of(new Child(HTTPRoute.class, names.httpRoute()), new Child(InferencePool.class, names.inferencePool()),
        new Child(Service.class, epp), new Child(Deployment.class, epp), new Child(ConfigMap.class, epp),
        new Child(RoleBinding.class, epp), new Child(Role.class, epp), new Child(ServiceAccount.class, epp));
  }

  public static InferencePool inferencePool(ResolvedPlatform p) {
    InferencePool pool = new InferencePool();
    pool.setMetadata(Owners.owned(p, p.names().inferencePool(), Map.of()));
    pool.setSpec(InferencePoolSpec.builder()
        .selector(new InferencePoolSpec.Selector(p.names().modelServerSelector()))
        .targetPorts(List.of(new InferencePoolSpec.Port(ResolvedPlatform.MODEL_PORT)))
        .endpointPickerRef(InferencePoolSpec.EndpointPickerRef.builder()
            .kind("Service")
            .name(p.names().endpointPicker())
            .port(new InferencePoolSpec.Port(GRPC_PORT))
            .failureMode(p.failureMode())
            .build())
        .build());
    return pool;
  }

  /** EndpointPickerConfig: prefix-cache, queue and KV-cache-utilization scorers with the spec's weights. */
  static String endpointPickerConfig(ResolvedPlatform p) {
    Map<String, Object> config = new java.util.HashMap<>();
    // The dialect of the picker image: llm-d's or the Inference Extension's (same plugin types).
    config.put("apiVersion", p.endpointPickerConfigApiVersion());
    config.put("kind", "EndpointPickerConfig");
    config.put("plugins", List.of(
        Map.of("type", "single-profile-handler"),
        Map.of("type", "prefix-cache-scorer"),
        Map.of("type", "queue-scorer"),
        Map.of("type", "kv-cache-utilization-scorer"),
        Map.of("type", "max-score-picker")));
    config.put("schedulingProfiles", List.of(Map.of(
        "name", "default",
        "plugins", List.of(
            weighted("prefix-cache-scorer", p.prefixCacheWeight()),
            weighted("queue-scorer", p.queueWeight()),
            weighted("kv-cache-utilization-scorer", p.kvCacheUtilizationWeight()),
            Map.of("pluginRef", "max-score-picker")))));
    return ConfigFiles.yaml(config);
  }

  private static Map<String, Object> weighted(String plugin, int weight) {
    return Map.of("pluginRef", plugin, "weight", weight);
  }

  static ConfigMap config(ResolvedPlatform p) {
    return new ConfigMapBuilder()
        .withMetadata(Owners.owned(p, p.names().endpointPicker(), p.names().endpointPickerSelector()))
        .withData(Map.of(CONFIG_FILE, endpointPickerConfig(p)))
        .build();
  }

  static ServiceAccount serviceAccount(ResolvedPlatform p) {
    return new ServiceAccountBuilder()
        .withMetadata(Owners.owned(p, p.names().endpointPicker(), p.names().endpointPickerSelector()))
        .build();
  }

  /** The picker watches the pool's pods and the pool itself: read-only, in this namespace only. */
  static Role role(ResolvedPlatform p) {
    return new RoleBuilder()
        .withMetadata(Owners.owned(p, p.names().endpointPicker(), p.names().endpointPickerSelector()))
        .addNewRule().withApiGroups("").withResources("pods").withVerbs("get", "list", "watch").endRule()
        .addNewRule().withApiGroups("inference.networking.k8s.io").withResources("inferencepools")
          .withVerbs("get", "list", "watch").endRule()
        .addNewRule().withApiGroups("inference.networking.x-k8s.io").withResources("inferenceobjectives")
          .withVerbs("get", "list", "watch").endRule()
        .build();
  }

  static RoleBinding roleBinding(ResolvedPlatform p) {
    return new RoleBindingBuilder()
        .withMetadata(Owners.owned(p, p.names().endpointPicker(), p.names().endpointPickerSelector()))
        .withNewRoleRef().withApiGroup("rbac.authorization.k8s.io").withKind("Role")
          .withName(p.names().endpointPicker()).endRoleRef()
        .addNewSubject().withKind("ServiceAccount").withName(p.names().endpointPicker())
          .withNamespace(p.names().namespace()).endSubject()
        .build();
  }

  static Deployment deployment(ResolvedPlatform p) {
    Map<String, String> podLabels = new LinkedHashMap<>(p.names().ownerLabels());
    podLabels.putAll(p.names().endpointPickerSelector());
    return new DeploymentBuilder()
        .withMetadata(Owners.owned(p, p.names().endpointPicker(), p.names().endpointPickerSelector()))
        .withNewSpec()
          // The picker keeps prefix-cache state in memory: one active replica.
          .withReplicas(1)
          .withNewSelector().withMatchLabels(p.names().endpointPickerSelector()).endSelector()
          .withNewTemplate()
            .withNewMetadata().withLabels(podLabels).endMetadata()
            .withNewSpec()
              .withServiceAccountName(p.names().endpointPicker())
              .addNewContainer()
                .withName("epp")
                .withImage(p.endpointPickerImage())
                .withArgs("--pool-name", p.names().inferencePool(),
                    "--pool-namespace", p.names().namespace(),
                    "--pool-group", "inference.networking.k8s.io",
                    "--config-file", "/config/" + CONFIG_FILE)
                .addNewPort().withName("grpc").withContainerPort(GRPC_PORT).endPort()
                .addNewPort().withName("grpc-health").withContainerPort(HEALTH_PORT).endPort()
                .addNewPort().withName("metrics").withContainerPort(METRICS_PORT).endPort()
                .withNewReadinessProbe().withNewGrpc().withPort(HEALTH_PORT).withService("inference-extension")
                  .endGrpc().withPeriodSeconds(2).endReadinessProbe()
                .withNewLivenessProbe().withNewGrpc().withPort(HEALTH_PORT).withService("inference-extension")
                  .endGrpc().withPeriodSeconds(10).endLivenessProbe()
                .addNewVolumeMount().withName("config").withMountPath("/config").withReadOnly(true).endVolumeMount()
              .endContainer()
              .addNewVolume().withName("config").withNewConfigMap().withName(p.names().endpointPicker())
                .endConfigMap().endVolume()
            .endSpec()
          .endTemplate()
        .endSpec()
        .build();
  }

  static Service service(ResolvedPlatform p) {
    return new ServiceBuilder()
        .withMetadata(Owners.owned(p, p.names().endpointPicker(), p.names().endpointPickerSelector()))
        .withNewSpec()
          .withSelector(p.names().endpointPickerSelector())
          .addNewPort().withName("grpc-ext-proc").withPort(GRPC_PORT).withTargetPort(new IntOrString(GRPC_PORT))
            .withAppProtocol("http2").endPort()
          .addNewPort().withName("metrics").withPort(METRICS_PORT).withTargetPort(new IntOrString(METRICS_PORT)).endPort()
        .endSpec()
        .build();
  }

  static HTTPRoute httpRoute(ResolvedPlatform p) {
    return new HTTPRouteBuilder()
        .withMetadata(Owners.owned(p, p.names().httpRoute(), Map.of()))
        .withNewSpec()
          .addNewParentRef().withGroup("gateway.networking.k8s.io").withKind("Gateway")
            .withName(p.gatewayName().orElseThrow())
            .withNamespace(p.gatewayNamespace().orElse(null)).endParentRef()
          .addNewRule()
            .addNewMatch().withNewPath().withType("PathPrefix").withValue("/").endPath().endMatch()
            .addNewBackendRef().withGroup("inference.networking.k8s.io").withKind("InferencePool")
              .withName(p.names().inferencePool()).endBackendRef()
          .endRule()
        .endSpec()
        .build();
  }
}
