package dev.crossover.testing;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.javaoperatorsdk.operator.Operator;

/**
 * A Java Operator SDK Operator in the test JVM on a test's client, configured as the packaged
 * operator is (application.properties): a watch the API server closes while freshly installed
 * CRDs settle is retried instead of failing the start (seen on a loaded machine). The client
 * stays open when the operator stops: the test owns it.
 */
public final class InJvmOperators {
  private InJvmOperators() {}

  public static Operator on(KubernetesClient client) {
    return new Operator(o -> o.withKubernetesClient(client).withCloseClientOnStop(false)
        .withStopOnInformerErrorDuringStartup(false));
  }
}
