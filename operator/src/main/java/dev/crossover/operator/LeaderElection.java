package dev.crossover.operator;

import io.fabric8.kubernetes.client.extended.leaderelection.LeaderCallbacks;
import io.javaoperatorsdk.operator.api.config.LeaderElectionConfiguration;
import io.quarkus.runtime.Quarkus;
import io.quarkus.runtime.ShutdownEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Leader election for running several operator replicas: the Java Operator SDK starts the
 * controllers only in the replica holding the Lease. quarkus-operator-sdk picks up a
 * {@link LeaderElectionConfiguration} bean when one exists.
 *
 * <p>The SDK's own "exit on stop leading" calls {@code System.exit} from the leader-election
 * thread. On SIGTERM that thread stops leading <em>inside</em> the JVM's shutdown hook, and
 * {@code System.exit} there blocks forever: the pod hung until SIGKILL. So the SDK is told not to
 * exit, and this class exits only when leadership is lost while the operator is still running
 * (another replica took the Lease, or renewals failed) — a restart then campaigns again.
 */
@ApplicationScoped
public class LeaderElection {

  private static final Logger LOG = Logger.getLogger(LeaderElection.class);
  private static final Path SERVICE_ACCOUNT_NAMESPACE =
      Path.of("/var/run/secrets/kubernetes.io/serviceaccount/namespace");
  /** Exit code when leadership is lost while running; any non-zero code makes Kubernetes restart the pod. */
  static final int LOST_LEADERSHIP_EXIT_CODE = 1;

  private final AtomicBoolean shuttingDown = new AtomicBoolean();

  @Produces
  @Singleton
  LeaderElectionConfiguration leaderElection(
      @ConfigProperty(name = "crossover.leader-election.lease-name") String leaseName,
      @ConfigProperty(name = "crossover.leader-election.namespace") Optional<String> namespace) {
    LeaderCallbacks callbacks = new LeaderCallbacks(
        () -> LOG.infof("Leading: this replica reconciles (Lease %s)", leaseName),
        this::stoppedLeading,
        leader -> LOG.debugf("Lease %s held by %s", leaseName, leader));
    return new LeaderElectionConfiguration(leaseName, leaseNamespace(namespace),
        LeaderElectionConfiguration.LEASE_DURATION_DEFAULT_VALUE,
        LeaderElectionConfiguration.RENEW_DEADLINE_DEFAULT_VALUE,
        LeaderElectionConfiguration.RETRY_PERIOD_DEFAULT_VALUE,
        null, callbacks, false);
  }

  /** Runs before the operator is stopped, so the leader election thread sees the flag when it is cancelled. */
  void onShutdown(@Observes @Priority(1) ShutdownEvent event) {
    shuttingDown.set(true);
  }

  private void stoppedLeading() {
    if (shuttingDown.get()) {
      LOG.info("Stopped leading: shutting down");
      return;
    }
    LOG.warn("Lost the leader Lease while running; exiting so that a restart campaigns again");
    // asyncExit runs the orderly shutdown on its own thread, never on the leader-election thread.
    Quarkus.asyncExit(LOST_LEADERSHIP_EXIT_CODE);
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
