package dev.crossover.cost;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Monthly cost of serving on EKS with vLLM: a step function of traffic.
 *
 * <pre>
 * replicas(T) = max(minReplicas, ceil(T x peakToMean / capacityPerReplica))
 * cost(T)     = replicas(T) x nodesPerReplica x nodeHourly x hours      (GPU nodes)
 *             + controlPlaneHourly x hours                               (EKS, $0.10/h standard)
 *             + sum(pod replicas x (vCPU x $/vCPU-h + GiB x $/GiB-h)) x hours  (gateway, EPP)
 *             + operationsMonthly                                        (FTE share, seed 002)
 * </pre>
 *
 * Capacity per replica is the highest load the benchmark measured that still met the SLO, in
 * tokens per second (input + output) of the measured workload; it is only valid for that mix.
 * Replicas are sized for the peak (mean x peakToMean) because a node started on demand takes 8-15
 * minutes (seed 002): the fleet is static at its peak size, which is the conservative reading.
 * Idle GPUs cost money, so there is at least one replica even at zero traffic.
 *
 * @param nodeHourly price of one GPU node per hour (on-demand, spot, or a pinned reserved price)
 * @param sloTokensPerSecondPerReplica measured SLO-meeting load of one replica
 * @param peakToMean ratio of peak to mean traffic (1 = flat; seed 002 reports about 8)
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
    BigDecimal operationsMonthlyUsd) implements CostCurve {

  public SelfManagedCost {
    Objects.requireNonNull(name);
    Objects.requireNonNull(nodeHourly);
    Objects.requireNonNull(controlPlaneHourly);
    supportPods = List.copyOf(supportPods);
    Objects.requireNonNull(operationsMonthlyUsd);
    if (nodeHourly.unit() != PriceUnit.USD_PER_HOUR || controlPlaneHourly.unit() != PriceUnit.USD_PER_HOUR) {
      throw new IllegalArgumentException("Node and control plane prices must be USD per hour");
    }
    if (nodesPerReplica < 1 || minReplicas < 1) {
      throw new IllegalArgumentException("nodesPerReplica and minReplicas must be at least 1 (idle GPUs cost money)");
    }
    if (!(sloTokensPerSecondPerReplica > 0) || Double.isInfinite(sloTokensPerSecondPerReplica)) {
      throw new IllegalArgumentException("Measured SLO-meeting capacity must be positive: " + sloTokensPerSecondPerReplica);
    }
    if (!(peakToMean >= 1) || Double.isInfinite(peakToMean)) {
      throw new IllegalArgumentException("peakToMean must be >= 1: " + peakToMean);
    }
    if (!supportPods.isEmpty()) {
      Objects.requireNonNull(podRates, "support pods need pod resource rates");
    }
  }

  private BigDecimal hours() {
    return BigDecimal.valueOf(hoursPerMonth);
  }

  /** Mean traffic one replica absorbs in a month, tokens: capacity x seconds / peakToMean. */
  public BigDecimal tokensPerMonthPerReplica() {
    BigDecimal atCapacity = BigDecimal.valueOf(sloTokensPerSecondPerReplica).multiply(hours()).multiply(BigDecimal.valueOf(3600));
    return atCapacity.divide(BigDecimal.valueOf(peakToMean), MathContext.DECIMAL128);
  }

  public long replicas(BigDecimal tokensPerMonth) {
    return Steps.units(tokensPerMonth, tokensPerMonthPerReplica(), minReplicas);
  }

  public BigDecimal monthlyUsdPerReplica() {
    return nodeHourly.usd().multiply(BigDecimal.valueOf(nodesPerReplica)).multiply(hours());
  }

  /** Everything that does not depend on the replica count. */
  public BigDecimal fixedMonthlyUsd() {
    return controlPlaneMonthlyUsd().add(supportPodsMonthlyUsd()).add(operationsMonthlyUsd);
  }

  @Override
  public BigDecimal idleMonthlyUsd() {
    return fixedMonthlyUsd().add(monthlyUsdPerReplica().multiply(BigDecimal.valueOf(minReplicas)));
  }

  @Override
  public List<AffinePiece> pieces(BigDecimal upToTokens) {
    return Steps.pieces(fixedMonthlyUsd(), monthlyUsdPerReplica(), tokensPerMonthPerReplica(), minReplicas, upToTokens);
  }

  /** The lines that make up {@link #monthlyUsd} at this traffic, with the source of each price. */
  public List<CostLine> breakdown(BigDecimal tokensPerMonth) {
    long replicas = replicas(tokensPerMonth);
    List<CostLine> lines = new ArrayList<>();
    lines.add(new CostLine(replicas * nodesPerReplica + " x " + nodeHourly.key().sku() + " (" + nodeHourly.key().item() + ")",
        monthlyUsdPerReplica().multiply(BigDecimal.valueOf(replicas)), nodeHourly.provenance()));
    lines.add(new CostLine("EKS control plane (" + controlPlaneHourly.key().sku() + ")", controlPlaneMonthlyUsd(),
        controlPlaneHourly.provenance()));
    for (SupportPod pod : supportPods) {
      lines.add(new CostLine(pod.replicas() + " x " + pod.name() + " pod", podMonthlyUsd(pod), podRates.source()));
    }
    if (operationsMonthlyUsd.signum() > 0) {
      lines.add(new CostLine("operations (FTE share)", operationsMonthlyUsd, "spec.cost.operationsMonthlyUSD"));
    }
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
