package dev.crossover.benchmark;

import dev.crossover.loadgen.result.RunResult;
import dev.crossover.loadgen.result.RunResultJson;
import io.fabric8.kubernetes.api.model.ContainerStatusBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * Plays the Job controller and the kubelet on an API server that has neither: creates a load
 * Job's pods as they would, one per completion index, finished, with the loadgen container's
 * termination message set to what loadgen wrote to /dev/termination-log (its compact result),
 * then counts them in the Job's status.
 */
final class LoadPods {

  private LoadPods() {}

  /** A real result a load pod printed in the local cluster (sim-direct, concurrency 1, 13 requests). */
  static RunResult recorded() throws Exception {
    return RunResultJson.read(Files.readString(Path.of("src/test/resources/loadgen/result-pretty.json")));
  }

  /** One finished pod for the completion index; podSuffix lets a test add a second pod for an index. */
  static Pod finishedPod(KubernetesClient client, Job job, int index, String podSuffix, RunResult result) {
    String ns = job.getMetadata().getNamespace();
    String jobName = job.getMetadata().getName();
    String message = RunResultJson.writeCompact(result);
    if (message.getBytes(java.nio.charset.StandardCharsets.UTF_8).length > 4096) {
      throw new IllegalArgumentException("a kubelet would not carry " + message.length() + " bytes as a termination message");
    }
    Pod pod = client.pods().inNamespace(ns).resource(new PodBuilder()
        .withNewMetadata()
          .withName(jobName + "-" + index + "-" + podSuffix)
          .withNamespace(ns)
          .addToLabels("job-name", jobName)
          .addToLabels(job.getSpec().getTemplate().getMetadata().getLabels())
          .addToAnnotations("batch.kubernetes.io/job-completion-index", Integer.toString(index))
          // The Job controller makes itself the pod's controller, as here.
          .addNewOwnerReference().withApiVersion("batch/v1").withKind("Job").withName(jobName)
            .withUid(job.getMetadata().getUid()).withController(true).withBlockOwnerDeletion(true).endOwnerReference()
        .endMetadata()
        .withSpec(job.getSpec().getTemplate().getSpec())
        .build()).create();
    pod.setStatus(new io.fabric8.kubernetes.api.model.PodStatusBuilder()
        .withPhase("Succeeded")
        .withContainerStatuses(new ContainerStatusBuilder()
            .withName(LoadJobRenderer.CONTAINER)
            .withImage(job.getSpec().getTemplate().getSpec().getContainers().get(0).getImage())
            .withImageID("")
            .withReady(false)
            .withRestartCount(0)
            .withNewState().withNewTerminated().withExitCode(0).withReason("Completed").withMessage(message)
              .withStartedAt(now()).withFinishedAt(now()).endTerminated().endState()
            .build())
        .build());
    return client.pods().inNamespace(ns).resource(pod).updateStatus();
  }

  /** The Job controller's bookkeeping: all shards succeeded. */
  static void markSucceeded(KubernetesClient client, Job job) {
    Job current = client.batch().v1().jobs().inNamespace(job.getMetadata().getNamespace())
        .withName(job.getMetadata().getName()).get();
    current.setStatus(new io.fabric8.kubernetes.api.model.batch.v1.JobStatusBuilder()
        .withStartTime(now())
        .withSucceeded(current.getSpec().getCompletions())
        .build());
    client.resource(current).updateStatus();
  }

  private static String now() {
    return Instant.now().truncatedTo(ChronoUnit.SECONDS).toString();
  }
}
