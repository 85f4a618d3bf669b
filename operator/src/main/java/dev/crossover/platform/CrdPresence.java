package dev.crossover.platform;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Whether optional CRDs (Karpenter, Gateway API, Inference Extension) are installed, asked at
 * most once per TTL so that hundreds of platforms do not each ask on every reconcile.
 */
public class CrdPresence {
  public static final String NODEPOOLS = "nodepools.karpenter.sh";
  public static final String EC2NODECLASSES = "ec2nodeclasses.karpenter.k8s.aws";
  public static final String GATEWAYS = "gateways.gateway.networking.k8s.io";
  public static final String HTTPROUTES = "httproutes.gateway.networking.k8s.io";
  public static final String INFERENCEPOOLS = "inferencepools.inference.networking.k8s.io";

  private record Answer(boolean present, Instant at) {}

  private final KubernetesClient client;
  private final Duration ttl;
  private final Clock clock;
  private final Map<String, Answer> answers = new ConcurrentHashMap<>();

  public CrdPresence(KubernetesClient client, Duration ttl, Clock clock) {
    this.client = client;
    this.ttl = ttl;
    this.clock = clock;
  }

  public boolean isInstalled(String crdName) {
    Instant now = clock.instant();
    Answer cached = answers.get(crdName);
    if (cached != null && cached.at().plus(ttl).isAfter(now)) {
      return cached.present();
    }
    boolean present;
    try {
      present = client.apiextensions().v1().customResourceDefinitions().withName(crdName).get() != null;
    } catch (KubernetesClientException e) {
      if (e.getCode() != 403) {
        throw e;
      }
      // Without rights to read CRDs, assume present and let the apply itself say otherwise.
      present = true;
    }
    answers.put(crdName, new Answer(present, now));
    return present;
  }
}
