package dev.crossover.gateway;

import dev.crossover.api.v1alpha1.GatewayBackend;
import dev.crossover.api.v1alpha1.GatewayProfile;
import dev.crossover.api.v1alpha1.GatewayProfileSpec;
import dev.crossover.api.v1alpha1.ObjectRef;
import dev.crossover.api.v1alpha1.TenantSpec;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import java.util.ArrayList;
import java.util.List;

/** GatewayProfiles for tests, built the way a user writes them. */
final class Profiles {
  private Profiles() {}

  static GatewayProfile profile(GatewayProfileSpec.Type type, String... platformBackends) {
    GatewayProfile p = new GatewayProfile();
    p.setMetadata(new ObjectMetaBuilder().withName("gw").withNamespace("bench").withUid("uid-1").withGeneration(1L).build());
    GatewayProfileSpec spec = new GatewayProfileSpec();
    spec.setType(type);
    List<GatewayBackend> backends = new ArrayList<>();
    for (String name : platformBackends) {
      GatewayBackend b = new GatewayBackend();
      b.setName(name);
      b.setPlatformRef(new ObjectRef(name));
      backends.add(b);
    }
    spec.setBackends(backends);
    p.setSpec(spec);
    return p;
  }

  static TenantSpec tenant(String name, Integer rpm, Integer tpm, String budget, String period) {
    TenantSpec t = new TenantSpec();
    t.setName(name);
    t.setRequestsPerMinute(rpm);
    t.setTokensPerMinute(tpm);
    t.setBudgetUSD(budget);
    t.setBudgetPeriod(period);
    return t;
  }
}
