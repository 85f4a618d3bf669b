package dev.crossover.benchmark;

import dev.crossover.api.v1alpha1.BenchmarkRun;
import io.fabric8.kubernetes.api.model.MicroTime;
import io.fabric8.kubernetes.api.model.ObjectReferenceBuilder;
import io.fabric8.kubernetes.api.model.events.v1.Event;
import io.fabric8.kubernetes.api.model.events.v1.EventBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import org.jboss.logging.Logger;

/**
 * Kubernetes Events (events.k8s.io/v1) about a BenchmarkRun, for {@code kubectl describe} and
 * {@code kubectl events}: a load Job launched, a level measured or failed, the run finished.
 * Notes name targets, levels and Jobs only — never URLs (they may carry credentials) or keys.
 * An event that cannot be written is logged and dropped: it never fails a reconcile.
 */
public final class BenchmarkEvents {

  public static final String JOB_LAUNCHED = "LoadJobLaunched";
  public static final String LEVEL_MEASURED = "LevelMeasured";
  public static final String LEVEL_FAILED = "LevelFailed";
  public static final String RUN_SUCCEEDED = "RunSucceeded";
  public static final String RUN_FAILED = "RunFailed";

  static final String CONTROLLER = "crossover.dev/benchmarkrun-controller";
  private static final Logger LOG = Logger.getLogger(BenchmarkEvents.class);
  private static final DateTimeFormatter MICRO_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSSSS'Z'")
      .withZone(java.time.ZoneOffset.UTC);
  private static final AtomicLong SEQUENCE = new AtomicLong();

  private final Clock clock;
  private final String instance;

  public BenchmarkEvents(Clock clock) {
    this.clock = clock;
    this.instance = Optional.ofNullable(System.getenv("HOSTNAME")).filter(h -> !h.isBlank()).orElse("crossover-operator");
  }

  public void normal(KubernetesClient client, BenchmarkRun run, String reason, String action, String note) {
    emit(client, run, "Normal", reason, action, note);
  }

  public void warning(KubernetesClient client, BenchmarkRun run, String reason, String action, String note) {
    emit(client, run, "Warning", reason, action, note);
  }

  static Event event(BenchmarkRun run, String type, String reason, String action, String note, Instant at,
      String instance, long sequence) {
    String name = run.getMetadata().getName();
    return new EventBuilder()
        .withNewMetadata()
          // Unique per event, like client-go's recorder: <object>.<hex time><sequence>.
          .withName(name + "." + Long.toHexString(at.toEpochMilli()) + Long.toHexString(sequence))
          .withNamespace(run.getMetadata().getNamespace())
        .endMetadata()
        .withRegarding(new ObjectReferenceBuilder()
            .withApiVersion(run.getApiVersion())
            .withKind(run.getKind())
            .withNamespace(run.getMetadata().getNamespace())
            .withName(name)
            .withUid(run.getMetadata().getUid())
            .withResourceVersion(run.getMetadata().getResourceVersion())
            .build())
        .withType(type)
        .withReason(reason)
        .withAction(action)
        // The API rejects notes over 1 kB.
        .withNote(note.length() > 1000 ? note.substring(0, 1000) : note)
        .withEventTime(new MicroTime(MICRO_TIME.format(at.truncatedTo(ChronoUnit.MICROS))))
        .withReportingController(CONTROLLER)
        .withReportingInstance(instance)
        .build();
  }

  private void emit(KubernetesClient client, BenchmarkRun run, String type, String reason, String action, String note) {
    Event event = event(run, type, reason, action, note, Instant.now(clock), instance, SEQUENCE.incrementAndGet());
    try {
      client.events().v1().events().inNamespace(run.getMetadata().getNamespace()).resource(event).create();
    } catch (KubernetesClientException e) {
      LOG.warnf("Could not record event %s for BenchmarkRun %s/%s: %s", reason, run.getMetadata().getNamespace(),
          run.getMetadata().getName(), e.getMessage());
    }
  }
}
