package dev.crossover.platform;

import dev.crossover.operator.OwnerReferences;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import java.util.List;
import java.util.Map;

/** Metadata of children: namespaced ones are owned (garbage-collected with the platform). */
final class Owners {
  private Owners() {}


  /** Metadata of a namespaced child: owner reference, labels. */
  static ObjectMeta owned(ResolvedPlatform p, String name, Map<String, String> extraLabels) {
    return new ObjectMetaBuilder()
        .withName(name)
        .withNamespace(p.names().namespace())
        .addToLabels(p.names().ownerLabels())
        .addToLabels(extraLabels)
        .withOwnerReferences(List.of(OwnerReferences.controllerOf(p.source())))
        .build();
  }

  /**
   * Metadata of a cluster-scoped child. A namespaced owner cannot own it, so it carries labels
   * naming the platform instead, and the platform's finalizer deletes it.
   */
  static ObjectMeta labelled(ResolvedPlatform p, String name) {
    return new ObjectMetaBuilder().withName(name).addToLabels(p.names().ownerLabels()).build();
  }
}
