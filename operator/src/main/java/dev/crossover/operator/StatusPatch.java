package dev.crossover.operator;

import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.client.CustomResource;
import java.util.function.Supplier;

/**
 * Builds the object a reconciler returns for a server-side-apply status patch: only identity
 * and status, so the patch owns status fields and never touches spec or metadata others own.
 */
public final class StatusPatch {

  private StatusPatch() {}

  public static <S, R extends CustomResource<?, S>> R of(R primary, S status, Supplier<R> factory) {
    R patch = factory.get();
    patch.setMetadata(new ObjectMetaBuilder()
        .withName(primary.getMetadata().getName())
        .withNamespace(primary.getMetadata().getNamespace())
        .build());
    patch.setStatus(status);
    return patch;
  }
}
