package dev.crossover.platform;

import dev.crossover.api.v1alpha1.InferencePlatform;
import dev.crossover.api.v1alpha1.InferencePlatformStatus;
import dev.crossover.api.v1alpha1.NodeCount;
import dev.crossover.api.v1alpha1.PlatformChildren;
import dev.crossover.aws.AwsFacts;
import dev.crossover.operator.ChildWriter;
import dev.crossover.operator.Conditions;
import dev.crossover.operator.Images;
import dev.crossover.operator.StatusPatch;
import dev.crossover.operator.WorkloadReadiness;
import dev.crossover.platform.karpenter.EC2NodeClass;
import dev.crossover.platform.karpenter.NodePool;
import io.fabric8.kubernetes.api.model.Condition;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.HTTPRoute;
import dev.crossover.platform.inference.InferencePool;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.javaoperatorsdk.operator.api.config.informer.InformerEventSourceConfiguration;
import io.javaoperatorsdk.operator.api.reconciler.Cleaner;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.api.reconciler.ControllerConfiguration;
import io.javaoperatorsdk.operator.api.reconciler.DeleteControl;
import io.javaoperatorsdk.operator.api.reconciler.ErrorStatusUpdateControl;
import io.javaoperatorsdk.operator.api.reconciler.EventSourceContext;
import io.javaoperatorsdk.operator.api.reconciler.MaxReconciliationInterval;
import io.javaoperatorsdk.operator.api.reconciler.Reconciler;
import io.javaoperatorsdk.operator.api.reconciler.UpdateControl;
import io.javaoperatorsdk.operator.processing.event.source.EventSource;
import io.javaoperatorsdk.operator.processing.event.source.informer.InformerEventSource;
import io.javaoperatorsdk.operator.processing.event.source.informer.Mappers;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import io.javaoperatorsdk.operator.processing.event.ResourceID;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * Reconciles InferencePlatforms: renders the NodePool (and EC2NodeClass), the model server and,
 * for PrefixCacheAware routing, the endpoint picker with its InferencePool and HTTPRoute;
 * applies them with server-side apply; and reports what is really there in conditions.
 *
 * <p>Semantic problems (a model that does not fit, a missing Secret, Gateway or CRD) become
 * conditions, not exceptions. Namespaced children are owned and watched, so a child edited or
 * deleted by hand is put back at once; cluster-scoped ones carry labels naming the platform,
 * are watched when Karpenter is installed, and are deleted by the platform's finalizer. All are
 * written through {@link ChildWriter}: an object of the same name the platform does not control
 * is left alone and named in a NotOwned condition, and children the spec no longer asks for (the
 * endpoint picker after routing leaves PrefixCacheAware, the NodePool after provision: false)
 * are deleted.
 */
@ControllerConfiguration(name = "inferenceplatform",
    maxReconciliationInterval = @MaxReconciliationInterval(interval = 60, timeUnit = TimeUnit.SECONDS))
public class InferencePlatformReconciler implements Reconciler<InferencePlatform>, Cleaner<InferencePlatform> {

  static final String SELECTOR = PlatformNames.MANAGED_BY + "=" + PlatformNames.MANAGER;
  /** How soon to look again while something is still coming up that no informer reports. */
  static final Duration POLL_WHILE_PENDING = Duration.ofSeconds(10);

  private final Images images;
  private final Clock clock;
  private final Supplier<AwsFacts> aws;
  private volatile CrdPresence crds;
  /**
   * Platform UID to the generation whose unwanted children were last looked for. Children become
   * unwanted only when the spec changes, so the look (a GET per kind) is made once per
   * generation — and once after an operator start — rather than on every pass.
   */
  private final Map<String, Long> swept = new ConcurrentHashMap<>();

  public InferencePlatformReconciler() {
    this(Images.fromConfig(), Clock.systemUTC());
  }

  public InferencePlatformReconciler(Images images, Clock clock) {
    this(images, clock, AwsFacts::shared);
  }

  /** @param aws where cluster, accelerator and price facts come from (disabled: the spec and embedded catalogs) */
  public InferencePlatformReconciler(Images images, Clock clock, Supplier<AwsFacts> aws) {
    this.images = images;
    this.clock = clock;
    this.aws = aws;
  }

  @Override
  public List<EventSource<?, InferencePlatform>> prepareEventSources(EventSourceContext<InferencePlatform> context) {
    KubernetesClient client = context.getClient();
    crds = new CrdPresence(client, Duration.ofSeconds(30), clock);
    List<EventSource<?, InferencePlatform>> sources = new ArrayList<>();
    for (Class<? extends HasMetadata> owned : List.of(Deployment.class, Service.class)) {
      sources.add(ownedInformer(owned, context));
    }
    // Cluster-scoped children are found by their labels; watched only where Karpenter is installed
    // (elsewhere the periodic reconcile notices a NodePool deleted by hand).
    if (crds.isInstalled(CrdPresence.NODEPOOLS)) {
      sources.add(new InformerEventSource<>(InformerEventSourceConfiguration.from(NodePool.class, InferencePlatform.class)
          .withLabelSelector(SELECTOR)
          .withSecondaryToPrimaryMapper(InferencePlatformReconciler::platformOfLabels)
          .build(), context));
    }
    return sources;
  }

  /** The platform a cluster-scoped child belongs to, from the labels the renderer put on it. */
  static Set<ResourceID> platformOfLabels(HasMetadata child) {
    Map<String, String> labels = child.getMetadata().getLabels();
    if (labels == null || !labels.containsKey(PlatformNames.PLATFORM_LABEL)
        || !labels.containsKey(PlatformNames.PLATFORM_NAMESPACE_LABEL)) {
      return Set.of();
    }
    return Set.of(new ResourceID(labels.get(PlatformNames.PLATFORM_LABEL), labels.get(PlatformNames.PLATFORM_NAMESPACE_LABEL)));
  }

  private static <R extends HasMetadata> InformerEventSource<R, InferencePlatform> ownedInformer(
      Class<R> type, EventSourceContext<InferencePlatform> context) {
    return new InformerEventSource<>(InformerEventSourceConfiguration.from(type, InferencePlatform.class)
        .withLabelSelector(SELECTOR)
        .withSecondaryToPrimaryMapper(Mappers.fromOwnerReferences(InferencePlatform.class))
        .build(), context);
  }

  @Override
  public UpdateControl<InferencePlatform> reconcile(InferencePlatform platform, Context<InferencePlatform> context) {
    KubernetesClient client = context.getClient();
    Long generation = platform.getMetadata().getGeneration();
    InferencePlatformStatus status = platform.getStatus() == null ? new InferencePlatformStatus() : platform.getStatus();
    status.setObservedGeneration(generation);
    ResolvedPlatform p = ResolvedPlatform.of(platform, images);
    PlatformChildren children = new PlatformChildren();
    status.setChildren(children);
    status.setServedModel(p.servedName());
    status.setReplicas(p.replicas());

    PlatformAwsFacts facts = PlatformAwsFacts.of(aws.get(), p, clock);
    facts.report(status, generation);
    ModelFit.Result fit = p.usesGpus()
        ? new ModelFit(facts.instanceTypes()).check(platform.getSpec().getModel(), p.instanceType(), p.tensorParallelSize(),
            p.gpuMemoryUtilization())
        : new ModelFit.Result(ModelFit.Verdict.FITS, "The simulator holds no weights: nothing to fit.", 0, 0);
    setFitCondition(status, p.usesGpus() ? facts.withFactsSource(fit, p.instanceType()) : fit, generation);
    if (fit.verdict() == ModelFit.Verdict.DOES_NOT_FIT) {
      // Launching GPU nodes for a model that cannot load would only cost money.
      status.setCondition(Conditions.READY, false, "ModelDoesNotFit", fit.message(), generation);
      return UpdateControl.patchStatus(StatusPatch.of(platform, status, InferencePlatform::new));
    }

    ChildWriter writer = new ChildWriter(client, platform);
    boolean sweep = !Objects.equals(swept.get(platform.getMetadata().getUid()), generation);
    Step nodes = reconcileNodes(writer, p, children, facts.discoveryTag(p), sweep);
    status.setCondition(InferencePlatformStatus.NODE_POOL_READY, nodes.state(), nodes.reason(), nodes.message(), generation);
    Step server = reconcileModelServer(client, writer, p, children, status);
    status.setCondition(InferencePlatformStatus.MODEL_SERVER_READY, server.state(), server.reason(), server.message(), generation);
    Step router = reconcileRouter(client, writer, p, children, status, sweep);
    status.setCondition(InferencePlatformStatus.ROUTER_READY, router.state(), router.reason(), router.message(), generation);

    List<Step> steps = List.of(nodes, server, router);
    Optional<Step> blocking = steps.stream().filter(s -> !Conditions.TRUE.equals(s.state())).findFirst();
    if (blocking.isEmpty()) {
      status.setCondition(Conditions.READY, true, "Ready", "Serving " + p.servedName() + " at " + status.getEndpoint(), generation);
      if (status.getFirstReadyTime() == null) {
        Instant now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
        status.setFirstReadyTime(now.toString());
        Instant created = Instant.parse(platform.getMetadata().getCreationTimestamp());
        status.setColdStartSeconds(Duration.between(created, now).toSeconds());
      }
    } else {
      Step b = blocking.get();
      status.setCondition(Conditions.READY, Conditions.FALSE, b.reason(), b.message(), generation);
    }
    if (sweep) {
      swept.put(platform.getMetadata().getUid(), generation);
    }
    status.setNodes(nodesByInstanceType(client, p));
    status.setHourlyCost(new PlatformHourlyCost(facts.prices(), facts.instanceTypes())
        .of(p, facts.controlPlaneTier()).orElse(null));
    UpdateControl<InferencePlatform> control = UpdateControl.patchStatus(StatusPatch.of(platform, status, InferencePlatform::new));
    return blocking.isPresent() ? control.rescheduleAfter(POLL_WHILE_PENDING) : control;
  }

  /** One part of the platform: its condition status, reason and message. */
  record Step(String state, String reason, String message) {
    static Step ok(String reason, String message) { return new Step(Conditions.TRUE, reason, message); }
    static Step notYet(String reason, String message) { return new Step(Conditions.FALSE, reason, message); }
  }

  /** The step for the child the writer just would not write (its latest refusal). */
  private static Step refused(ChildWriter writer) {
    ChildWriter.Refusal r = writer.refusals().getLast();
    return Step.notYet(r.reason(), r.message());
  }

  private Step reconcileNodes(ChildWriter writer, ResolvedPlatform p, PlatformChildren children,
      Optional<String> discoveryTag, boolean sweep) {
    if (sweep) {
      pruneNodes(writer, p);
    }
    if (!p.provision()) {
      return Step.ok("NotProvisioned", "nodes.provision is false: the model server runs on nodes that already exist.");
    }
    if (!crds.isInstalled(CrdPresence.NODEPOOLS)) {
      return Step.notYet("KarpenterNotInstalled", "The NodePool CRD (" + CrdPresence.NODEPOOLS
          + ") is not installed: install Karpenter, or set nodes.provision: false to use existing GPU nodes.");
    }
    if (p.createsNodeClass()) {
      if (!crds.isInstalled(CrdPresence.EC2NODECLASSES)) {
        return Step.notYet("EC2NodeClassNotInstalled", "The EC2NodeClass CRD (" + CrdPresence.EC2NODECLASSES
            + ") is not installed: install Karpenter's AWS provider, or reference a node class with nodes.nodeClass.name.");
      }
      Optional<String> tag = discoveryTag;
      if (tag.isEmpty()) {
        return Step.notYet("DiscoveryTagUnknown", "Set nodes.nodeClass.ec2.discoveryTag to the karpenter.sh/discovery tag "
            + "value of the cluster's subnets and security groups (usually the cluster name), or let the operator "
            + "discover the cluster name (crossover.aws.cluster-name, see condition ClusterDiscovered).");
      }
      EC2NodeClass nodeClass = NodePoolRenderer.ec2NodeClass(p, tag.get()).orElseThrow();
      if (writer.apply(nodeClass).isEmpty()) {
        return refused(writer);
      }
      children.setNodeClass("EC2NodeClass/" + nodeClass.getMetadata().getName());
    } else {
      children.setNodeClass(NodePoolRenderer.nodeClassRef(p).getKind() + "/" + p.nodeClassName());
    }
    NodePool desired = NodePoolRenderer.nodePool(p).orElseThrow();
    Optional<NodePool> written = writer.apply(desired);
    if (written.isEmpty()) {
      return refused(writer);
    }
    NodePool applied = written.get();
    children.setNodePool(applied.getMetadata().getName());
    Optional<Condition> ready = Optional.ofNullable(applied.getStatus())
        .map(s -> s.getConditions()).orElse(List.of()).stream()
        .filter(c -> "Ready".equals(c.getType())).findFirst();
    if (ready.isPresent() && "True".equals(ready.get().getStatus())) {
      return Step.ok("NodePoolReady", "NodePool " + applied.getMetadata().getName() + " is ready to launch "
          + p.instanceType() + " nodes.");
    }
    return Step.notYet("NodePoolNotReady", "NodePool " + applied.getMetadata().getName() + " is not ready"
        + ready.map(c -> ": " + c.getReason() + (c.getMessage() == null ? "" : " - " + c.getMessage()))
            .orElse(" yet (Karpenter has not reported on it)."));
  }

  /**
   * Deletes the NodePool and EC2NodeClass the spec no longer asks for: all of them after
   * provision: false, the EC2NodeClass once a node class is referenced instead, and any left
   * under an earlier naming scheme.
   */
  private void pruneNodes(ChildWriter writer, ResolvedPlatform p) {
    Map<String, String> labels = p.names().ownerLabels();
    if (crds.isInstalled(CrdPresence.NODEPOOLS)) {
      writer.pruneClusterScoped(NodePool.class, labels,
          p.provision() ? Set.of(p.names().clusterScoped()) : Set.of());
    }
    if (crds.isInstalled(CrdPresence.EC2NODECLASSES)) {
      writer.pruneClusterScoped(EC2NodeClass.class, labels,
          p.createsNodeClass() ? Set.of(p.nodeClassName()) : Set.of());
    }
  }

  private Step reconcileModelServer(KubernetesClient client, ChildWriter writer, ResolvedPlatform p,
      PlatformChildren children, InferencePlatformStatus status) {
    if (p.hfTokenSecret().isPresent()) {
      String secret = p.hfTokenSecret().get();
      var found = client.secrets().inNamespace(p.names().namespace()).withName(secret).get();
      if (found == null) {
        return Step.notYet("SecretNotFound", "Secret " + secret + " (spec.model.hfTokenSecretRef) does not exist in namespace "
            + p.names().namespace() + ": create it with the Hugging Face token under key " + p.hfTokenKey() + ".");
      }
      if (found.getData() == null || !found.getData().containsKey(p.hfTokenKey())) {
        return Step.notYet("SecretKeyNotFound", "Secret " + secret + " has no key " + p.hfTokenKey() + ".");
      }
    }
    Optional<Service> service = writer.apply(ModelServerRenderer.service(p));
    Optional<Deployment> deployment = service.isEmpty() ? Optional.empty() : writer.apply(ModelServerRenderer.deployment(p));
    if (deployment.isEmpty()) {
      return refused(writer);
    }
    children.setDeployment(deployment.get().getMetadata().getName());
    children.setService(p.names().modelServer());
    WorkloadReadiness r = WorkloadReadiness.of("model server replicas", deployment.get(), p.replicas(),
        p.usesGpus() ? "(GPU node launch, image pull and model load take minutes)." : "");
    status.setReadyReplicas(r.readyReplicas());
    return new Step(r.status(), r.reason(), r.message());
  }

  private Step reconcileRouter(KubernetesClient client, ChildWriter writer, ResolvedPlatform p,
      PlatformChildren children, InferencePlatformStatus status, boolean sweep) {
    if (!p.prefixCacheAware()) {
      if (sweep) {
        pruneEndpointPicker(writer, p);
      }
      status.setEndpoint(ModelServerRenderer.serviceUrl(p));
      return Step.ok("ServiceRouting", "Round robin across model server pods through Service " + p.names().modelServer() + ".");
    }
    for (String crd : List.of(CrdPresence.GATEWAYS, CrdPresence.HTTPROUTES, CrdPresence.INFERENCEPOOLS)) {
      if (!crds.isInstalled(crd)) {
        status.setEndpoint(null);
        return Step.notYet("InferenceExtensionNotInstalled", "PrefixCacheAware routing needs the Gateway API and "
            + "Inference Extension CRDs; " + crd + " is not installed.");
      }
    }
    String gatewayName = p.gatewayName().orElseThrow();
    String gatewayNamespace = p.gatewayNamespace().orElseThrow();
    GenericKubernetesResource gateway = client.genericKubernetesResources("gateway.networking.k8s.io/v1", "Gateway")
        .inNamespace(gatewayNamespace).withName(gatewayName).get();
    if (gateway == null) {
      status.setEndpoint(null);
      return Step.notYet("GatewayNotFound", "Gateway " + gatewayNamespace + "/" + gatewayName
          + " (spec.routing.gatewayRef) does not exist.");
    }
    Deployment picker = null;
    for (HasMetadata object : EndpointPickerRenderer.all(p)) {
      Optional<HasMetadata> applied = writer.apply(object);
      if (applied.isEmpty()) {
        status.setEndpoint(null);
        return refused(writer);
      }
      if (applied.get() instanceof Deployment d) {
        picker = d;
      }
    }
    children.setInferencePool(p.names().inferencePool());
    children.setHttpRoute(p.names().httpRoute());
    Optional<String> address = gatewayAddress(gateway);
    status.setEndpoint(address.map(a -> "http://" + a + "/v1").orElse(null));
    WorkloadReadiness epp = WorkloadReadiness.of("endpoint picker replicas", picker, 1, "");
    if (!epp.ready()) {
      return Step.notYet("EndpointPickerNotReady", "Endpoint picker " + p.names().endpointPicker() + " is not ready yet: "
          + epp.message());
    }
    if (address.isEmpty()) {
      return Step.notYet("GatewayHasNoAddress", "Gateway " + gatewayNamespace + "/" + gatewayName + " has no address yet.");
    }
    return Step.ok("PrefixCacheAwareRouting", "Gateway " + gatewayNamespace + "/" + gatewayName
        + " routes through InferencePool " + p.names().inferencePool() + " and its endpoint picker.");
  }

  @SuppressWarnings("unchecked")
  private static Optional<String> gatewayAddress(GenericKubernetesResource gateway) {
    Object status = gateway.getAdditionalProperties().get("status");
    if (!(status instanceof Map<?, ?> s) || !(s.get("addresses") instanceof List<?> addresses) || addresses.isEmpty()) {
      return Optional.empty();
    }
    Object first = addresses.get(0);
    return first instanceof Map<?, ?> a && a.get("value") != null ? Optional.of(a.get("value").toString()) : Optional.empty();
  }

  private List<NodeCount> nodesByInstanceType(KubernetesClient client, ResolvedPlatform p) {
    List<Pod> pods = client.pods().inNamespace(p.names().namespace())
        .withLabels(p.names().modelServerSelector()).list().getItems();
    Map<String, NodeCount> counts = new TreeMap<>();
    pods.stream().map(pod -> pod.getSpec().getNodeName()).filter(Objects::nonNull).distinct().forEach(nodeName -> {
      Node node = client.nodes().withName(nodeName).get();
      if (node == null) {
        return;
      }
      Map<String, String> labels = Optional.ofNullable(node.getMetadata().getLabels()).orElse(Map.of());
      String type = labels.getOrDefault(NodePoolRenderer.INSTANCE_TYPE_LABEL, "unknown");
      String capacity = labels.get(NodePoolRenderer.CAPACITY_TYPE_LABEL);
      counts.computeIfAbsent(type + "/" + capacity, k -> new NodeCount(type, capacity, 0))
          .setCount(counts.get(type + "/" + capacity).getCount() + 1);
    });
    return counts.isEmpty() ? null : new ArrayList<>(counts.values());
  }

  private static void setFitCondition(InferencePlatformStatus status, ModelFit.Result fit, Long generation) {
    switch (fit.verdict()) {
      case FITS -> status.setCondition(InferencePlatformStatus.MODEL_FITS, true, "Fits", fit.message(), generation);
      case DOES_NOT_FIT -> status.setCondition(InferencePlatformStatus.MODEL_FITS, false, "ModelDoesNotFit", fit.message(), generation);
      case UNKNOWN -> status.setCondition(InferencePlatformStatus.MODEL_FITS, Conditions.UNKNOWN, "FitNotChecked", fit.message(), generation);
    }
  }

  /**
   * Deletes what PrefixCacheAware routing created once the platform routes round robin. Kinds
   * whose CRD is not installed cannot have objects and are not asked for.
   */
  private void pruneEndpointPicker(ChildWriter writer, ResolvedPlatform p) {
    for (EndpointPickerRenderer.Child child : EndpointPickerRenderer.children(p.names())) {
      if (child.type() == InferencePool.class && !crds.isInstalled(CrdPresence.INFERENCEPOOLS)
          || child.type() == HTTPRoute.class && !crds.isInstalled(CrdPresence.HTTPROUTES)) {
        continue;
      }
      writer.prune(child.type(), p.names().namespace(), child.name());
    }
  }

  /**
   * Deletes the cluster-scoped children the platform created; namespaced ones go with their
   * owner. One labelled with another platform UID (a later platform of the same name) is not
   * this platform's to delete.
   */
  @Override
  public DeleteControl cleanup(InferencePlatform platform, Context<InferencePlatform> context) {
    ChildWriter writer = new ChildWriter(context.getClient(), platform);
    swept.remove(platform.getMetadata().getUid());
    Map<String, String> labels = new PlatformNames(platform).ownerLabels();
    if (crds == null || crds.isInstalled(CrdPresence.NODEPOOLS)) {
      writer.pruneClusterScoped(NodePool.class, labels, Set.of());
    }
    if (crds == null || crds.isInstalled(CrdPresence.EC2NODECLASSES)) {
      writer.pruneClusterScoped(EC2NodeClass.class, labels, Set.of());
    }
    return DeleteControl.defaultDelete();
  }

  /** An unexpected API error ends up in status (and is retried), never in a crash loop. */
  @Override
  public ErrorStatusUpdateControl<InferencePlatform> updateErrorStatus(InferencePlatform platform,
      Context<InferencePlatform> context, Exception e) {
    InferencePlatformStatus status = platform.getStatus() == null ? new InferencePlatformStatus() : platform.getStatus();
    status.setCondition(Conditions.READY, false, "ReconcileError", Conditions.message(e),
        platform.getMetadata().getGeneration());
    return ErrorStatusUpdateControl.patchStatus(StatusPatch.of(platform, status, InferencePlatform::new));
  }
}
