package dev.crossover.benchmark;

import dev.crossover.api.v1alpha1.GatewayProfile;
import dev.crossover.api.v1alpha1.InferencePlatform;
import dev.crossover.cost.SupportPod;
import dev.crossover.gateway.GatewayObjects;
import dev.crossover.operator.Images;
import dev.crossover.platform.EndpointPickerRenderer;
import dev.crossover.platform.ResolvedPlatform;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The CPU pods a self-managed target runs besides its model servers, with the resource requests
 * the operator renders for them: the gateway Deployment (GatewayObjects) and, for
 * PrefixCacheAware routing, the endpoint picker (EndpointPickerRenderer). Read from the renderers
 * themselves so the price follows whatever they request.
 */
final class SupportPods {

  private static final BigDecimal GIB = BigDecimal.valueOf(1024L * 1024 * 1024);

  private SupportPods() {}

  /** The gateway pods of a GatewayProfile, as its Deployment requests them; none for Native. */
  static List<SupportPod> gateway(GatewayProfile g) {
    if (g.getSpec().getType() == dev.crossover.api.v1alpha1.GatewayProfileSpec.Type.Native) {
      return List.of();  // no gateway pod: the platform's own endpoint
    }
    Deployment d = GatewayObjects.deployment(g, List.of(), "", Images.defaults());
    return List.of(of(g.getSpec().getType() + " gateway", d));
  }

  /** The endpoint picker of a PrefixCacheAware platform; none for round robin. */
  static List<SupportPod> platform(InferencePlatform p) {
    List<SupportPod> pods = new ArrayList<>();
    for (var o : EndpointPickerRenderer.all(ResolvedPlatform.of(p, Images.defaults()))) {
      if (o instanceof Deployment d) {
        pods.add(of("llm-d endpoint picker", d));
      }
    }
    return pods;
  }

  /** Replicas x the sum of the containers' CPU and memory requests. */
  static SupportPod of(String name, Deployment d) {
    int replicas = Optional.ofNullable(d.getSpec().getReplicas()).orElse(1);
    BigDecimal cpu = BigDecimal.ZERO;
    BigDecimal memory = BigDecimal.ZERO;
    for (Container c : d.getSpec().getTemplate().getSpec().getContainers()) {
      Map<String, Quantity> requests = c.getResources() == null || c.getResources().getRequests() == null
          ? Map.of() : c.getResources().getRequests();
      if (requests.containsKey("cpu")) {
        cpu = cpu.add(requests.get("cpu").getNumericalAmount());
      }
      if (requests.containsKey("memory")) {
        memory = memory.add(requests.get("memory").getNumericalAmount().divide(GIB, MathContext.DECIMAL64));
      }
    }
    return new SupportPod(name, replicas, cpu.stripTrailingZeros(), memory.stripTrailingZeros());
  }
}
