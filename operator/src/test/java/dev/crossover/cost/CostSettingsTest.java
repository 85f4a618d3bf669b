package dev.crossover.cost;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.crossover.api.v1alpha1.CostSpec;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

class CostSettingsTest {

  @Test
  void defaultsAreSevenHundredThirtyHoursOnDemandNoOperationsAndALogSweep() {
    CostSettings settings = CostSettings.from(null);

    assertThat(settings.hoursPerMonth()).isEqualTo(730);
    assertThat(settings.instancePricing()).isEqualTo(CostSpec.InstancePricing.OnDemand);
    assertThat(settings.operationsMonthlyUsd()).isEqualByComparingTo("0");
    assertThat(settings.trafficLevels()).hasSize(16);
    assertThat(settings.trafficLevels().getFirst()).isEqualByComparingTo("1e6");
    assertThat(settings.trafficLevels().get(1)).isEqualByComparingTo("2e6");
    assertThat(settings.trafficLevels().get(2)).isEqualByComparingTo("5e6");
    assertThat(settings.maxTrafficLevel()).isEqualByComparingTo("1e11");
  }

  @Test
  void specValuesAreParsedAndSorted() {
    CostSpec spec = new CostSpec();
    spec.setHoursPerMonth(720);
    spec.setInstancePricing(CostSpec.InstancePricing.Spot);
    spec.setOperationsMonthlyUSD("7500.50");
    spec.setTrafficLevels(List.of("1e10", "5e8", "1e9", "1000000000"));  // the same level twice, spelled differently

    CostSettings settings = CostSettings.from(spec);

    assertThat(settings.hoursPerMonth()).isEqualTo(720);
    assertThat(settings.instancePricing()).isEqualTo(CostSpec.InstancePricing.Spot);
    assertThat(settings.operationsMonthlyUsd()).isEqualByComparingTo("7500.50");
    assertThat(settings.trafficLevels()).usingElementComparator(BigDecimal::compareTo)
        .containsExactly(new BigDecimal("5e8"), new BigDecimal("1e9"), new BigDecimal("1e10"));
  }

  @Test
  void aTrafficLevelThatIsNotANumberIsRejectedByName() {
    CostSpec spec = new CostSpec();
    spec.setTrafficLevels(List.of("lots"));
    assertThatThrownBy(() -> CostSettings.from(spec)).hasMessageContaining("spec.cost.trafficLevels").hasMessageContaining("lots");
  }
}
