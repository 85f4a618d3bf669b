package dev.crossover.operator;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import io.fabric8.kubernetes.api.model.apps.DeploymentConditionBuilder;
import org.junit.jupiter.api.Test;

/** The one Ready rule for Deployments, case by case, as the Deployment controller reports them. */
class WorkloadReadinessTest {

  /** A Deployment at generation 2 with the given status counts (null observedGeneration: never observed). */
  private static Deployment deployment(Long observed, int replicas, int updated, int ready) {
    return new DeploymentBuilder()
        .withNewMetadata().withName("m-model").withGeneration(2L).endMetadata()
        .withNewStatus().withObservedGeneration(observed).withReplicas(replicas).withUpdatedReplicas(updated)
          .withReadyReplicas(ready).endStatus()
        .build();
  }

  @Test
  void readyOnlyWhenEveryDesiredReplicaRunsTheCurrentTemplateAndIsReady() {
    WorkloadReadiness r = WorkloadReadiness.of("model server replicas", deployment(2L, 2, 2, 2), 2, "");
    assertThat(r.ready()).isTrue();
    assertThat(r.reason()).isEqualTo(WorkloadReadiness.AVAILABLE);
    assertThat(r.status()).isEqualTo(Conditions.TRUE);
    assertThat(r.message()).startsWith("2/2 model server replicas ready");
  }

  @Test
  void aSpecTheControllerHasNotObservedIsARolloutEvenWithAllOldPodsReady() {
    WorkloadReadiness r = WorkloadReadiness.of("pods", deployment(1L, 2, 2, 2), 2, "");
    assertThat(r.ready()).isFalse();
    assertThat(r.reason()).isEqualTo(WorkloadReadiness.ROLLOUT_IN_PROGRESS);
    assertThat(r.message()).contains("generation 2");
    assertThat(WorkloadReadiness.of("pods", deployment(null, 0, 0, 0), 2, "").reason())
        .isEqualTo(WorkloadReadiness.ROLLOUT_IN_PROGRESS);
  }

  @Test
  void oldPodsStillReadyDuringASurgeAreNotReadiness() {
    // maxSurge 1: the new pod is created (updated 1) while the old one still serves (ready 1).
    WorkloadReadiness r = WorkloadReadiness.of("pods", deployment(2L, 2, 1, 1), 1, "");
    assertThat(r.ready()).isFalse();
    assertThat(r.reason()).isEqualTo(WorkloadReadiness.ROLLOUT_IN_PROGRESS);
    assertThat(r.message()).contains("1 of the previous still running");
    assertThat(WorkloadReadiness.of("pods", deployment(2L, 2, 1, 2), 2, "").reason())
        .isEqualTo(WorkloadReadiness.ROLLOUT_IN_PROGRESS);
  }

  @Test
  void replicasOnTheCurrentTemplateButNotReadyYetSayWhy() {
    WorkloadReadiness r = WorkloadReadiness.of("model server replicas", deployment(2L, 2, 2, 1), 2, "(model load takes minutes).");
    assertThat(r.ready()).isFalse();
    assertThat(r.reason()).isEqualTo(WorkloadReadiness.REPLICAS_NOT_READY);
    assertThat(r.message()).isEqualTo("1/2 model server replicas ready (model load takes minutes).");
    assertThat(r.readyReplicas()).isEqualTo(1);
  }

  @Test
  void zeroReplicasAreNotReadyWithOneReasonWhateverTheDeploymentSays() {
    for (Deployment d : new Deployment[] {null, deployment(2L, 0, 0, 0), deployment(1L, 1, 1, 1)}) {
      WorkloadReadiness r = WorkloadReadiness.of("pods", d, 0, "");
      assertThat(r.ready()).isFalse();
      assertThat(r.reason()).isEqualTo(WorkloadReadiness.SCALED_TO_ZERO);
    }
  }

  @Test
  void aMissingDeploymentAndAStalledRolloutAreNamed() {
    assertThat(WorkloadReadiness.of("pods", null, 1, "").reason()).isEqualTo(WorkloadReadiness.NOT_CREATED);
    Deployment stuck = deployment(2L, 2, 1, 1);
    stuck.getStatus().setConditions(java.util.List.of(new DeploymentConditionBuilder().withType("Progressing").withStatus("False")
        .withReason("ProgressDeadlineExceeded").withMessage("ReplicaSet \"m-model-2\" has timed out progressing.").build()));
    WorkloadReadiness r = WorkloadReadiness.of("pods", stuck, 1, "");
    assertThat(r.reason()).isEqualTo(WorkloadReadiness.ROLLOUT_STUCK);
    assertThat(r.message()).contains("ProgressDeadlineExceeded");
  }
}
