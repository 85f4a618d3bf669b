package dev.crossover.operator;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.OwnerReference;
import io.fabric8.kubernetes.api.model.OwnerReferenceBuilder;

/** The owner reference every reconciler puts on the namespaced children it creates. */
public final class OwnerReferences {
  private OwnerReferences() {}

  /**
   * Controller reference to the owner: children are garbage-collected with it, and
   * blockOwnerDeletion keeps a foreground delete of the owner waiting for them.
   */
  public static OwnerReference controllerOf(HasMetadata owner) {
    return new OwnerReferenceBuilder()
        .withApiVersion(owner.getApiVersion())
        .withKind(owner.getKind())
        .withName(owner.getMetadata().getName())
        .withUid(owner.getMetadata().getUid())
        .withController(true)
        .withBlockOwnerDeletion(true)
        .build();
  }
}
