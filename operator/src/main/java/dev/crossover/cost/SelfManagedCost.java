package dev.crossover.cost;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Monthly cost of serving on EKS with vLLM: a step function of traffic.
 *
 * <p>The fleet grows in node groups: one group is {@code nodesPerReplica} nodes holding
 * {@code replicasPerNode} replicas (a 4-GPU node holds 4 replicas at tensor parallel 1; a replica
 * wider than a node would need several nodes, which the API refuses today). With op = hours of
 * operation per month (hoursPerMonth x hoursPerDay / 24) and off = hoursPerMonth - op:
 *
 * <pre>
 * groupHourly   = nodeHourly x nodesPerReplica
 * floorGroups   = ceil(minReplicas / replicasPerNode)            (0 with scale to zero)
 * tokensPerGroup = capacityPerReplica x replicasPerNode x op x 3600 / peakToMean
 * groups(T)     = max(floorGroups, 1, ceil(T / tokensPerGroup))  for T > 0
 * cost(T)       = fixed + groupHourly x (floorGroups x off + groups(T) x op)
 * cost(0)       = fixed + groupHourly x floorGroups x hoursPerMonth        (idle cost)
 * fixed         = controlPlaneHourly x hoursPerMonth                       (EKS, $0.10/h standard)
 *               + sum(pod replicas x (vCPU x $/vCPU-h + GiB x $/GiB-h)) x hoursPerMonth  (gateway, EPP)
 *               + operationsMonthly + line items                           (FTE share, Langfuse, ...)
 * </pre>
 *
 * Capacity per replica is the highest load the benchmark measured that still met the SLO, in
 * tokens per second (input + output) of the measured workload; it is only valid for that mix.
 * Replicas are sized for the peak (mean x peakToMean) because a node started on demand takes 8-15
 * minutes (seed 002): during the hours of operation the fleet is static at its peak size, the
 * conservative reading. Support pods, the control plane and line items run all month.
 *
 * @param nodeHourly price of one GPU node per hour (on-demand, spot, or a reserved rate)
 * @param sloTokensPerSecondPerReplica measured SLO-meeting load of one replica
 * @param peakToMean ratio of peak to mean traffic during the hours of operation (1 = flat; seed 002 reports about 8)
 * @param minReplicas the fleet's floor; 0 = scale to zero
 * @param replicasPerNode replicas one node holds (GPUs per node / tensor parallel size)
 * @param hoursPerDay hours of operation per day, 1-24
 * @param lineItems further fixed monthly costs (spec.cost.lineItems)
 */
public record SelfManagedCost(
    String name,
    int hoursPerMonth,
    PriceQuote nodeHourly,
    int nodesPerReplica,
    double sloTokensPerSecondPerReplica,
    double peakToMean,
    int minReplicas,
    PriceQuote controlPlaneHourly,
    List<SupportPod> supportPods,
    PodResourceRates podRates,
    BigDecimal operationsMonthlyUsd,
    int replicasPerNode,
    double hoursPerDay,
    List<CostLine> lineItems) implements CostCurve {

  public SelfManagedCost {
    Objects.requireNonNull(name);
    Objects.requireNonNull(nodeHourly);
    Objects.requireNonNull(controlPlaneHourly);
    supportPods = List.copyOf(supportPods);
    lineItems = List.copyOf(lineItems);
    Objects.requireNonNull(operationsMonthlyUsd);
    if (nodeHourly.unit() != PriceUnit.USD_PER_HOUR || controlPlaneHourly.unit() != PriceUnit.USD_PER_HOUR) {
      throw new IllegalArgumentException("Node and control plane prices must be USD per hour");
    }
    if (nodesPerReplica < 1 || replicasPerNode < 1 || minReplicas < 0) {
      throw new IllegalArgumentException("nodesPerReplica and replicasPerNode must be at least 1, minReplicas at least 0");
    }
    if (nodesPerReplica > 1 && replicasPerNode > 1) {
      throw new IllegalArgumentException("A replica spanning nodes cannot share a node with another");
    }
    if (!(sloTokensPerSecondPerReplica > 0) || Double.isInfinite(sloTokensPerSecondPerReplica)) {
      throw new IllegalArgumentException("Measured SLO-meeting capacity must be positive: " + sloTokensPerSecondPerReplica);
    }
    if (!(peakToMean >= 1) || Double.isInfinite(peakToMean)) {
      throw new IllegalArgumentException("peakToMean must be >= 1: " + peakToMean);
    }
    if (!(hoursPerDay > 0 && hoursPerDay <= 24)) {
      throw new IllegalArgumentException("hoursPerDay must be in (0, 24]: " + hoursPerDay);
    }
    if (!supportPods.isEmpty()) {
      Objects.requireNonNull(podRates, "support pods need pod resource rates");
    }
  }

  /** A fleet one replica per node, running around the clock, with no line items. */
  public SelfManagedCost(String name, int hoursPerMonth, PriceQuote nodeHourly, int nodesPerReplica,
      double sloTokensPerSecondPerReplica, double peakToMean, int minReplicas, PriceQuote controlPlaneHourly,
      List<SupportPod> supportPods, PodResourceRates podRates, BigDecimal operationsMonthlyUsd) {
    this(name, hoursPerMonth, nodeHourly, nodesPerReplica, sloTokensPerSecondPerReplica, peakToMean, minReplicas,
        controlPlaneHourly, supportPods, podRates, operationsMonthlyUsd, 1, 24, List.of());
  }

  private BigDecimal hours() {
    return BigDecimal.valueOf(hoursPerMonth);
  }

  /** Hours of operation in a month: hoursPerMonth x hoursPerDay / 24. */
  public BigDecimal operatingHours() {
    return hours().multiply(BigDecimal.valueOf(hoursPerDay)).divide(BigDecimal.valueOf(24), MathContext.DECIMAL128);
  }

  private BigDecimal offHours() {
    return hours().subtract(operatingHours());
  }

  /** Node groups the floor keeps: ceil(minReplicas / replicasPerNode). */
  public int floorGroups() {
    return (minReplicas + replicasPerNode - 1) / replicasPerNode;
  }

  /** Mean traffic one node group absorbs in a month, tokens: capacity x replicas per node x operating seconds / peakToMean. */
  public BigDecimal tokensPerMonthPerGroup() {
    BigDecimal atCapacity = BigDecimal.valueOf(sloTokensPerSecondPerReplica).multiply(BigDecimal.valueOf(replicasPerNode))
        .multiply(operatingHours()).multiply(BigDecimal.valueOf(3600));
    return atCapacity.divide(BigDecimal.valueOf(peakToMean), MathContext.DECIMAL128);
  }

  /** Kept for callers that think in replicas: equal to {@link #tokensPerMonthPerGroup()} at one replica per node. */
  public BigDecimal tokensPerMonthPerReplica() {
    return tokensPerMonthPerGroup().divide(BigDecimal.valueOf(replicasPerNode), MathContext.DECIMAL128);
  }

  /** Node groups running during the hours of operation at this traffic (the floor at zero traffic). */
  public long groups(BigDecimal tokensPerMonth) {
    if (tokensPerMonth.signum() == 0) {
      return floorGroups();
    }
    return Steps.units(tokensPerMonth, tokensPerMonthPerGroup(), Math.max(1, floorGroups()));
  }

  /** Replica capacity running at this traffic (groups x replicas per node). */
  public long replicas(BigDecimal tokensPerMonth) {
    return groups(tokensPerMonth) * replicasPerNode;
  }

  private BigDecimal groupHourly() {
    return nodeHourly.usd().multiply(BigDecimal.valueOf(nodesPerReplica));
  }

  /** One node group for the whole month. */
  public BigDecimal monthlyUsdPerReplica() {
    return groupHourly().multiply(hours());
  }

  /** Everything that does not depend on the node count. */
  public BigDecimal fixedMonthlyUsd() {
    BigDecimal items = lineItems.stream().map(CostLine::monthlyUsd).reduce(BigDecimal.ZERO, BigDecimal::add);
    return controlPlaneMonthlyUsd().add(supportPodsMonthlyUsd()).add(operationsMonthlyUsd).add(items);
  }

  @Override
  public BigDecimal idleMonthlyUsd() {
    return fixedMonthlyUsd().add(groupHourly().multiply(BigDecimal.valueOf(floorGroups())).multiply(hours()));
  }

  @Override
  public List<AffinePiece> pieces(BigDecimal upToTokens) {
    BigDecimal floorOffHours = groupHourly().multiply(BigDecimal.valueOf(floorGroups())).multiply(offHours());
    return Steps.pieces(fixedMonthlyUsd().add(floorOffHours), groupHourly().multiply(operatingHours()),
        tokensPerMonthPerGroup(), Math.max(1, floorGroups()), upToTokens);
  }

  /** The lines that make up {@link #monthlyUsd} at this traffic, with the source of each price. */
  public List<CostLine> breakdown(BigDecimal tokensPerMonth) {
    long groups = groups(tokensPerMonth);
    long nodes = groups * nodesPerReplica;
    BigDecimal gpu = tokensPerMonth.signum() == 0
        ? groupHourly().multiply(BigDecimal.valueOf(groups)).multiply(hours())
        : groupHourly().multiply(BigDecimal.valueOf(floorGroups()).multiply(offHours())
            .add(BigDecimal.valueOf(groups).multiply(operatingHours())));
    String when = hoursPerDay < 24 ? ", " + Figures.rate(hoursPerDay) + " h/day" + (floorGroups() > 0 && groups > floorGroups()
        ? " (" + floorGroups() * nodesPerReplica + " outside them)" : "") : "";
    List<CostLine> lines = new ArrayList<>();
    lines.add(new CostLine(nodes + " x " + nodeHourly.key().sku() + " (" + nodeHourly.key().item() + "), "
        + groups * replicasPerNode + " replica slot(s)" + when, gpu.stripTrailingZeros(), nodeHourly.provenance()));
    lines.add(new CostLine("EKS control plane (" + controlPlaneHourly.key().sku() + ")", controlPlaneMonthlyUsd(),
        controlPlaneHourly.provenance()));
    for (SupportPod pod : supportPods) {
      lines.add(new CostLine(pod.replicas() + " x " + pod.name() + " pod (" + pod.vcpu().stripTrailingZeros().toPlainString()
          + " vCPU, " + pod.memoryGiB().stripTrailingZeros().toPlainString() + " GiB requested)", podMonthlyUsd(pod),
          podRates.source()));
    }
    if (operationsMonthlyUsd.signum() > 0) {
      lines.add(new CostLine("operations (FTE share)", operationsMonthlyUsd, "spec.cost.operationsMonthlyUSD"));
    }
    lines.addAll(lineItems);
    return List.copyOf(lines);
  }

  private BigDecimal controlPlaneMonthlyUsd() {
    return controlPlaneHourly.usd().multiply(hours());
  }

  private BigDecimal supportPodsMonthlyUsd() {
    return supportPods.stream().map(this::podMonthlyUsd).reduce(BigDecimal.ZERO, BigDecimal::add);
  }

  private BigDecimal podMonthlyUsd(SupportPod pod) {
    BigDecimal hourly = pod.vcpu().multiply(podRates.usdPerVcpuHour()).add(pod.memoryGiB().multiply(podRates.usdPerGiBHour()));
    return hourly.multiply(BigDecimal.valueOf(pod.replicas())).multiply(hours());
  }
}
