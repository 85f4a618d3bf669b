package dev.crossover.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.crossover.crd.RepoPaths;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The chart as the real helm renders it: lint, the CRDs it ships, the objects each value set
 * produces, least-privilege RBAC, restricted pod security, and values.schema.json refusing bad
 * values. Validation against Kubernetes schemas and a real API server is in
 * {@link ChartOnRealApiServerTest}.
 */
class HelmChartTest {

  static Stream<Arguments> valueSets() {
    return Chart.valueSets().entrySet().stream().map(e -> Arguments.of(e.getKey(), e.getValue()));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("valueSets")
  void lintStrictPasses(String name, List<String> values) {
    List<String> cmd = new ArrayList<>(List.of(Tools.helm().toString(), "lint", "--strict", Chart.dir().toString(),
        "--namespace", Chart.NAMESPACE, "--kube-version", Chart.KUBE_VERSION));
    cmd.addAll(values);
    Tools.Result r = Tools.run(cmd, Duration.ofMinutes(2));
    assertThat(r.exitCode()).as("helm lint --strict (%s):\n%s%s", name, r.stdout(), r.stderr()).isZero();
    assertThat(r.stdout()).contains("0 chart(s) failed");
  }

  @Test
  void chartCrdsAreTheRepositoryCrds() throws IOException {
    // helm installs crds/ of the chart before the templates; they must be the generated ones.
    assertThat(contents(Chart.dir().resolve("crds"))).as("helm/crossover/crds/ == crds/ (copy crds/*.yaml over)")
        .isEqualTo(contents(RepoPaths.crds()));
  }

  private static Map<String, String> contents(Path dir) throws IOException {
    Map<String, String> files = new TreeMap<>();
    try (var list = Files.list(dir)) {
      for (Path f : list.filter(p -> p.toString().endsWith(".yaml")).toList()) {
        files.put(f.getFileName().toString(), Files.readString(f));
      }
    }
    assertThat(files).as("CRD files in %s", dir).hasSize(3);
    return files;
  }

  @Test
  void defaultsDeployTheAppVersionImageWithLeaderElectionProbesAndMetrics() throws IOException {
    List<JsonNode> objects = Chart.objects(Chart.render(List.of()));
    assertThat(objects).extracting(o -> o.path("kind").asText()).containsExactlyInAnyOrder(
        "ServiceAccount", "ClusterRole", "ClusterRole", "ClusterRoleBinding", "ClusterRoleBinding", "Role", "RoleBinding",
        "Service", "Deployment");
    String appVersion = Chart.YAML.readTree(Chart.dir().resolve("Chart.yaml").toFile()).path("appVersion").asText();
    JsonNode deployment = Chart.one(objects, "Deployment");
    JsonNode pod = deployment.at("/spec/template/spec");
    JsonNode container = pod.at("/containers/0");
    assertThat(container.path("image").asText()).isEqualTo("ghcr.io/crossover-dev/crossover-operator:" + appVersion);
    assertThat(pod.path("serviceAccountName").asText()).isEqualTo("crossover");
    assertThat(container.at("/livenessProbe/httpGet/path").asText()).isEqualTo("/q/health/live");
    assertThat(container.at("/readinessProbe/httpGet/path").asText()).isEqualTo("/q/health/ready");
    assertThat(container.at("/ports/0/containerPort").asInt()).isEqualTo(8080);
    Map<String, String> env = env(container);
    assertThat(env).containsEntry("CROSSOVER_LEADER_ELECTION_LEASE_NAME", "crossover-operator-leader")
        .containsEntry("CROSSOVER_LEADER_ELECTION_NAMESPACE", Chart.NAMESPACE)
        .doesNotContainKeys("QUARKUS_OPERATOR_SDK_NAMESPACES", "CROSSOVER_IMAGES_LOADGEN");
    JsonNode service = Chart.one(objects, "Service");
    assertThat(service.at("/spec/ports/0/port").asInt()).isEqualTo(8080);
    assertThat(service.at("/spec/ports/0/targetPort").asText()).isEqualTo("http");
    assertThat(service.at("/spec/selector")).isEqualTo(deployment.at("/spec/selector/matchLabels"));
    // The Lease rights live in the release namespace, nowhere else.
    assertThat(Chart.one(objects, "Role").at("/metadata/namespace").asText()).isEqualTo(Chart.NAMESPACE);
    assertThat(Chart.one(objects, "ServiceAccount").path("metadata").has("annotations")).isFalse();
  }

  @Test
  void localDemoInstallUsesTheLocallyBuiltImage() {
    JsonNode container = Chart.one(Chart.objects(Chart.render(Chart.valueSets().get("local-demo"))), "Deployment")
        .at("/spec/template/spec/containers/0");
    // e2e/scripts/versions.sh OPERATOR_IMAGE; never pulled on the local cluster.
    assertThat(container.path("image").asText()).isEqualTo("crossover.local/operator:dev");
    assertThat(container.path("imagePullPolicy").asText()).isEqualTo("IfNotPresent");
  }

  @Test
  void imagesAndAwsSettingsBecomeTheOperatorsEnvironment() {
    List<String> args = new java.util.ArrayList<>();
    for (String v : List.of("images.litellm=mirror/litellm:1", "images.bifrost=mirror/bifrost:1",
        "images.endpointPickerConfigApiVersion=inference.networking.x-k8s.io/v1alpha1",
        "aws.enabled=true", "aws.region=eu-west-1", "aws.clusterName=prod-1", "aws.priceRefreshInterval=6h")) {
      args.addAll(List.of("--set", v));
    }
    JsonNode env = Chart.one(Chart.objects(Chart.render(args)), "Deployment").at("/spec/template/spec/containers/0/env");
    java.util.Map<String, String> vars = new java.util.HashMap<>();
    env.forEach(e -> vars.put(e.path("name").asText(), e.path("value").asText()));
    // The names are the operator's config keys (crossover.images.litellm -> CROSSOVER_IMAGES_LITELLM).
    assertThat(vars).containsEntry("CROSSOVER_IMAGES_LITELLM", "mirror/litellm:1")
        .containsEntry("CROSSOVER_IMAGES_BIFROST", "mirror/bifrost:1")
        .containsEntry("CROSSOVER_ENDPOINT_PICKER_CONFIG_API_VERSION", "inference.networking.x-k8s.io/v1alpha1")
        .containsEntry("CROSSOVER_AWS_ENABLED", "true").containsEntry("CROSSOVER_AWS_REGION", "eu-west-1")
        .containsEntry("CROSSOVER_AWS_CLUSTER_NAME", "prod-1").containsEntry("CROSSOVER_AWS_PRICE_REFRESH_INTERVAL", "6h");
    JsonNode defaults = Chart.one(Chart.objects(Chart.render(List.of())), "Deployment").at("/spec/template/spec/containers/0/env");
    assertThat(defaults.findValuesAsText("name")).contains("CROSSOVER_AWS_ENABLED")
        .doesNotContain("CROSSOVER_AWS_REGION", "CROSSOVER_IMAGES_LITELLM");
  }

  @Test
  void serviceMonitorScrapesTheMetricsServiceWhenEnabled() {
    List<JsonNode> objects = Chart.objects(Chart.render(Chart.valueSets().get("service-monitor")));
    JsonNode monitor = Chart.one(objects, "ServiceMonitor");
    assertThat(monitor.path("apiVersion").asText()).isEqualTo("monitoring.coreos.com/v1");
    assertThat(monitor.at("/metadata/labels/release").asText()).isEqualTo("kube-prometheus-stack");
    assertThat(monitor.at("/spec/endpoints/0/path").asText()).isEqualTo("/q/metrics");
    assertThat(monitor.at("/spec/endpoints/0/port").asText())
        .isEqualTo(Chart.one(objects, "Service").at("/spec/ports/0/name").asText());
    JsonNode serviceLabels = Chart.one(objects, "Service").at("/metadata/labels");
    monitor.at("/spec/selector/matchLabels").fields()
        .forEachRemaining(e -> assertThat(serviceLabels.path(e.getKey()).asText()).isEqualTo(e.getValue().asText()));
    assertThat(Chart.ofKind(Chart.objects(Chart.render(List.of())), "ServiceMonitor")).as("off by default").isEmpty();
  }

  @Test
  void irsaRoleBecomesTheServiceAccountAnnotation() {
    JsonNode sa = Chart.one(Chart.objects(Chart.render(Chart.valueSets().get("irsa"))), "ServiceAccount");
    assertThat(sa.at("/metadata/annotations/eks.amazonaws.com~1role-arn").asText())
        .isEqualTo("arn:aws:iam::123456789012:role/crossover-operator");
  }

  @Test
  void restrictedNamespacesBindNamespacedRightsOnlyThere() {
    List<JsonNode> objects = Chart.objects(Chart.render(Chart.valueSets().get("namespaces")));
    JsonNode deployment = Chart.one(objects, "Deployment");
    Map<String, String> env = env(deployment.at("/spec/template/spec/containers/0"));
    assertThat(env).containsEntry("QUARKUS_OPERATOR_SDK_NAMESPACES", "team-a,team-b")
        .containsEntry("CROSSOVER_LEADER_ELECTION_NAMESPACE", "ops")
        .containsEntry("CROSSOVER_IMAGES_LOADGEN", "registry.example/loadgen:1");
    assertThat(deployment.at("/spec/replicas").asInt()).isEqualTo(2);
    List<JsonNode> bindings = Chart.ofKind(objects, "RoleBinding").stream()
        .filter(b -> b.at("/roleRef/name").asText().equals("crossover-namespaced")).toList();
    assertThat(bindings).extracting(b -> b.at("/metadata/namespace").asText()).containsExactlyInAnyOrder("team-a", "team-b");
    assertThat(Chart.ofKind(objects, "ClusterRoleBinding")).as("namespaced rights are not bound cluster-wide")
        .noneMatch(b -> b.at("/roleRef/name").asText().equals("crossover-namespaced"));
    assertThat(Chart.one(objects, "Role").at("/metadata/namespace").asText()).isEqualTo("ops");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("valueSets")
  void rbacNamesEveryResourceAndVerb(String name, List<String> values) {
    List<JsonNode> objects = Chart.objects(Chart.render(values));
    List<JsonNode> roles = Stream.concat(Chart.ofKind(objects, "ClusterRole").stream(), Chart.ofKind(objects, "Role").stream()).toList();
    assertThat(roles).hasSize(3);
    for (JsonNode role : roles) {
      assertThat(role.path("rules")).isNotEmpty();
      for (JsonNode rule : role.path("rules")) {
        for (String field : List.of("apiGroups", "resources", "verbs")) {
          assertThat(rule.path(field)).as("%s %s", role.at("/metadata/name").asText(), field).isNotEmpty();
          rule.path(field).forEach(v -> assertThat(v.asText()).as("%s in %s", field, rule).doesNotContain("*"));
        }
        assertThat(rule.has("nonResourceURLs")).isFalse();
        rule.path("verbs").forEach(v -> assertThat(v.asText()).as("no privilege escalation verbs")
            .isNotIn("escalate", "bind", "impersonate"));
      }
    }
    // Secrets are never listed or watched: the operator reads the ones a spec names.
    roles.forEach(role -> role.path("rules").forEach(rule -> {
      if (contains(rule.path("resources"), "secrets")) {
        assertThat(rule.path("verbs")).extracting(JsonNode::asText).doesNotContain("list", "watch");
      }
    }));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("valueSets")
  void podSecurityIsRestricted(String name, List<String> values) {
    JsonNode pod = Chart.one(Chart.objects(Chart.render(values)), "Deployment").at("/spec/template/spec");
    assertThat(pod.at("/securityContext/runAsNonRoot").asBoolean()).isTrue();
    assertThat(pod.at("/securityContext/runAsUser").asInt()).isPositive();
    assertThat(pod.at("/securityContext/seccompProfile/type").asText()).isEqualTo("RuntimeDefault");
    assertThat(pod.path("hostNetwork").asBoolean(false)).isFalse();
    assertThat(pod.path("hostPID").asBoolean(false)).isFalse();
    for (JsonNode c : pod.path("containers")) {
      JsonNode sc = c.path("securityContext");
      assertThat(sc.path("allowPrivilegeEscalation").asBoolean(true)).isFalse();
      assertThat(sc.path("privileged").asBoolean(false)).isFalse();
      assertThat(sc.path("readOnlyRootFilesystem").asBoolean()).isTrue();
      assertThat(sc.at("/capabilities/drop")).extracting(JsonNode::asText).containsExactly("ALL");
      assertThat(sc.at("/capabilities/add").isMissingNode()).isTrue();
      assertThat(c.at("/resources/requests/memory").isMissingNode()).isFalse();
      assertThat(c.at("/resources/limits/memory").isMissingNode()).isFalse();
      // A writable /tmp for the JVM, since the root file system is read-only.
      assertThat(c.path("volumeMounts")).anyMatch(m -> m.path("mountPath").asText().equals("/tmp"));
    }
    assertThat(pod.path("volumes")).anyMatch(v -> v.path("name").asText().equals("tmp") && v.has("emptyDir"));
    assertThat(pod.path("volumes")).noneMatch(v -> v.has("hostPath"));
  }

  static Stream<Arguments> badValues() {
    return Stream.of(
        Arguments.of("replicas=-1", "/replicas"),
        Arguments.of("runAsUser=0", "/runAsUser"),
        Arguments.of("image.pullPolicy=Sometimes", "/image/pullPolicy"),
        Arguments.of("image.repository=", "/image/repository"),
        Arguments.of("image.tag=bad tag", "/image/tag"),
        Arguments.of("watchNamespaces={Team_A}", "/watchNamespaces/0"),
        Arguments.of("serviceAccount.irsa.roleArn=crossover-role", "/serviceAccount/irsa/roleArn"),
        Arguments.of("metrics.serviceMonitor.interval=often", "/metrics/serviceMonitor/interval"),
        Arguments.of("logLevel=LOUD", "/logLevel"),
        Arguments.of("resources.limits.memory=lots", "/resources/limits/memory"),
        Arguments.of("images.endpointPickerConfigApiVersion=v2", "/images/endpointPickerConfigApiVersion"),
        Arguments.of("aws.region=Ireland", "/aws/region"),
        Arguments.of("aws.priceRefreshInterval=daily", "/aws/priceRefreshInterval"),
        Arguments.of("replica=2", "replica"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("badValues")
  void valuesSchemaRejectsBadValues(String value, String path) {
    Tools.Result r = Chart.template(List.of("--set", value));
    assertThat(r.exitCode()).as("helm template --set %s must fail", value).isNotZero();
    assertThat(r.stderr()).contains("values don't meet the specifications of the schema").contains(path);
  }

  @Test
  void serviceMonitorWithoutTheServiceIsRefused() {
    Tools.Result r = Chart.template(List.of("--set", "metrics.serviceMonitor.enabled=true", "--set", "metrics.service.enabled=false"));
    assertThat(r.exitCode()).isNotZero();
    assertThat(r.stderr()).contains("metrics.serviceMonitor.enabled needs metrics.service.enabled");
  }

  static Map<String, String> env(JsonNode container) {
    Map<String, String> env = new TreeMap<>();
    container.path("env").forEach(e -> env.put(e.path("name").asText(), e.path("value").asText()));
    return env;
  }

  private static boolean contains(JsonNode array, String value) {
    for (JsonNode n : array) {
      if (value.equals(n.asText())) {
        return true;
      }
    }
    return false;
  }
}
