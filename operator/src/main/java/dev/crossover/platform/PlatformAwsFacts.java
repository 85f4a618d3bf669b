package dev.crossover.platform;

import dev.crossover.api.v1alpha1.EksClusterInfo;
import dev.crossover.api.v1alpha1.InferencePlatformStatus;
import dev.crossover.aws.AwsFacts;
import dev.crossover.aws.AwsProblem;
import dev.crossover.aws.ClusterFacts;
import dev.crossover.aws.Fetched;
import dev.crossover.aws.InstanceType;
import dev.crossover.aws.InstanceTypeCatalog;
import dev.crossover.aws.PriceRefresher;
import dev.crossover.cost.PriceCatalog;
import dev.crossover.operator.Conditions;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.Optional;

/**
 * What AWS says that one InferencePlatform reconcile needs, read once per reconcile from the
 * cached {@link AwsFacts}: the EKS cluster (default discovery tag, control plane price tier), the
 * instance type's accelerators (for the fit check) and the price catalog. Where AWS says nothing,
 * the spec and the embedded catalogs apply, and the conditions say which and why.
 */
record PlatformAwsFacts(Fetched<ClusterFacts> cluster, Optional<Fetched<InstanceType>> instanceType,
    InstanceTypeCatalog instanceTypes, PriceCatalog prices, boolean pricesEnabled, PriceRefresher.RefreshState priceState) {

  static PlatformAwsFacts of(AwsFacts aws, ResolvedPlatform p, Clock clock) {
    Optional<Fetched<InstanceType>> type = p.usesGpus() ? Optional.of(aws.instanceTypes().lookup(p.instanceType())) : Optional.empty();
    if (p.usesGpus() && p.provision()) {
      aws.prices().watchInstanceType(p.instanceType());
    }
    return new PlatformAwsFacts(aws.cluster().cluster(), type,
        type.map(aws.instanceTypes()::catalogWith).orElseGet(InstanceTypeCatalog::embedded),
        aws.prices().catalog(), aws.prices().enabled(), aws.prices().state());
  }

  /** The spec's discovery tag, else the discovered cluster's name. */
  Optional<String> discoveryTag(ResolvedPlatform p) {
    return p.discoveryTag().or(() -> cluster.known().map(ClusterFacts::name));
  }

  /** standard or extended: the tier the control plane is billed at (standard when the cluster is unknown). */
  String controlPlaneTier() {
    return cluster.known().map(ClusterFacts::priceTier).orElse("standard");
  }

  /** Writes ClusterDiscovered, LivePrices and status.cluster. */
  void report(InferencePlatformStatus status, Long generation) {
    switch (cluster) {
      case Fetched.Ok<ClusterFacts> ok -> {
        ClusterFacts c = ok.value();
        EksClusterInfo info = new EksClusterInfo();
        info.setName(c.name());
        info.setKubernetesVersion(c.kubernetesVersion());
        info.setSupportType(c.supportType());
        info.setPriceTier(c.priceTier());
        info.setFetchedAt(ok.fetchedAt().truncatedTo(ChronoUnit.SECONDS).toString());
        status.setCluster(info);
        status.setCondition(InferencePlatformStatus.CLUSTER_DISCOVERED, true, "Discovered", c.describe() + ".", generation);
      }
      case Fetched.Failed<ClusterFacts> f -> {
        status.setCluster(null);
        status.setCondition(InferencePlatformStatus.CLUSTER_DISCOVERED, false, f.problem().kind().reason(),
            f.problem().message() + fallback(), generation);
      }
      case Fetched.Pending<ClusterFacts> pending -> status.setCondition(InferencePlatformStatus.CLUSTER_DISCOVERED,
          Conditions.UNKNOWN, "AwsPending", pending.action() + " has not answered yet." + fallback(), generation);
    }
    if (!pricesEnabled) {
      status.setCondition(InferencePlatformStatus.LIVE_PRICES, false, AwsProblem.Kind.DISABLED.reason(),
          "crossover.aws.enabled is false: prices are the embedded catalog's (dated, with sources) unless pinned.", generation);
    } else if (priceState.lastSuccess() != null && priceState.problems().isEmpty()) {
      status.setCondition(InferencePlatformStatus.LIVE_PRICES, true, "Refreshed", priceState.livePrices()
          + " prices read from AWS, last at " + priceState.lastSuccess() + "; pinned prices still win.", generation);
    } else if (!priceState.problems().isEmpty()) {
      AwsProblem first = priceState.problems().get(0);
      status.setCondition(InferencePlatformStatus.LIVE_PRICES, false, first.kind().reason(), first.message()
          + (priceState.lastSuccess() == null ? " Prices are the embedded catalog's unless pinned."
              : " Other prices were read at " + priceState.lastSuccess() + "."), generation);
    } else {
      status.setCondition(InferencePlatformStatus.LIVE_PRICES, Conditions.UNKNOWN, "AwsPending",
          "The first price refresh has not finished: embedded prices apply until it does.", generation);
    }
  }

  /** The fit verdict with where the accelerator figures came from, and why not from EC2 when they did not. */
  ModelFit.Result withFactsSource(ModelFit.Result fit, String name) {
    String source = instanceTypes.find(name).map(t -> " Accelerator facts: " + t.source() + ".").orElse("");
    String why = instanceType.map(f -> switch (f) {
      case Fetched.Failed<InstanceType> failed when failed.problem().kind() != AwsProblem.Kind.DISABLED ->
          " (" + failed.problem().message() + ")";
      case Fetched.Pending<InstanceType> pending -> " (" + pending.action() + " has not answered yet)";
      default -> "";
    }).orElse("");
    return new ModelFit.Result(fit.verdict(), fit.message() + source + why, fit.weightsGiB(), fit.usableGiB());
  }

  private static String fallback() {
    return " Using the spec's node class settings and the standard control plane price.";
  }
}
