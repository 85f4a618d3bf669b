package dev.crossover.testing;

import dev.crossover.crd.RepoPaths;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Installs the CRDs of crds/ — the files users apply — and waits until they are served. */
public final class Crds {
  private Crds() {}

  public static List<CustomResourceDefinition> install(KubernetesClient client) throws IOException {
    List<CustomResourceDefinition> installed = new ArrayList<>();
    try (var files = Files.list(RepoPaths.crds())) {
      for (Path file : files.filter(f -> f.toString().endsWith(".yaml")).sorted().toList()) {
        try (InputStream in = Files.newInputStream(file)) {
          CustomResourceDefinition crd = client.apiextensions().v1().customResourceDefinitions().load(in).item();
          installed.add(client.apiextensions().v1().customResourceDefinitions().resource(crd)
              .forceConflicts().serverSideApply());
        }
      }
    }
    for (CustomResourceDefinition crd : installed) {
      client.apiextensions().v1().customResourceDefinitions().withName(crd.getMetadata().getName())
          .waitUntilCondition(c -> c != null && c.getStatus() != null && c.getStatus().getConditions().stream()
              .anyMatch(cond -> "Established".equals(cond.getType()) && "True".equals(cond.getStatus())),
              60, TimeUnit.SECONDS);
    }
    return installed;
  }
}
