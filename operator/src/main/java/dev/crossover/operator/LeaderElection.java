package dev.crossover.operator;

import io.javaoperatorsdk.operator.api.config.LeaderElectionConfiguration;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Leader election for running several operator replicas: the Java Operator SDK starts the
 * controllers only in the replica holding the Lease. quarkus-operator-sdk picks up a
 * {@link LeaderElectionConfiguration} bean when one exists.
 */
@ApplicationScoped
public class LeaderElection {

  private static final Path SERVICE_ACCOUNT_NAMESPACE =
      Path.of("/var/run/secrets/kubernetes.io/serviceaccount/namespace");

  @Produces
  @Singleton
  LeaderElectionConfiguration leaderElection(
      @ConfigProperty(name = "crossover.leader-election.lease-name") String leaseName,
      @ConfigProperty(name = "crossover.leader-election.namespace") Optional<String> namespace) {
    return new LeaderElectionConfiguration(leaseName, leaseNamespace(namespace));
  }

  /** The configured namespace, else the one the operator runs in, else "default" (outside a cluster). */
  static String leaseNamespace(Optional<String> configured) {
    if (configured.isPresent() && !configured.get().isBlank()) {
      return configured.get().trim();
    }
    try {
      if (Files.isReadable(SERVICE_ACCOUNT_NAMESPACE)) {
        return Files.readString(SERVICE_ACCOUNT_NAMESPACE).trim();
      }
    } catch (java.io.IOException e) {
      // fall through: not running in a pod
    }
    return "default";
  }
}
