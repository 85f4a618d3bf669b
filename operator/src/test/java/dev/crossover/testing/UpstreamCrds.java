package dev.crossover.testing;

import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The real upstream CRDs (Karpenter, its AWS provider, Gateway API, Inference Extension), as
 * e2e/scripts/fetch-crds.sh obtains them from their Go modules at test time. Never committed.
 */
public final class UpstreamCrds {
  private UpstreamCrds() {}

  public static Path directory() throws IOException, InterruptedException {
    Path script = dev.crossover.crd.RepoPaths.root().resolve("e2e/scripts/fetch-crds.sh");
    Process process = new ProcessBuilder("bash", script.toString()).redirectError(ProcessBuilder.Redirect.INHERIT).start();
    String out = new String(process.getInputStream().readAllBytes()).trim();
    if (process.waitFor() != 0 || out.isEmpty()) {
      throw new IllegalStateException("e2e/scripts/fetch-crds.sh failed (it needs Go and the Go module proxy)");
    }
    return Path.of(out.lines().reduce((a, b) -> b).orElseThrow());
  }

  public static List<CustomResourceDefinition> install(KubernetesClient client) throws IOException, InterruptedException {
    List<CustomResourceDefinition> installed = new ArrayList<>();
    try (var files = Files.list(directory())) {
      for (Path file : files.filter(f -> f.toString().endsWith(".yaml")).sorted().toList()) {
        try (InputStream in = Files.newInputStream(file)) {
          CustomResourceDefinition crd = client.apiextensions().v1().customResourceDefinitions().load(in).item();
          crd.getMetadata().setResourceVersion(null);
          installed.add(client.apiextensions().v1().customResourceDefinitions().resource(crd).forceConflicts().serverSideApply());
        }
      }
    }
    Crds.awaitEstablished(client, installed);
    return installed;
  }
}
