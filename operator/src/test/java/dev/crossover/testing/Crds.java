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

  /** Waits until the API server serves each CRD (condition Established=True). */
  public static void awaitEstablished(KubernetesClient client, List<CustomResourceDefinition> crds) {
    for (CustomResourceDefinition crd : crds) {
      client.apiextensions().v1().customResourceDefinitions().withName(crd.getMetadata().getName())
          .waitUntilCondition(Crds::established, 60, TimeUnit.SECONDS);
    }
  }

  /** Null-safe: a CRD applied a moment ago may have no status, or no conditions, yet. */
  static boolean established(CustomResourceDefinition crd) {
    return crd != null && crd.getStatus() != null && crd.getStatus().getConditions() != null
        && crd.getStatus().getConditions().stream()
            .anyMatch(c -> "Established".equals(c.getType()) && "True".equals(c.getStatus()));
  }

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
    awaitEstablished(client, installed);
    return installed;
  }
}
