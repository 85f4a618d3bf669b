package dev.crossover.benchmark;

import dev.crossover.api.v1alpha1.AgentCoreTarget;
import dev.crossover.api.v1alpha1.BenchmarkRun;
import dev.crossover.api.v1alpha1.BenchmarkTarget;
import dev.crossover.api.v1alpha1.GatewayProfile;
import dev.crossover.api.v1alpha1.InferencePlatform;
import dev.crossover.api.v1alpha1.ResolvedBackend;
import dev.crossover.api.v1alpha1.SecretKeyRef;
import dev.crossover.loadgen.plan.RunPlan;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.util.List;
import java.util.Optional;

/**
 * Resolves each target of a run against the cluster. A reference that does not resolve yet
 * (platform not Ready, gateway without an endpoint) is a reason to wait; one that cannot work
 * (an unsupported target kind) is a reason to fail. Either way the message names the target.
 */
public final class TargetResolver {

  /** The outcome for one target. */
  public sealed interface Resolution {
    record Resolved(ResolvedBenchmarkTarget target) implements Resolution {}
    record Waiting(String reason, String message) implements Resolution {}
    record Impossible(String reason, String message) implements Resolution {}
  }

  private final KubernetesClient client;
  private final BedrockTargetCheck bedrockCheck;

  public TargetResolver(KubernetesClient client) {
    this(client, dev.crossover.aws.AwsFacts::shared);
  }

  /** @param aws the Bedrock control plane facts a Bedrock target's model id is checked against */
  public TargetResolver(KubernetesClient client, java.util.function.Supplier<dev.crossover.aws.AwsFacts> aws) {
    this.client = client;
    this.bedrockCheck = new BedrockTargetCheck(aws);
  }

  public Resolution resolve(BenchmarkRun run, BenchmarkTarget t) {
    String ns = run.getMetadata().getNamespace();
    String defaultRegion = Optional.ofNullable(run.getSpec().getAws()).map(a -> a.getRegion()).orElse("us-east-1");
    if (t.getPlatformRef() != null) {
      String refNs = t.getPlatformRef().namespaceOr(ns);
      InferencePlatform p = client.resources(InferencePlatform.class).inNamespace(refNs)
          .withName(t.getPlatformRef().getName()).get();
      if (p == null) {
        return new Resolution.Waiting("PlatformNotFound", "target " + t.getName() + ": InferencePlatform "
            + refNs + "/" + t.getPlatformRef().getName() + " does not exist");
      }
      if (p.getStatus() == null || !p.getStatus().isTrue("Ready") || p.getStatus().getEndpoint() == null) {
        return new Resolution.Waiting("PlatformNotReady", "target " + t.getName() + ": InferencePlatform "
            + refNs + "/" + t.getPlatformRef().getName() + " is not Ready yet");
      }
      return resolved(t, "Platform", p.getStatus().getEndpoint(), p.getStatus().getServedModel(), null,
          Optional.of(facts(p)));
    }
    if (t.getGatewayRef() != null) {
      String refNs = t.getGatewayRef().namespaceOr(ns);
      GatewayProfile g = client.resources(GatewayProfile.class).inNamespace(refNs)
          .withName(t.getGatewayRef().getName()).get();
      if (g == null) {
        return new Resolution.Waiting("GatewayNotFound", "target " + t.getName() + ": GatewayProfile "
            + refNs + "/" + t.getGatewayRef().getName() + " does not exist");
      }
      if (g.getStatus() == null || !g.getStatus().isTrue("Ready") || g.getStatus().getEndpoint() == null) {
        return new Resolution.Waiting("GatewayNotReady", "target " + t.getName() + ": GatewayProfile "
            + refNs + "/" + t.getGatewayRef().getName() + " is not Ready yet");
      }
      List<ResolvedBackend> backends = Optional.ofNullable(g.getStatus().getResolvedBackends()).orElse(List.of());
      String model = backends.isEmpty() ? null : backends.get(0).getModel();
      boolean nativePath = g.getSpec().getType() == dev.crossover.api.v1alpha1.GatewayProfileSpec.Type.Native;
      SecretKeyRef key = nativePath || g.getStatus().getMasterKeySecret() == null ? null
          : new SecretKeyRef(g.getStatus().getMasterKeySecret(), dev.crossover.gateway.GatewayNames.MASTER_KEY_KEY);
      return resolved(t, "Gateway", g.getStatus().getEndpoint(), model, key, platformBehind(g, refNs));
    }
    if (t.getOpenAI() != null) {
      SecretKeyRef key = t.getOpenAI().getApiKeySecretRef() == null ? null
          : new SecretKeyRef(t.getOpenAI().getApiKeySecretRef().getName(), t.getOpenAI().getApiKeySecretRef().keyOr("apiKey"));
      return resolved(t, "OpenAI", t.getOpenAI().getUrl(), t.getOpenAI().getModel(), key, null);
    }
    if (t.getBedrock() != null) {
      String region = Optional.ofNullable(t.getBedrock().getRegion()).orElse(defaultRegion);
      Optional<Resolution> modelProblem = bedrockCheck.problem(t, region);
      if (modelProblem.isPresent()) {
        return modelProblem.get();
      }
      return new Resolution.Resolved(new ResolvedBenchmarkTarget(t.getName(), "Bedrock", t.getBedrock().getModelId(),
          new RunPlan.Target("bedrock", null, null, t.getBedrock().getModelId(), null, null, null, region,
              t.getBedrock().getEndpointURL(), null, null, Boolean.TRUE.equals(t.getBedrock().getPromptCaching())),
          null, false, Optional.empty(), t.getBedrock().getModelId()));
    }
    if (t.getAgentCore() != null) {
      AgentCoreTarget a = t.getAgentCore();
      // The region is the runtime ARN's (the load generator reads it from there); the SDK signs for it.
      return new Resolution.Resolved(new ResolvedBenchmarkTarget(t.getName(), "AgentCore", a.getAgentRuntimeArn(),
          new RunPlan.Target("agentcore", null, null, a.getAgentRuntimeArn(), null, null, null, null,
              a.getEndpointURL(), a.getQualifier(), a.getPayloadTemplate()),
          null, false, Optional.empty(), null));
    }
    return new Resolution.Impossible("TargetKindUnsupported", "target " + t.getName() + " names no target kind");
  }

  /** The first platform a gateway's backends name: what the gateway's traffic runs on. */
  private Optional<BenchmarkCosts.PlatformFacts> platformBehind(GatewayProfile g, String ns) {
    return g.getSpec().getBackends().stream().filter(b -> b.getPlatformRef() != null).findFirst()
        .map(b -> client.resources(InferencePlatform.class).inNamespace(b.getPlatformRef().namespaceOr(ns))
            .withName(b.getPlatformRef().getName()).get())
        .map(p -> withGateway(facts(p), g));
  }

  /** The platform's facts with the gateway's own pods added to what it runs. */
  static BenchmarkCosts.PlatformFacts withGateway(BenchmarkCosts.PlatformFacts platform, GatewayProfile g) {
    List<dev.crossover.cost.SupportPod> pods = new java.util.ArrayList<>(SupportPods.gateway(g));
    pods.addAll(platform.supportPods());
    return platform.withSupportPods(pods);
  }

  static BenchmarkCosts.PlatformFacts facts(InferencePlatform p) {
    var spec = p.getSpec();
    var engine = Optional.ofNullable(spec.getEngine());
    var nodes = Optional.ofNullable(spec.getNodes());
    String instanceType = nodes.map(n -> n.getInstanceType()).orElse("g5.2xlarge");
    return new BenchmarkCosts.PlatformFacts(instanceType,
        engine.map(e -> e.getReplicas()).orElse(1),
        engine.map(e -> e.getTensorParallelSize()).orElse(1),
        spec.getPricing(),
        engine.map(e -> e.getType() == dev.crossover.api.v1alpha1.EngineSpec.Type.Simulator).orElse(false),
        nodes.map(n -> n.getGpusPerNode()),
        SupportPods.platform(p),
        spec.getModel().getName(),
        Optional.ofNullable(spec.getRouting()).map(r -> r.getMode() == dev.crossover.api.v1alpha1.RoutingSpec.Mode.PrefixCacheAware)
            .orElse(false));
  }

  /**
   * An OpenAI-compatible target. platform present: self-managed (a platform or a gateway in front
   * of one); null: an external endpoint, neither self-managed nor priced per token here.
   */
  private static Resolution resolved(BenchmarkTarget t, String kind, String url, String model, SecretKeyRef key,
      Optional<BenchmarkCosts.PlatformFacts> platform) {
    boolean selfManaged = platform != null;
    if (model == null || model.isBlank()) {
      return new Resolution.Waiting("ModelUnknown", "target " + t.getName() + ": the model name is not known yet");
    }
    return new Resolution.Resolved(new ResolvedBenchmarkTarget(t.getName(), kind, url,
        new RunPlan.Target("openai", url, "chat", model, key == null ? null : ResolvedBenchmarkTarget.API_KEY_ENV,
            null, null, null, null),
        key, selfManaged, platform == null ? Optional.empty() : platform, null));
  }
}
