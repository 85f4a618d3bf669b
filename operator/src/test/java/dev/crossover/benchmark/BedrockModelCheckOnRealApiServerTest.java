package dev.crossover.benchmark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.crossover.api.v1alpha1.BenchmarkRun;
import dev.crossover.api.v1alpha1.BenchmarkRunStatus;
import dev.crossover.aws.AwsFacts;
import dev.crossover.aws.LocalAwsDouble;
import dev.crossover.aws.LocalAwsFacts;
import dev.crossover.testing.InJvmOperators;
import dev.crossover.testing.Crds;
import dev.crossover.testing.LocalApiServer;
import io.fabric8.kubernetes.api.model.Condition;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import io.javaoperatorsdk.operator.Operator;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The BenchmarkRun reconciler on a real kube-apiserver with the Bedrock control plane answered by
 * LocalAwsDouble (a local TEST DOUBLE, through the real SDK client): a wrong model id fails the
 * run with TargetsResolved=False naming the model before any load Job exists; a run with the
 * right id starts.
 */
@ExtendWith(LocalApiServer.class)
class BedrockModelCheckOnRealApiServerTest {

  private static final String NS = "bedrock-check";
  private static LocalAwsDouble aws;
  private static AwsFacts facts;
  private static AutoCloseable installed;
  private static Operator operator;

  @BeforeAll
  static void start(KubernetesClient client) throws Exception {
    aws = new LocalAwsDouble();
    aws.foundationModels.add(new LocalAwsDouble.FoundationModel("meta.llama3-1-70b-instruct-v1:0", "Llama 3.1 70B Instruct", "Meta", true));
    facts = LocalAwsFacts.start(aws, Optional.empty(), Clock.systemUTC());
    installed = AwsFacts.installShared(facts);
    Crds.install(client);
    client.namespaces().resource(new NamespaceBuilder().withNewMetadata().withName(NS).endMetadata().build()).serverSideApply();
    operator = InJvmOperators.on(client);
    operator.register(new BenchmarkRunReconciler("crossover-loadgen:test", Clock.systemUTC()), o -> o.settingNamespaces(NS));
    operator.start();
  }

  @AfterAll
  static void stop() throws Exception {
    if (operator != null) {
      operator.stop();
    }
    if (installed != null) {
      installed.close();
    }
    if (facts != null) {
      facts.close();
    }
    if (aws != null) {
      aws.close();
    }
  }

  @Test
  void aWrongModelIdHoldsTheRunWithAConditionNamingIt(KubernetesClient client) {
    BenchmarkRun run = new KubernetesSerialization().unmarshal("""
        apiVersion: crossover.dev/v1alpha1
        kind: BenchmarkRun
        metadata:
          name: typo
        spec:
          scenario: SimpleInference
          targets:
            - name: bedrock-llama70b
              bedrock:
                modelId: meta.llama3-1-70b-instruct-v9:0
          aws:
            region: us-east-1
            serviceAccountName: crossover-bedrock
        """, BenchmarkRun.class);
    run.getMetadata().setNamespace(NS);
    client.resource(run).create();

    await("TargetsResolved=False names the model").ignoreExceptions().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
      BenchmarkRunStatus status = client.resources(BenchmarkRun.class).inNamespace(NS).withName("typo").get().getStatus();
      assertThat(status).isNotNull();
      Condition resolved = status.condition(BenchmarkRunStatus.TARGETS_RESOLVED).orElseThrow();
      assertThat(resolved.getStatus()).isEqualTo("False");
      assertThat(resolved.getReason()).isEqualTo("BedrockModelNotFound");
      assertThat(resolved.getMessage()).contains("bedrock-llama70b").contains("meta.llama3-1-70b-instruct-v9:0")
          .contains("meta.llama3-1-70b-instruct-v1:0");
      assertThat(status.getPhase()).as("the spec is immutable: a wrong id cannot be fixed in place")
          .isEqualTo(BenchmarkRunStatus.Phase.Failed);
      assertThat(status.condition(BenchmarkRunStatus.FAILED).orElseThrow().getReason()).isEqualTo("BedrockModelNotFound");
    });
    assertThat(client.batch().v1().jobs().inNamespace(NS).list().getItems()).as("no load ran").isEmpty();

    // A run with the right id resolves and starts its first load Job.
    run.getMetadata().setName("fixed");
    run.getMetadata().setResourceVersion(null);
    run.getSpec().getTargets().get(0).getBedrock().setModelId("meta.llama3-1-70b-instruct-v1:0");
    // Through an interface VPC endpoint: the load pods' SDK client is pointed at it by the plan.
    String vpce = "https://vpce-0abc-12345.bedrock-runtime.us-east-1.vpce.amazonaws.com";
    run.getSpec().getTargets().get(0).getBedrock().setEndpointURL(vpce);
    client.resource(run).create();
    await("resolved when the id exists").ignoreExceptions().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
      BenchmarkRunStatus status = client.resources(BenchmarkRun.class).inNamespace(NS).withName("fixed").get().getStatus();
      assertThat(status.condition(BenchmarkRunStatus.TARGETS_RESOLVED).orElseThrow().getStatus()).isEqualTo("True");
      assertThat(client.batch().v1().jobs().inNamespace(NS).list().getItems()).isNotEmpty();
    });
    String plan = client.configMaps().inNamespace(NS).list().getItems().stream()
        .filter(cm -> cm.getData() != null && cm.getData().containsKey(LoadJobRenderer.PLAN_FILE))
        .findFirst().orElseThrow().getData().get(LoadJobRenderer.PLAN_FILE);
    assertThat(plan).containsPattern("\"endpointOverride\"\\s*:\\s*\"" + java.util.regex.Pattern.quote(vpce) + "\"");
    assertThat(aws.count("ListFoundationModels")).as("cached across reconciles").isEqualTo(1);
  }
}
