package dev.crossover.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.crossover.crd.RepoPaths;
import dev.crossover.testing.Crds;
import dev.crossover.testing.LocalApiServer;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * What the chart renders, checked two ways against Kubernetes 1.34 itself:
 * <ol>
 *   <li>kubeconform -strict with schemas made from this API server's /openapi/v2 (built-in
 *       kinds) and from the CRD files (Crossover's and the Prometheus Operator's), converted as
 *       kubeconform's openapi2jsonschema does — the offline equivalent of its default schemas;</li>
 *   <li>a server-side dry-run apply of every object on the real kube-apiserver with the CRDs
 *       installed: full admission (schemas, defaulting, RBAC objects), nothing stored.</li>
 * </ol>
 * The first is what CI tooling runs on a chart; the second is the authority it approximates.
 */
@ExtendWith(LocalApiServer.class)
class ChartOnRealApiServerTest {

  @TempDir
  static Path schemas;
  @TempDir
  static Path work;
  static int builtInSchemas;
  static int crdSchemas;

  @BeforeAll
  static void schemasAndCrds(KubernetesClient client) throws IOException {
    ObjectNode openApi = (ObjectNode) Chart.YAML.readTree(client.raw(client.getMasterUrl() + "openapi/v2"));
    KubeconformSchemas.relaxQuantities(openApi);
    builtInSchemas = KubeconformSchemas.writeBuiltIns(openApi, schemas);
    List<Path> crdFiles = new ArrayList<>(yamlFiles(RepoPaths.crds()));
    crdFiles.addAll(yamlFiles(Tools.monitoringCrds()));
    crdSchemas = KubeconformSchemas.writeCrds(crdFiles, schemas);

    Crds.install(client);
    List<CustomResourceDefinition> monitoring = new ArrayList<>();
    for (Path f : yamlFiles(Tools.monitoringCrds())) {
      try (InputStream in = Files.newInputStream(f)) {
        CustomResourceDefinition crd = client.apiextensions().v1().customResourceDefinitions().load(in).item();
        monitoring.add(client.apiextensions().v1().customResourceDefinitions().resource(crd).forceConflicts().serverSideApply());
      }
    }
    Crds.awaitEstablished(client, monitoring);
    for (String ns : List.of(Chart.NAMESPACE, "team-a", "team-b", "ops")) {
      client.namespaces().resource(new NamespaceBuilder().withNewMetadata().withName(ns).endMetadata().build()).serverSideApply();
    }
  }

  static List<Path> yamlFiles(Path dir) throws IOException {
    try (var list = Files.list(dir)) {
      return list.filter(p -> p.toString().endsWith(".yaml")).sorted().toList();
    }
  }

  static Stream<Arguments> valueSets() {
    return Chart.valueSets().entrySet().stream().map(e -> Arguments.of(e.getKey(), e.getValue()));
  }

  @Test
  void schemasCoverTheBuiltInKindsAndEveryCrdVersion() {
    // 1.34 serves a few hundred group/version/kinds; each CRD file here serves one version.
    assertThat(builtInSchemas).isGreaterThan(200);
    assertThat(crdSchemas).isEqualTo(5);
    assertThat(schemas.resolve("apps/deployment_v1.json")).exists();
    assertThat(schemas.resolve("v1/serviceaccount_v1.json")).exists();
    assertThat(schemas.resolve("monitoring.coreos.com/servicemonitor_v1.json")).exists();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("valueSets")
  void kubeconformStrictAcceptsTheChart(String name, List<String> values) throws IOException {
    List<String> args = new ArrayList<>(values);
    args.add("--include-crds");
    String rendered = Chart.render(args);
    Tools.Result r = kubeconform(rendered, name);
    assertThat(r.exitCode()).as("kubeconform (%s):\n%s%s", name, r.stdout(), r.stderr()).isZero();
    long objects = Chart.objects(rendered).size();
    assertThat(r.stdout()).contains("Valid: " + objects + ", Invalid: 0, Errors: 0, Skipped: 0");
  }

  /** The schemas must be able to say no, or the test above proves nothing. */
  @Test
  void kubeconformStrictRefusesUnknownFieldsAndWrongTypes() throws IOException {
    String rendered = Chart.render(Chart.valueSets().get("service-monitor"));
    String misspelled = rendered.replace("imagePullPolicy:", "imagePullPolcy:");
    Tools.Result r = kubeconform(misspelled, "misspelled");
    assertThat(r.exitCode()).isNotZero();
    assertThat(r.stdout()).contains("Deployment crossover is invalid").contains("imagePullPolcy");

    String badMonitor = rendered.replace("path: /q/metrics", "path: /q/metrics\n      scrapeEvery: 30s");
    r = kubeconform(badMonitor, "bad-monitor");
    assertThat(r.exitCode()).isNotZero();
    assertThat(r.stdout()).contains("ServiceMonitor crossover is invalid").contains("scrapeEvery");

    String badPort = rendered.replace("containerPort: 8080", "containerPort: \"eighty\"");
    r = kubeconform(badPort, "bad-port");
    assertThat(r.exitCode()).isNotZero();
    assertThat(r.stdout()).contains("containerPort");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("valueSets")
  void realApiServerAdmitsEveryObject(String name, List<String> values, KubernetesClient client) {
    List<HasMetadata> items = client.load(new ByteArrayInputStream(Chart.render(values).getBytes(StandardCharsets.UTF_8))).items();
    assertThat(items).isNotEmpty();
    for (HasMetadata item : items) {
      HasMetadata admitted = client.resource(item).dryRun().fieldManager("chart-test").forceConflicts().serverSideApply();
      assertThat(admitted.getMetadata().getName()).as("%s %s admitted", item.getKind(), item.getMetadata().getName())
          .isEqualTo(item.getMetadata().getName());
    }
  }

  /** The kustomize install, and the example PrometheusRule, pass the same two checks. */
  @Test
  void kustomizeInstallAndPrometheusRuleAreValid(KubernetesClient client) throws IOException {
    String kustomized = Tools.run(List.of(Tools.kubectl().toString(), "kustomize", KustomizeFiles.dir().toString()),
        Duration.ofMinutes(1)).orFail("kubectl kustomize").stdout();
    String rules = Files.readString(RepoPaths.root().resolve("config/prometheus/rules.yaml"));
    for (String manifests : List.of(kustomized, rules)) {
      Tools.Result r = kubeconform(manifests, "config");
      assertThat(r.exitCode()).as("kubeconform:\n%s%s", r.stdout(), r.stderr()).isZero();
      for (HasMetadata item : client.load(new ByteArrayInputStream(manifests.getBytes(StandardCharsets.UTF_8))).items()) {
        if (item.getKind().equals("Namespace") || item.getKind().equals("CustomResourceDefinition")) {
          continue; // already there: installed in @BeforeAll
        }
        assertThat(client.resource(item).dryRun().fieldManager("config-test").forceConflicts().serverSideApply()).isNotNull();
      }
    }
  }

  static Tools.Result kubeconform(String manifests, String name) throws IOException {
    Path file = work.resolve(name + ".yaml");
    Files.writeString(file, manifests);
    return kubeconformFiles(List.of(file));
  }

  static Tools.Result kubeconformFiles(List<Path> files) {
    List<String> cmd = new ArrayList<>(List.of(Tools.kubeconform().toString(), "-strict", "-summary",
        "-kubernetes-version", Chart.KUBE_VERSION, "-schema-location", KubeconformSchemas.location(schemas)));
    files.forEach(f -> cmd.add(f.toString()));
    return Tools.run(cmd, Duration.ofMinutes(2));
  }

}
