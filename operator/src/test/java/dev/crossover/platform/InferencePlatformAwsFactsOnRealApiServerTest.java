package dev.crossover.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.crossover.api.v1alpha1.CostItem;
import dev.crossover.api.v1alpha1.InferencePlatform;
import dev.crossover.api.v1alpha1.InferencePlatformStatus;
import dev.crossover.aws.AwsFacts;
import dev.crossover.aws.LocalAwsDouble;
import dev.crossover.aws.LocalAwsFacts;
import dev.crossover.operator.Images;
import dev.crossover.platform.karpenter.EC2NodeClass;
import dev.crossover.testing.InJvmOperators;
import dev.crossover.testing.Crds;
import dev.crossover.testing.LocalApiServer;
import dev.crossover.testing.UpstreamCrds;
import io.fabric8.kubernetes.api.model.Condition;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.javaoperatorsdk.operator.Operator;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The InferencePlatform reconciler on a real kube-apiserver, with its AWS facts from the real SDK
 * clients against LocalAwsDouble (a local TEST DOUBLE of EKS, EC2, Pricing and Bedrock): the
 * discovered cluster names the EC2NodeClass's discovery tag and sets the control plane price
 * tier, DescribeInstanceTypes feeds the fit check, live prices price the nodes.
 */
@ExtendWith(LocalApiServer.class)
class InferencePlatformAwsFactsOnRealApiServerTest {

  private static final String NS = "platform-aws";
  private static LocalAwsDouble aws;
  private static AwsFacts facts;
  private static Operator operator;

  @BeforeAll
  static void start(KubernetesClient client) throws Exception {
    aws = new LocalAwsDouble();
    aws.cluster("demo", "1.31", "EXTENDED");
    aws.clusterVersionStatus.put("1.31", "EXTENDED_SUPPORT");
    aws.instanceTypes.put("g5.12xlarge", new LocalAwsDouble.InstanceTypeSpec("g5.12xlarge", 48, 196608,
        new LocalAwsDouble.Gpu("NVIDIA", "A10G", 4, 24576)));
    aws.ec2OnDemand("g5.12xlarge", "us-east-1", "5.8000000000");
    facts = LocalAwsFacts.start(aws, Optional.of("demo"), Clock.systemUTC());
    Crds.install(client);
    UpstreamCrds.install(client);
    client.namespaces().resource(new NamespaceBuilder().withNewMetadata().withName(NS).endMetadata().build()).serverSideApply();
    operator = InJvmOperators.on(client);
    operator.register(new InferencePlatformReconciler(Images.defaults(), Clock.systemUTC(), () -> facts),
        o -> o.settingNamespaces(NS));
    operator.start();
  }

  @AfterAll
  static void stop() {
    if (operator != null) {
      operator.stop();
    }
    if (facts != null) {
      facts.close();
    }
    if (aws != null) {
      aws.close();
    }
  }

  @Test
  void discoveredClusterAcceleratorsAndPricesReachStatusAndChildren(KubernetesClient client) {
    InferencePlatform platform = Platforms.fromYaml("""
        apiVersion: crossover.dev/v1alpha1
        kind: InferencePlatform
        metadata:
          name: llama70b
        spec:
          model:
            name: hugging-quants/Meta-Llama-3.1-70B-Instruct-AWQ-INT4
            servedName: llama-3.1-70b
          engine:
            tensorParallelSize: 4
          nodes:
            instanceType: g5.12xlarge
        """);
    platform.getMetadata().setNamespace(NS);
    platform.getMetadata().setUid(null);
    client.resource(platform).create();

    await("the EC2NodeClass carries the discovered cluster's tag").atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
      EC2NodeClass nodeClass = client.resources(EC2NodeClass.class).withName(new PlatformNames("llama70b", NS).clusterScoped()).get();
      assertThat(nodeClass).isNotNull();
      assertThat(nodeClass.getSpec().getSubnetSelectorTerms().get(0).getTags()).containsEntry("karpenter.sh/discovery", "demo");
      assertThat(nodeClass.getSpec().getRole()).isEqualTo("KarpenterNodeRole-demo");
    });
    // The first reconcile asked for g5.12xlarge's price; the refresh lands and the next reconcile uses it.
    await("status shows the cluster, EC2 accelerator facts and live prices").ignoreExceptions().atMost(Duration.ofSeconds(40)).untilAsserted(() -> {
      InferencePlatformStatus status = client.resources(InferencePlatform.class).inNamespace(NS).withName("llama70b").get().getStatus();
      assertThat(status.getCluster().getName()).isEqualTo("demo");
      assertThat(status.getCluster().getKubernetesVersion()).isEqualTo("1.31");
      assertThat(status.getCluster().getSupportType()).isEqualTo("EXTENDED");
      assertThat(status.getCluster().getPriceTier()).isEqualTo("extended");
      Condition discovered = status.condition(InferencePlatformStatus.CLUSTER_DISCOVERED).orElseThrow();
      assertThat(discovered.getStatus()).isEqualTo("True");
      assertThat(discovered.getMessage()).contains("demo").contains("1.31");
      Condition fits = status.condition(InferencePlatformStatus.MODEL_FITS).orElseThrow();
      assertThat(fits.getStatus()).isEqualTo("True");
      assertThat(fits.getMessage()).contains("EC2 DescribeInstanceTypes");
      assertThat(status.condition(InferencePlatformStatus.LIVE_PRICES).orElseThrow().getStatus()).isEqualTo("True");
      CostItem nodes = status.getHourlyCost().getItems().get(0);
      assertThat(nodes.getItem()).isEqualTo("1 x g5.12xlarge on-demand");
      assertThat(nodes.getUsdPerHour()).isEqualTo("5.8");
      assertThat(nodes.getSource()).startsWith("AWS (Pricing API GetProducts AmazonEC2 us-east-1");
      CostItem eks = status.getHourlyCost().getItems().get(1);
      assertThat(eks.getItem()).contains("extended support");
      assertThat(eks.getUsdPerHour()).isEqualTo("0.6");
      assertThat(status.getHourlyCost().getTotal()).isEqualTo("6.4");
    });
  }

  @Test
  void theSpecsDiscoveryTagWinsOverTheDiscoveredCluster(KubernetesClient client) {
    InferencePlatform platform = Platforms.fromYaml(Platforms.LLAMA_8B);
    platform.getMetadata().setNamespace(NS);
    platform.getMetadata().setUid(null);
    client.resource(platform).create();
    await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
      EC2NodeClass nodeClass = client.resources(EC2NodeClass.class).withName(new PlatformNames("llama8b", NS).clusterScoped()).get();
      assertThat(nodeClass).isNotNull();
      assertThat(nodeClass.getSpec().getSubnetSelectorTerms().get(0).getTags()).containsEntry("karpenter.sh/discovery", "my-cluster");
    });
  }

  @Test
  void deniedDiscoveryIsAConditionAndTheSpecAndStandardPriceApply() throws Exception {
    try (LocalAwsDouble denying = new LocalAwsDouble();
        AwsFacts deniedFacts = LocalAwsFacts.start(denying, Optional.of("demo"), Clock.systemUTC())) {
      denying.fail("DescribeCluster", LocalAwsDouble.Fault.DENY, 1);
      ResolvedPlatform p = Platforms.resolved("""
          apiVersion: crossover.dev/v1alpha1
          kind: InferencePlatform
          metadata:
            name: no-tag
          spec:
            model:
              name: hugging-quants/Meta-Llama-3.1-8B-Instruct-AWQ-INT4
          """);
      PlatformAwsFacts platformFacts = PlatformAwsFacts.of(deniedFacts, p, Clock.systemUTC());
      InferencePlatformStatus status = new InferencePlatformStatus();
      platformFacts.report(status, 1L);
      Condition discovered = status.condition(InferencePlatformStatus.CLUSTER_DISCOVERED).orElseThrow();
      assertThat(discovered.getStatus()).isEqualTo("False");
      assertThat(discovered.getReason()).isEqualTo("AwsAccessDenied");
      assertThat(discovered.getMessage()).contains("eks:DescribeCluster").contains("spec");
      assertThat(platformFacts.discoveryTag(p)).isEmpty();
      assertThat(platformFacts.controlPlaneTier()).isEqualTo("standard");
      assertThat(status.getCluster()).isNull();
    }
  }
}
