package dev.crossover.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.fail;

import dev.crossover.crd.RepoPaths;
import dev.crossover.testing.Crds;
import dev.crossover.testing.LocalApiServer;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The CRDs of crds/ on a real kube-apiserver: they install, every sample is admitted, and every
 * manifest of the invalid corpus is rejected at admission with a message naming the field and
 * the rule (the "# expect:" lines at the top of each file).
 */
@ExtendWith(LocalApiServer.class)
class AdmissionAgainstRealApiServerTest {

  private static final String SAMPLES_NS = "samples";
  private static final String INVALID_NS = "invalid";

  @BeforeAll
  static void installCrds(KubernetesClient client) throws IOException {
    Crds.install(client);
    for (String ns : List.of(SAMPLES_NS, INVALID_NS)) {
      client.namespaces().resource(new NamespaceBuilder().withNewMetadata().withName(ns).endMetadata().build())
          .serverSideApply();
    }
  }

  @Test
  void crdsAreServedWithShortNamesCategoryAndPrinterColumns(KubernetesClient client) {
    Map<String, String> shortNames = Map.of(
        "inferenceplatforms.crossover.dev", "infp",
        "gatewayprofiles.crossover.dev", "gwp",
        "benchmarkruns.crossover.dev", "br");
    shortNames.forEach((name, shortName) -> {
      CustomResourceDefinition crd = client.apiextensions().v1().customResourceDefinitions().withName(name).get();
      assertThat(crd).as(name).isNotNull();
      assertThat(crd.getSpec().getScope()).isEqualTo("Namespaced");
      assertThat(crd.getSpec().getNames().getShortNames()).containsExactly(shortName);
      assertThat(crd.getSpec().getNames().getCategories()).containsExactly("crossover");
      var version = crd.getSpec().getVersions().get(0);
      assertThat(version.getName()).isEqualTo("v1alpha1");
      assertThat(version.getSubresources().getStatus()).as("status subresource").isNotNull();
      assertThat(version.getAdditionalPrinterColumns()).last().extracting(c -> c.getName()).isEqualTo("Age");
    });
  }

  @TestFactory
  Stream<DynamicTest> everySampleIsAdmitted(KubernetesClient client) throws IOException {
    List<Path> files;
    try (Stream<Path> walk = Files.walk(RepoPaths.samples())) {
      files = walk.filter(p -> p.toString().endsWith(".yaml")).sorted().toList();
    }
    assertThat(files).as("sample files").hasSizeGreaterThanOrEqualTo(15);
    return files.stream().map(file -> DynamicTest.dynamicTest(RepoPaths.samples().relativize(file).toString(), () -> {
      List<HasMetadata> items = client.load(Files.newInputStream(file)).items();
      assertThat(items).as("documents in %s", file).isNotEmpty();
      for (HasMetadata item : items) {
        HasMetadata created = client.resource(item).inNamespace(SAMPLES_NS).createOr(existing -> existing.update());
        assertThat(created.getMetadata().getUid()).as("%s/%s admitted", item.getKind(), item.getMetadata().getName())
            .isNotBlank();
      }
    }));
  }

  @TestFactory
  Stream<DynamicTest> everyInvalidManifestIsRejectedNamingFieldAndRule(KubernetesClient client) throws IOException {
    Path dir = Path.of("src/test/resources/invalid");
    List<Path> files;
    try (Stream<Path> list = Files.list(dir)) {
      files = list.filter(p -> p.toString().endsWith(".yaml")).sorted().toList();
    }
    assertThat(files).as("invalid corpus").hasSizeGreaterThanOrEqualTo(30);
    return files.stream().map(file -> DynamicTest.dynamicTest(file.getFileName().toString(), () -> {
      String text = Files.readString(file);
      List<String> expected = text.lines().filter(l -> l.startsWith("# expect: "))
          .map(l -> l.substring("# expect: ".length()).trim()).toList();
      assertThat(expected).as("%s has # expect: lines", file).isNotEmpty();
      GenericKubernetesResource manifest = client.getKubernetesSerialization()
          .unmarshal(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), GenericKubernetesResource.class);
      try {
        client.resource(manifest).inNamespace(INVALID_NS).create();
        fail("%s was admitted, but should be rejected with %s", file.getFileName(), expected);
      } catch (KubernetesClientException e) {
        assertThat(e.getCode()).as("HTTP status for %s: %s", file.getFileName(), e.getMessage()).isEqualTo(422);
        String message = e.getStatus() != null && e.getStatus().getMessage() != null ? e.getStatus().getMessage() : e.getMessage();
        for (String fragment : expected) {
          assertThat(message).as("rejection of %s", file.getFileName()).contains(fragment);
        }
      }
    }));
  }

  @Test
  void benchmarkRunSpecIsImmutableOnceCreated(KubernetesClient client) {
    String yaml = """
        apiVersion: crossover.dev/v1alpha1
        kind: BenchmarkRun
        metadata:
          name: immutable
        spec:
          scenario: SimpleInference
          targets:
            - name: t
              openAI: {url: "http://example.invalid/v1", model: m}
        """;
    GenericKubernetesResource run = client.getKubernetesSerialization().unmarshal(yaml, GenericKubernetesResource.class);
    GenericKubernetesResource created = client.resource(run).inNamespace(SAMPLES_NS).create();
    @SuppressWarnings("unchecked")
    Map<String, Object> spec = (Map<String, Object>) created.getAdditionalProperties().get("spec");
    spec.put("scenario", "Soak");
    assertThatThrownBy(() -> client.resource(created).inNamespace(SAMPLES_NS).update())
        .isInstanceOf(KubernetesClientException.class)
        .hasMessageContaining("spec is immutable");
  }

  /**
   * Immutability is a rule on spec; a transition rule does not run when spec disappears, so
   * removing spec (and adding another later) would get round it. spec is required instead.
   */
  @Test
  void benchmarkRunSpecCannotBeRemovedToGetRoundImmutability(KubernetesClient client) {
    String yaml = """
        apiVersion: crossover.dev/v1alpha1
        kind: BenchmarkRun
        metadata:
          name: immutable-no-removal
        spec:
          scenario: SimpleInference
          targets:
            - name: t
              openAI: {url: "http://example.invalid/v1", model: m}
        """;
    GenericKubernetesResource run = client.getKubernetesSerialization().unmarshal(yaml, GenericKubernetesResource.class);
    GenericKubernetesResource created = client.resource(run).inNamespace(SAMPLES_NS).create();
    created.getAdditionalProperties().remove("spec");
    assertThatThrownBy(() -> client.resource(created).inNamespace(SAMPLES_NS).update())
        .isInstanceOf(KubernetesClientException.class)
        .hasMessageContaining("spec: Required value");
  }
}
