package dev.crossover.platform;

import static org.assertj.core.api.Assertions.assertThat;

import dev.crossover.aws.InstanceTypeCatalog;
import dev.crossover.cost.PriceCatalog;
import org.junit.jupiter.api.Test;

class PlatformHourlyCostTest {

  private final PlatformHourlyCost cost = new PlatformHourlyCost(PriceCatalog.embedded(), InstanceTypeCatalog.embedded());

  @Test
  void fourG5TwoXlargeOnDemandPlusControlPlane() {
    // 4 x $1.212 (FACTS.md, g5.2xlarge on-demand) + $0.10 EKS standard = $4.948/h
    var hourly = cost.of(Platforms.resolved(Platforms.LLAMA_8B.replace("capacityTypes: [on-demand, spot]", "capacityTypes: [on-demand]"))).orElseThrow();
    assertThat(hourly.getTotal()).isEqualTo("4.948");
    assertThat(hourly.getItems()).first().satisfies(i -> {
      assertThat(i.getItem()).isEqualTo("4 x g5.2xlarge on-demand");
      assertThat(i.getUsdPerHour()).isEqualTo("4.848");
      assertThat(i.getSource()).startsWith("Catalog (");
    });
  }

  @Test
  void tensorParallelReplicasShareNoNodeAndAPinnedPriceWins() {
    var p = Platforms.resolved("""
        apiVersion: crossover.dev/v1alpha1
        kind: InferencePlatform
        metadata: {name: big}
        spec:
          model: {name: org/Llama-70B-AWQ}
          engine: {replicas: 3, tensorParallelSize: 2}
          nodes: {instanceType: g5.12xlarge}
          pricing: {instanceHourlyUSD: "3.40"}
        """);
    // 4 GPUs per g5.12xlarge / TP 2 = 2 replicas per node -> 3 replicas need 2 nodes.
    assertThat(cost.nodesFor(p)).isEqualTo(2);
    var hourly = cost.of(p).orElseThrow();
    assertThat(hourly.getItems().get(0).getUsdPerHour()).isEqualTo("6.8");
    assertThat(hourly.getItems().get(0).getSource()).startsWith("Pinned (");
    assertThat(hourly.getTotal()).isEqualTo("6.9");
  }

  @Test
  void theSpecsGpusPerNodeDescribesATypeTheCatalogLacks() {
    var p = Platforms.resolved("""
        apiVersion: crossover.dev/v1alpha1
        kind: InferencePlatform
        metadata: {name: new-type}
        spec:
          model: {name: org/Llama-8B}
          engine: {replicas: 8}
          nodes: {instanceType: x9.48xlarge, gpusPerNode: 8}
          pricing: {instanceHourlyUSD: "40"}
        """);
    // 8 GPUs per node at TP 1: the 8 replicas fit on one node (without gpusPerNode: 8 nodes).
    assertThat(cost.nodesFor(p)).isEqualTo(1);
  }

  @Test
  void anUnknownPriceIsReportedAsUnknownNotZero() {
    var p = Platforms.resolved("""
        apiVersion: crossover.dev/v1alpha1
        kind: InferencePlatform
        metadata: {name: l4}
        spec:
          model: {name: org/m-8B}
          nodes: {instanceType: g6e.xlarge}
        """);
    var hourly = cost.of(p).orElseThrow();
    assertThat(hourly.getTotal()).isNull();
    assertThat(hourly.getItems().get(0).getUsdPerHour()).isNull();
    assertThat(hourly.getItems().get(0).getSource()).startsWith("Unknown:").contains("g6e.xlarge");
  }

  @Test
  void simulatorPlatformsHaveNoGpuCost() {
    assertThat(cost.of(Platforms.resolved("""
        apiVersion: crossover.dev/v1alpha1
        kind: InferencePlatform
        metadata: {name: sim}
        spec:
          model: {name: crossover/sim}
          engine: {type: Simulator}
          nodes: {provision: false}
        """))).isEmpty();
  }
}
