package dev.crossover.platform;

import dev.crossover.api.v1alpha1.CostItem;
import dev.crossover.api.v1alpha1.CostSpec;
import dev.crossover.api.v1alpha1.HourlyCost;
import dev.crossover.aws.InstanceType;
import dev.crossover.aws.InstanceTypeCatalog;
import dev.crossover.cost.PriceCatalog;
import dev.crossover.cost.PriceQuote;
import dev.crossover.cost.UnknownPriceException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What a platform costs per hour at its planned size: its GPU nodes at the catalog's (or the
 * spec's pinned) price, plus the EKS control plane the cluster pays for. Each item says where
 * its price came from. A price nobody knows is reported as such, never as zero.
 */
public final class PlatformHourlyCost {

  private final PriceCatalog prices;
  private final InstanceTypeCatalog instanceTypes;

  public PlatformHourlyCost(PriceCatalog prices, InstanceTypeCatalog instanceTypes) {
    this.prices = prices;
    this.instanceTypes = instanceTypes;
  }

  /** As {@link #of(ResolvedPlatform, String)} for a cluster in standard support. */
  public Optional<HourlyCost> of(ResolvedPlatform p) {
    return of(p, "standard");
  }

  /**
   * Empty for platforms that run no GPU nodes of their own (simulator, or existing nodes).
   *
   * @param controlPlaneTier standard or extended: the EKS support tier the control plane is billed at
   */
  public Optional<HourlyCost> of(ResolvedPlatform p, String controlPlaneTier) {
    if (!p.usesGpus() || !p.provision()) {
      return Optional.empty();
    }
    int nodes = nodesFor(p);
    CostSpec.InstancePricing pricing = p.capacityTypes().equals(List.of("spot"))
        ? CostSpec.InstancePricing.Spot : CostSpec.InstancePricing.OnDemand;
    var pins = p.source().getSpec().getPricing();
    List<CostItem> items = new ArrayList<>();
    BigDecimal total = BigDecimal.ZERO;
    boolean complete = true;
    String nodesItem = nodes + " x " + p.instanceType() + " " + (pricing == CostSpec.InstancePricing.Spot ? "spot" : "on-demand");
    try {
      PriceQuote node = prices.nodeHourly(p.instanceType(), pricing, pins);
      BigDecimal amount = node.usd().multiply(BigDecimal.valueOf(nodes));
      items.add(new CostItem(nodesItem, usd(amount), node.provenance()));
      total = total.add(amount);
    } catch (UnknownPriceException e) {
      complete = false;
      items.add(new CostItem(nodesItem, null, "Unknown: " + e.getMessage()));
    }
    try {
      PriceQuote eks = prices.controlPlaneHourly(controlPlaneTier, pins);
      items.add(new CostItem(eksItem(controlPlaneTier), usd(eks.usd()), eks.provenance()));
      total = total.add(eks.usd());
    } catch (UnknownPriceException e) {
      complete = false;
      items.add(new CostItem(eksItem(controlPlaneTier), null, "Unknown: " + e.getMessage()));
    }
    HourlyCost cost = new HourlyCost();
    cost.setItems(items);
    cost.setTotal(complete ? usd(total) : null);
    return Optional.of(cost);
  }

  private static String eksItem(String tier) {
    return "standard".equals(tier) ? "EKS control plane (whole cluster)" : "EKS control plane (whole cluster, " + tier + " support)";
  }

  /** Nodes for all replicas: as many replicas per node as its GPUs allow at the replica's TP size. */
  int nodesFor(ResolvedPlatform p) {
    // The spec's nodes.gpusPerNode wins: it is how a type the catalog does not know is described.
    int gpusPerNode = Optional.ofNullable(p.source().getSpec().getNodes()).map(n -> n.getGpusPerNode())
        .or(() -> instanceTypes.find(p.instanceType()).map(InstanceType::gpus)).orElse(p.tensorParallelSize());
    int replicasPerNode = Math.max(1, gpusPerNode / p.tensorParallelSize());
    return (p.replicas() + replicasPerNode - 1) / replicasPerNode;
  }

  private static String usd(BigDecimal amount) {
    return amount.setScale(4, RoundingMode.HALF_UP).stripTrailingZeros().toPlainString();
  }
}
