package dev.crossover.gateway;

import dev.crossover.api.v1alpha1.BifrostSpec;
import dev.crossover.api.v1alpha1.GatewayBackend;
import dev.crossover.api.v1alpha1.GatewayProfile;
import dev.crossover.api.v1alpha1.GatewayProfileSpec;
import dev.crossover.api.v1alpha1.GatewayProfileStatus;
import dev.crossover.api.v1alpha1.InferencePlatform;
import dev.crossover.api.v1alpha1.ResolvedBackend;
import dev.crossover.api.v1alpha1.SecretKeyRef;
import dev.crossover.api.v1alpha1.TenantSpec;
import dev.crossover.operator.ChildWriter;
import dev.crossover.operator.Conditions;
import dev.crossover.operator.WorkloadReadiness;
import dev.crossover.operator.Images;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.discovery.v1.Endpoint;
import io.fabric8.kubernetes.api.model.discovery.v1.EndpointPort;
import io.fabric8.kubernetes.api.model.discovery.v1.EndpointSlice;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * One pass of GatewayProfile reconciliation against the API server: resolve backends, make sure
 * key Secrets exist, render and server-side apply the children, and compute status. Kept apart
 * from the JOSDK reconciler so it runs against a real kube-apiserver in tests.
 *
 * <p>Children are written through {@link ChildWriter}: an object of the same name the profile
 * does not control is left alone and named in a NotOwned Ready condition. The Deployment,
 * Service and ConfigMap keep one name whatever the type, and the Deployment's selector does not
 * name the type, so LiteLLM to Bifrost rolls the same Deployment to the other image (the
 * ConfigMap's old file goes, since only the operator's field manager owns it); Native deletes
 * all three. A Deployment written with an older, type-naming selector is replaced.
 */
public final class GatewaySync {
  public static final String TENANTS_ENFORCED = "TenantsEnforced";

  private final KubernetesClient client;
  private final Images images;

  public GatewaySync(KubernetesClient client, Images images) {
    this.client = client;
    this.images = images;
  }

  /** Backends resolved, or why not. */
  record Resolution(List<ResolvedTarget> targets, List<String> problems, String nativeEndpoint) {}

  public GatewayProfileStatus sync(GatewayProfile p) {
    Long gen = p.getMetadata().getGeneration();
    GatewayProfileStatus status = p.getStatus() == null ? new GatewayProfileStatus() : p.getStatus();
    status.setObservedGeneration(gen);
    GatewayProfileSpec spec = p.getSpec();

    Resolution r = resolve(p);
    if (!r.problems().isEmpty()) {
      String msg = String.join("; ", r.problems());
      String reason = r.problems().stream().anyMatch(s -> s.contains("not found")) ? "BackendNotFound" : "BackendNotReady";
      status.setCondition(GatewayProfileStatus.BACKENDS_RESOLVED, false, reason, msg, gen);
      status.setCondition(Conditions.READY, false, reason, msg, gen);
      return status;
    }
    status.setResolvedBackends(r.targets().stream().map(GatewaySync::describe).toList());
    status.setResolvedBackendCount(r.targets().size());
    status.setCondition(GatewayProfileStatus.BACKENDS_RESOLVED, true, "Resolved",
        r.targets().size() + " backend(s) resolved", gen);

    ChildWriter writer = new ChildWriter(client, p);
    if (spec.getType() == GatewayProfileSpec.Type.Native) {
      // No gateway runs: remove the one an earlier type ran.
      String ns = p.getMetadata().getNamespace();
      writer.prune(Deployment.class, ns, GatewayNames.workload(p));
      writer.prune(Service.class, ns, GatewayNames.workload(p));
      writer.prune(ConfigMap.class, ns, GatewayNames.workload(p));
      status.setEndpoint(r.nativeEndpoint());
      status.setConfigHash(null);
      status.setCondition(GatewayProfileStatus.GATEWAY_READY, true, "NoGateway",
          "Native: clients use the platform's endpoint directly, no gateway runs", gen);
      status.setCondition(Conditions.READY, true, "Native", "Endpoint is the platform's: " + r.nativeEndpoint(), gen);
      return status;
    }

    ensureKeySecrets(p, writer);
    String config = GatewayObjects.renderConfig(spec, r.targets());
    String hash = GatewayObjects.configHash(config);
    Optional<Deployment> applied = Optional.empty();
    if (writer.refusals().isEmpty() && writer.apply(GatewayObjects.configMap(p, config)).isPresent()) {
      applied = writer.apply(GatewayObjects.deployment(p, r.targets(), hash, images));
      if (applied.isPresent()) {
        writer.apply(GatewayObjects.service(p));
      }
    }
    if (writer.firstRefusal().isPresent()) {
      ChildWriter.Refusal refusal = writer.firstRefusal().get();
      status.setCondition(GatewayProfileStatus.GATEWAY_READY, false, refusal.reason(), refusal.message(), gen);
      status.setCondition(Conditions.READY, false, refusal.reason(), refusal.message(), gen);
      return status;
    }

    status.setEndpoint(GatewayObjects.endpoint(p));
    status.setConfigHash(hash);
    status.setMasterKeySecret(GatewayObjects.masterKeyRef(p).getName());
    new SemanticCacheProbe(client).report(p, status);

    if (spec.getType() == GatewayProfileSpec.Type.LiteLLM && spec.getTenants() != null && !spec.getTenants().isEmpty()) {
      if (!LiteLlmConfig.tenantsEnforceable(spec)) {
        status.setCondition(TENANTS_ENFORCED, false, "DatabaseRequired",
            "LiteLLM keeps virtual keys, budgets and rate limits in PostgreSQL only: set litellm.databaseUrlSecretRef, "
                + "or use type Bifrost (keys in its config file). Until then only the master key is accepted.", gen);
      } else {
        status.setCondition(TENANTS_ENFORCED, Conditions.UNKNOWN, "NotImplemented",
            "The database is wired; this operator version does not yet create the tenants' keys through LiteLLM's "
                + "/key/generate API.", gen);
      }
    } else if (spec.getTenants() != null && !spec.getTenants().isEmpty()) {
      status.setCondition(TENANTS_ENFORCED, true, "VirtualKeys",
          spec.getTenants().size() + " tenant virtual key(s) with their limits in the Bifrost config", gen);
    }

    int want = spec.getReplicas() == null ? 1 : spec.getReplicas();
    WorkloadReadiness w = WorkloadReadiness.of("gateway pods", applied.get(), want, "");
    status.setReadyReplicas(w.readyReplicas());
    String msg = w.reason().equals(WorkloadReadiness.ROLLOUT_IN_PROGRESS)
        ? w.message() + " (config " + hash.substring(0, 12) + ")" : w.message();
    status.setCondition(GatewayProfileStatus.GATEWAY_READY, w.ready(), w.reason(), msg, gen);
    status.setCondition(Conditions.READY, w.ready(), w.reason(), w.ready() ? "Serving at " + status.getEndpoint() : msg, gen);
    return status;
  }

  private static ResolvedBackend describe(ResolvedTarget t) {
    String target = t.kind() == ResolvedTarget.Kind.Bedrock ? t.model() : String.join(",", t.baseUrls());
    return new ResolvedBackend(t.name(), t.kind().name(), target, t.model());
  }

  Resolution resolve(GatewayProfile p) {
    String ns = p.getMetadata().getNamespace();
    boolean pods = p.getSpec().getType() == GatewayProfileSpec.Type.Bifrost && p.getSpec().getBifrost() != null
        && p.getSpec().getBifrost().getBalance() == BifrostSpec.Balance.Pods;
    List<ResolvedTarget> targets = new ArrayList<>();
    List<String> problems = new ArrayList<>();
    String nativeEndpoint = null;
    for (GatewayBackend b : p.getSpec().getBackends()) {
      int weight = b.getWeight() == null ? 1 : b.getWeight();
      if (b.getPlatformRef() != null) {
        String pns = b.getPlatformRef().namespaceOr(ns);
        InferencePlatform ip = client.resources(InferencePlatform.class).inNamespace(pns)
            .withName(b.getPlatformRef().getName()).get();
        if (ip == null) {
          problems.add("backend " + b.getName() + ": InferencePlatform " + pns + "/" + b.getPlatformRef().getName() + " not found");
          continue;
        }
        String endpoint = ip.getStatus() == null ? null : ip.getStatus().getEndpoint();
        if (endpoint == null || endpoint.isBlank()) {
          problems.add("backend " + b.getName() + ": InferencePlatform " + pns + "/" + ip.getMetadata().getName()
              + " has no endpoint yet (status.endpoint)");
          continue;
        }
        String model = ip.getStatus().getServedModel() != null ? ip.getStatus().getServedModel()
            : ip.getSpec().getModel() != null && ip.getSpec().getModel().getServedName() != null
                ? ip.getSpec().getModel().getServedName()
                : ip.getSpec().getModel() == null ? null : ip.getSpec().getModel().getName();
        if (model == null) {
          problems.add("backend " + b.getName() + ": InferencePlatform " + ip.getMetadata().getName() + " names no model");
          continue;
        }
        nativeEndpoint = endpoint;
        List<String> urls = List.of(endpoint);
        if (pods) {
          urls = podUrls(endpoint, pns);
          if (urls.isEmpty()) {
            problems.add("backend " + b.getName() + ": no ready model server pod behind " + endpoint);
            continue;
          }
        }
        targets.add(new ResolvedTarget(b.getName(), ResolvedTarget.Kind.Platform, urls, model, weight, null, null));
      } else if (b.getOpenAI() != null) {
        SecretKeyRef key = b.getOpenAI().getApiKeySecretRef();
        targets.add(new ResolvedTarget(b.getName(), ResolvedTarget.Kind.OpenAI, List.of(b.getOpenAI().getUrl()),
            b.getOpenAI().getModel(), weight, key, null));
      } else if (b.getBedrock() != null) {
        targets.add(ResolvedTarget.bedrock(b.getName(), b.getBedrock().getModelId(), weight, b.getBedrock().getRegion()));
      }
    }
    return new Resolution(targets, problems, nativeEndpoint);
  }

  /**
   * The ready model server pods behind a platform endpoint of the form
   * http://SERVICE.NAMESPACE.svc[...]:PORT/v1, from the Service's EndpointSlices, sorted so the
   * config (and its hash) only changes when the pod set does.
   */
  List<String> podUrls(String endpoint, String defaultNs) {
    URI u = URI.create(endpoint);
    String[] host = u.getHost().split("\\.");
    String svc = host[0];
    String ns = host.length > 1 ? host[1] : defaultNs;
    int port = u.getPort() > 0 ? u.getPort() : 80;
    List<String> urls = new ArrayList<>();
    for (EndpointSlice s : client.discovery().v1().endpointSlices().inNamespace(ns)
        .withLabel("kubernetes.io/service-name", svc).list().getItems()) {
      Integer target = null;
      if (s.getPorts() != null) {
        for (EndpointPort ep : s.getPorts()) {
          if (ep.getPort() != null && (target == null || s.getPorts().size() == 1)) {
            target = ep.getPort();
          }
        }
      }
      int podPort = target == null ? port : target;
      if (s.getEndpoints() == null) {
        continue;
      }
      for (Endpoint e : s.getEndpoints()) {
        boolean ready = e.getConditions() == null || e.getConditions().getReady() == null || e.getConditions().getReady();
        if (ready && e.getAddresses() != null) {
          for (String a : e.getAddresses()) {
            urls.add("http://" + a + ":" + podPort + "/v1");
          }
        }
      }
    }
    return urls.stream().distinct().sorted().toList();
  }

  /** Generated keys are created once and never rewritten; their values go nowhere else. */
  private void ensureKeySecrets(GatewayProfile p, ChildWriter writer) {
    GatewayProfileSpec.Type type = p.getSpec().getType();
    if (p.getSpec().getMasterKeySecretRef() == null) {
      createIfAbsent(p, writer, GatewayNames.generatedMasterKeySecret(p), GatewayNames.MASTER_KEY_KEY, type);
    }
    if (type == GatewayProfileSpec.Type.Bifrost && p.getSpec().getTenants() != null) {
      for (TenantSpec t : p.getSpec().getTenants()) {
        if (t.getKeySecretRef() == null) {
          createIfAbsent(p, writer, GatewayNames.generatedTenantSecret(p, t.getName()), GatewayNames.TENANT_KEY_KEY, type);
        }
      }
    }
  }

  /**
   * A generated key Secret the profile controls and that holds its key is kept as it is; one
   * that someone else controls (or an earlier profile of the same name, awaiting garbage
   * collection) is neither used nor rewritten: the writer reports it.
   */
  private void createIfAbsent(GatewayProfile p, ChildWriter writer, String name, String key, GatewayProfileSpec.Type type) {
    Secret existing = client.secrets().inNamespace(p.getMetadata().getNamespace()).withName(name).get();
    if (existing != null && writer.controls(existing) && existing.getData() != null && existing.getData().containsKey(key)) {
      return;
    }
    writer.apply(GatewayObjects.generatedKeySecret(p, name, key, GatewayNames.newKey(type)));
  }
}
