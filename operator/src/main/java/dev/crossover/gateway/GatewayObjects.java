package dev.crossover.gateway;

import dev.crossover.api.v1alpha1.GatewayProfile;
import dev.crossover.api.v1alpha1.GatewayProfileSpec;
import dev.crossover.api.v1alpha1.SecretKeyRef;
import dev.crossover.api.v1alpha1.TenantSpec;
import dev.crossover.operator.Images;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.EnvVarBuilder;
import io.fabric8.kubernetes.api.model.HTTPGetActionBuilder;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.api.model.OwnerReference;
import io.fabric8.kubernetes.api.model.Probe;
import io.fabric8.kubernetes.api.model.ProbeBuilder;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.ResourceRequirements;
import io.fabric8.kubernetes.api.model.ResourceRequirementsBuilder;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServiceBuilder;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The Kubernetes objects of a LiteLLM or Bifrost gateway, pure functions of the profile and its
 * rendered configuration (typed fabric8 builders). Secrets are referenced by name and key only;
 * a key value appears in exactly one place, the generated Secret's data.
 */
public final class GatewayObjects {
  private GatewayObjects() {}

  /** The rendered configuration file for the profile's type. */
  public static String renderConfig(GatewayProfileSpec spec, List<ResolvedTarget> targets) {
    return switch (spec.getType()) {
      case LiteLLM -> LiteLlmConfig.render(spec, targets);
      case Bifrost -> BifrostConfig.render(spec, targets);
      case Native -> throw new IllegalArgumentException("type Native has no gateway configuration");
    };
  }

  /** SHA-256 (hex) of the rendered configuration; on the pod template so a change rolls pods. */
  public static String configHash(String config) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(config.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * The Deployment's and Service's selector. It does not name the gateway type: a Deployment's
   * selector is immutable, and a type change (LiteLLM to Bifrost) must roll the same Deployment,
   * not be rejected by the API server on every pass.
   */
  public static Map<String, String> selectorLabels(GatewayProfile p) {
    Map<String, String> l = new LinkedHashMap<>();
    l.put("app.kubernetes.io/instance", p.getMetadata().getName());
    l.put(GatewayNames.PROFILE_LABEL, p.getMetadata().getName());
    return l;
  }

  public static Map<String, String> labels(GatewayProfile p) {
    Map<String, String> l = new LinkedHashMap<>();
    l.put("app.kubernetes.io/name", GatewayNames.component(p.getSpec().getType()));
    l.putAll(selectorLabels(p));
    l.put("app.kubernetes.io/component", "gateway");
    l.put("app.kubernetes.io/part-of", "crossover");
    l.put("app.kubernetes.io/managed-by", "crossover");
    return l;
  }

  public static OwnerReference owner(GatewayProfile p) {
    return dev.crossover.operator.OwnerReferences.controllerOf(p);
  }

  private static ObjectMeta meta(GatewayProfile p, String name) {
    return new ObjectMetaBuilder()
        .withName(name)
        .withNamespace(p.getMetadata().getNamespace())
        .withLabels(labels(p))
        .withOwnerReferences(owner(p))
        .build();
  }

  public static ConfigMap configMap(GatewayProfile p, String config) {
    ConfigMapBuilder b = new ConfigMapBuilder()
        .withMetadata(meta(p, GatewayNames.workload(p)))
        .addToData(GatewayNames.configFile(p.getSpec().getType()), config);
    if (p.getSpec().getType() == GatewayProfileSpec.Type.Bifrost) {
      new java.util.TreeMap<>(BifrostConfig.CATALOG_FILES).forEach(b::addToData);
    }
    return b.build();
  }

  /** A Secret holding a generated key under the given data key. */
  public static Secret generatedKeySecret(GatewayProfile p, String name, String dataKey, String value) {
    return new SecretBuilder()
        .withMetadata(meta(p, name))
        .withType("Opaque")
        .addToStringData(dataKey, value)
        .build();
  }

  /** The master key reference: the spec's, or the generated Secret's. */
  public static SecretKeyRef masterKeyRef(GatewayProfile p) {
    SecretKeyRef r = p.getSpec().getMasterKeySecretRef();
    return r != null
        ? new SecretKeyRef(r.getName(), r.keyOr(GatewayNames.MASTER_KEY_KEY))
        : new SecretKeyRef(GatewayNames.generatedMasterKeySecret(p), GatewayNames.MASTER_KEY_KEY);
  }

  /** Tenant i's key reference: the spec's, or the generated Secret's. */
  public static SecretKeyRef tenantKeyRef(GatewayProfile p, TenantSpec t) {
    SecretKeyRef r = t.getKeySecretRef();
    return r != null
        ? new SecretKeyRef(r.getName(), r.keyOr(GatewayNames.TENANT_KEY_KEY))
        : new SecretKeyRef(GatewayNames.generatedTenantSecret(p, t.getName()), GatewayNames.TENANT_KEY_KEY);
  }

  /** The environment the rendered configuration refers to: keys come from Secrets only. */
  public static List<EnvVar> env(GatewayProfile p, List<ResolvedTarget> targets) {
    GatewayProfileSpec spec = p.getSpec();
    List<EnvVar> env = new ArrayList<>();
    boolean bifrost = spec.getType() == GatewayProfileSpec.Type.Bifrost;
    env.add(fromSecret(bifrost ? GatewayNames.BIFROST_MASTER_KEY_ENV : GatewayNames.LITELLM_MASTER_KEY_ENV,
        masterKeyRef(p)));
    for (int i = 0; i < targets.size(); i++) {
      if (targets.get(i).apiKeySecret() != null) {
        SecretKeyRef r = targets.get(i).apiKeySecret();
        env.add(fromSecret(GatewayNames.backendKeyEnv(i),
            new SecretKeyRef(r.getName(), r.keyOr(GatewayNames.BACKEND_KEY_KEY))));
      }
    }
    if (spec.getSemanticCache() != null) {
      // The semantic cache's store password and embedder key, referenced by the rendered config.
      SecretKeyRef storePassword = SemanticCacheSettings.storePassword(spec.getSemanticCache());
      if (storePassword != null) {
        env.add(fromSecret(SemanticCacheSettings.STORE_PASSWORD_ENV, storePassword));
      }
      SecretKeyRef embedderKey = SemanticCacheSettings.embedderKey(spec.getSemanticCache());
      if (embedderKey != null) {
        env.add(fromSecret(SemanticCacheSettings.EMBEDDER_KEY_ENV, embedderKey));
      }
    }
    if (bifrost) {
      List<TenantSpec> tenants = spec.getTenants() == null ? List.of() : spec.getTenants();
      for (int i = 0; i < tenants.size(); i++) {
        env.add(fromSecret(GatewayNames.tenantKeyEnv(i), tenantKeyRef(p, tenants.get(i))));
      }
    } else {
      if (spec.getLitellm() != null && spec.getLitellm().getDatabaseUrlSecretRef() != null) {
        SecretKeyRef r = spec.getLitellm().getDatabaseUrlSecretRef();
        env.add(fromSecret(GatewayNames.DATABASE_URL_ENV,
            new SecretKeyRef(r.getName(), r.keyOr(GatewayNames.DATABASE_URL_KEY))));
      }
      env.addAll(liteLlmOfflineEnv());
    }
    return env;
  }

  /**
   * LiteLLM's own switches against calling out: no telemetry, the bundled model cost map instead
   * of downloading it at start, no update check for the UI.
   */
  public static List<EnvVar> liteLlmOfflineEnv() {
    return List.of(
        new EnvVar("LITELLM_TELEMETRY", "False", null),
        new EnvVar("LITELLM_LOCAL_MODEL_COST_MAP", "True", null),
        new EnvVar("LITELLM_DONT_SHOW_FEEDBACK_BOX", "True", null),
        new EnvVar("DISABLE_ADMIN_UI", "True", null));
  }

  private static EnvVar fromSecret(String name, SecretKeyRef ref) {
    return new EnvVarBuilder().withName(name)
        .withNewValueFrom().withNewSecretKeyRef(ref.getKey(), ref.getName(), false).endValueFrom()
        .build();
  }

  private static Probe httpProbe(String path, int port, int period, int failures, int timeout) {
    return new ProbeBuilder()
        .withHttpGet(new HTTPGetActionBuilder().withPath(path).withPort(new IntOrString("http")).build())
        .withPeriodSeconds(period)
        .withFailureThreshold(failures)
        .withTimeoutSeconds(timeout)
        .build();
  }

  public static ResourceRequirements defaultResources(GatewayProfileSpec.Type type) {
    boolean litellm = type == GatewayProfileSpec.Type.LiteLLM;
    return new ResourceRequirementsBuilder()
        .addToRequests("cpu", new Quantity(litellm ? "1" : "500m"))
        .addToRequests("memory", new Quantity(litellm ? "1Gi" : "256Mi"))
        .addToLimits("memory", new Quantity(litellm ? "4Gi" : "1Gi"))
        .build();
  }

  /** The gateway Deployment: the spec's image, else the operator-wide default for its type. */
  public static Deployment deployment(GatewayProfile p, List<ResolvedTarget> targets, String configHash, Images images) {
    GatewayProfileSpec spec = p.getSpec();
    GatewayProfileSpec.Type type = spec.getType();
    boolean bifrost = type == GatewayProfileSpec.Type.Bifrost;
    int port = GatewayNames.port(type);
    String file = GatewayNames.configFile(type);
    String image = spec.getImage() != null ? spec.getImage() : bifrost ? images.bifrost() : images.litellm();
    String logLevel = spec.getBifrost() != null && spec.getBifrost().getLogLevel() != null
        ? spec.getBifrost().getLogLevel().name() : "info";
    List<String> args = bifrost
        ? List.of("-app-dir", "/app/data", "-host", "0.0.0.0", "-port", String.valueOf(port), "-log-level", logLevel)
        : List.of("--config", "/etc/litellm/" + file, "--port", String.valueOf(port), "--num_workers", "1");
    String mountPath = bifrost ? "/app/data/" + file : "/etc/litellm/" + file;
    // LiteLLM: /health/liveliness and /health/readiness answer without calling a model
    // (/health calls every model). Bifrost: /health.
    Probe liveness = httpProbe(bifrost ? "/health" : "/health/liveliness", port, 10, 3, 5);
    Probe readiness = httpProbe(bifrost ? "/health" : "/health/readiness", port, 5, 3, 5);
    Probe startup = httpProbe(bifrost ? "/health" : "/health/liveliness", port, 2, 90, 5);
    Map<String, String> podLabels = labels(p);
    return new DeploymentBuilder()
        .withMetadata(meta(p, GatewayNames.workload(p)))
        .withNewSpec()
          .withReplicas(spec.getReplicas() == null ? 1 : spec.getReplicas())
          .withNewSelector().withMatchLabels(selectorLabels(p)).endSelector()
          .withNewTemplate()
            .withNewMetadata()
              .withLabels(podLabels)
              .addToAnnotations(GatewayNames.CONFIG_HASH_ANNOTATION, configHash)
              .addToAnnotations("prometheus.io/scrape", "true")
              .addToAnnotations("prometheus.io/port", String.valueOf(port))
              .addToAnnotations("prometheus.io/path", "/metrics")
            .endMetadata()
            .withNewSpec()
              .withAutomountServiceAccountToken(false)
              .addNewContainer()
                .withName(GatewayNames.component(type))
                .withImage(image)
                .withArgs(args)
                .addNewPort().withName("http").withContainerPort(port).withProtocol("TCP").endPort()
                .withEnv(env(p, targets))
                .withLivenessProbe(liveness)
                .withReadinessProbe(readiness)
                .withStartupProbe(startup)
                .withResources(spec.getResources() != null ? spec.getResources() : defaultResources(type))
                .addNewVolumeMount().withName("config").withMountPath(mountPath).withSubPath(file).withReadOnly(true).endVolumeMount()
                .addNewVolumeMount().withName("data").withMountPath(bifrost ? "/app/data" : "/tmp").endVolumeMount()
                .addAllToVolumeMounts(bifrost ? catalogMounts() : List.of())
                .withWorkingDir(bifrost ? "/app/data" : null)
                .withNewSecurityContext().withAllowPrivilegeEscalation(false).endSecurityContext()
              .endContainer()
              .addNewVolume().withName("config")
                .withNewConfigMap().withName(GatewayNames.workload(p)).endConfigMap()
              .endVolume()
              .addNewVolume().withName("data").withNewEmptyDir().endEmptyDir().endVolume()
            .endSpec()
          .endTemplate()
        .endSpec()
        .build();
  }

  private static List<io.fabric8.kubernetes.api.model.VolumeMount> catalogMounts() {
    return new java.util.TreeSet<>(BifrostConfig.CATALOG_FILES.keySet()).stream()
        .map(f -> new io.fabric8.kubernetes.api.model.VolumeMountBuilder().withName("config")
            .withMountPath("/app/data/" + f).withSubPath(f).withReadOnly(true).build())
        .toList();
  }

  public static Service service(GatewayProfile p) {
    int port = GatewayNames.port(p.getSpec().getType());
    return new ServiceBuilder()
        .withMetadata(meta(p, GatewayNames.workload(p)))
        .withNewSpec()
          .withType("ClusterIP")
          .withSelector(selectorLabels(p))
          .addNewPort().withName("http").withPort(port).withTargetPort(new IntOrString("http")).withProtocol("TCP").endPort()
        .endSpec()
        .build();
  }

  /** The OpenAI-compatible base URL clients use in the cluster. */
  public static String endpoint(GatewayProfile p) {
    return "http://" + GatewayNames.workload(p) + "." + p.getMetadata().getNamespace() + ".svc:"
        + GatewayNames.port(p.getSpec().getType()) + "/v1";
  }
}
