package dev.crossover.operator;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.OwnerReference;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The one way the reconcilers write and remove their children.
 *
 * <ul>
 *   <li><b>One field manager</b>, {@link #FIELD_MANAGER}, for the whole operator: the children
 *       belong to the operator, not to one of its reconcilers, so two reconcilers can never fight
 *       over a field with forced applies, and {@code kubectl get -o yaml --show-managed-fields}
 *       names one writer.</li>
 *   <li><b>No takeover.</b> Before applying, the live object (if any) is read. An object whose
 *       controller is not this owner (missing controller reference, or one naming another UID —
 *       for a cluster-scoped child, the owner-UID label) is left untouched and reported as a
 *       {@link Refusal} the reconciler turns into a condition naming it. Conflicts are forced
 *       only on objects the owner controls (a hand edit of our Deployment is put back); a new
 *       object is applied without force, so one created in between by someone else fails the
 *       apply instead of being taken over.</li>
 *   <li><b>Earlier incarnations are ignored.</b> A resource deleted and recreated under the same
 *       name has a new UID: the old one's children, still waiting for the garbage collector,
 *       are not ours ({@link #controls}), so they are neither adopted nor read as results.</li>
 *   <li><b>Pruning</b> deletes only objects this owner controls.</li>
 * </ul>
 *
 * <p>Namespaced children get a controller owner reference to the owner; cluster-scoped ones
 * (a namespaced owner cannot own them) get {@link #OWNER_UID_LABEL} instead, beside the labels
 * naming the owner that the renderer puts on them.
 */
public final class ChildWriter {

  /** The operator's single server-side-apply field manager. */
  public static final String FIELD_MANAGER = "crossover-operator";
  /** On cluster-scoped children: the UID of the namespaced resource they belong to. */
  public static final String OWNER_UID_LABEL = "crossover.dev/owner-uid";

  /** A child that was not written, and why: reason for the condition, message naming the object. */
  public record Refusal(String reason, String object, String message) {}

  private final KubernetesClient client;
  private final HasMetadata owner;
  private final List<Refusal> refusals = new ArrayList<>();
  private final List<String> pruned = new ArrayList<>();

  public ChildWriter(KubernetesClient client, HasMetadata owner) {
    this.client = client;
    this.owner = owner;
  }

  /**
   * Applies a child, or refuses to (see the class comment): the live object after the apply, or
   * empty with the reason in {@link #refusals()}.
   */
  public <T extends HasMetadata> Optional<T> apply(T desired) {
    stamp(desired);
    T live = client.resource(desired).get();
    if (live != null) {
      if (!controls(live)) {
        notOwned(live);
        return Optional.empty();
      }
      if (live.getMetadata().getDeletionTimestamp() != null) {
        refuse(new Refusal("ChildBeingDeleted", describe(live), describe(live)
            + " is being deleted; it is created again once it is gone."));
        return Optional.empty();
      }
      if (immutableSelectorChanged(live, desired)) {
        // A Deployment's selector cannot change in place: replace the object (its pods go with it).
        client.resource(live).withPropagationPolicy(io.fabric8.kubernetes.api.model.DeletionPropagation.BACKGROUND).delete();
        return Optional.of(serverSideApply(desired, false));
      }
      return Optional.of(serverSideApply(desired, true));
    }
    try {
      return Optional.of(serverSideApply(desired, false));
    } catch (KubernetesClientException e) {
      if (e.getCode() == 409) {
        // Someone else created it between our read and our apply: theirs, not ours.
        refuse(new Refusal("NotOwned", describe(desired), describe(desired) + " was created by someone else while "
            + "Crossover was creating it: " + e.getStatus().getMessage()));
        return Optional.empty();
      }
      throw e;
    }
  }

  private <T extends HasMetadata> T serverSideApply(T desired, boolean force) {
    var resource = client.resource(desired).fieldManager(FIELD_MANAGER);
    return force ? resource.forceConflicts().serverSideApply() : resource.serverSideApply();
  }

  /**
   * Deletes a child that is no longer desired, if it exists and this owner controls it: the
   * object of the given type, namespace (null: cluster-scoped) and name.
   */
  public <T extends HasMetadata> boolean prune(Class<T> type, String namespace, String name) {
    T live = namespace == null ? client.resources(type).withName(name).get()
        : client.resources(type).inNamespace(namespace).withName(name).get();
    if (live == null || !controls(live)) {
      return false;
    }
    client.resource(live).delete();
    pruned.add(describe(live));
    return true;
  }

  /**
   * Deletes the cluster-scoped children of a type that carry the owner's labels but are not in
   * {@code keep}. One labelled with another UID (an earlier resource of the same name) is left
   * to that resource's finalizer; one without the UID label (written before the label existed)
   * is ours to remove.
   */
  public <T extends HasMetadata> List<String> pruneClusterScoped(Class<T> type, Map<String, String> ownerLabels,
      Set<String> keep) {
    List<String> removed = new ArrayList<>();
    for (T live : client.resources(type).withLabels(ownerLabels).list().getItems()) {
      String uid = labels(live).get(OWNER_UID_LABEL);
      if (keep.contains(live.getMetadata().getName()) || (uid != null && !uid.equals(uid(owner)))) {
        continue;
      }
      client.resource(live).delete();
      removed.add(describe(live));
    }
    pruned.addAll(removed);
    return removed;
  }

  /** Whether {@code owner} controls {@code child}: its controller reference, or for a cluster-scoped child its UID label. */
  public static boolean controls(HasMetadata owner, HasMetadata child) {
    if (child.getMetadata().getNamespace() == null || child.getMetadata().getNamespace().isEmpty()) {
      return Objects.equals(labels(child).get(OWNER_UID_LABEL), uid(owner));
    }
    return controller(child).map(ref -> Objects.equals(ref.getUid(), uid(owner))).orElse(false);
  }

  public boolean controls(HasMetadata child) {
    return controls(owner, child);
  }

  /** The live object of that type and name if this owner controls it; empty when absent or someone else's. */
  public <T extends HasMetadata> Optional<T> owned(Class<T> type, String namespace, String name) {
    T live = client.resources(type).inNamespace(namespace).withName(name).get();
    return live != null && controls(live) ? Optional.of(live) : Optional.empty();
  }

  /** Records that {@code live} is in the way and not ours, naming it and its controller. */
  public Refusal notOwned(HasMetadata live) {
    Refusal r = new Refusal("NotOwned", describe(live), describe(live) + " exists and is not controlled by "
        + describe(owner) + " (" + foreignController(live) + "): Crossover leaves it untouched. Delete or rename it, "
        + "or rename the " + owner.getKind() + ".");
    refuse(r);
    return r;
  }

  /** Records a refusal found outside {@link #apply} (a child seen by a reconciler that is not ours). */
  public void refuse(Refusal refusal) {
    refusals.add(refusal);
  }

  /** The children not written this pass, in the order met. */
  public List<Refusal> refusals() {
    return List.copyOf(refusals);
  }

  public Optional<Refusal> firstRefusal() {
    return refusals.stream().findFirst();
  }

  /** Kind/name of the children deleted this pass. */
  public List<String> pruned() {
    return List.copyOf(pruned);
  }

  /** The controller owner reference of an object, if it has one. */
  public static Optional<OwnerReference> controller(HasMetadata o) {
    List<OwnerReference> refs = o.getMetadata().getOwnerReferences();
    return refs == null ? Optional.empty() : refs.stream().filter(r -> Boolean.TRUE.equals(r.getController())).findFirst();
  }

  /** Kind/name, or Kind/namespace/name... kept short: Kind/name is what kubectl takes. */
  public static String describe(HasMetadata o) {
    return o.getKind() + "/" + o.getMetadata().getName();
  }

  private String foreignController(HasMetadata live) {
    if (!(live.getMetadata().getNamespace() == null || live.getMetadata().getNamespace().isEmpty())) {
      return controller(live).map(r -> "its controller is " + r.getKind() + "/" + r.getName() + " with UID " + r.getUid()
          + (r.getKind().equals(owner.getKind()) && r.getName().equals(owner.getMetadata().getName())
              ? ", an earlier " + owner.getKind() + " of the same name whose children await garbage collection" : ""))
          .orElse("it has no controller owner reference");
    }
    String uid = labels(live).get(OWNER_UID_LABEL);
    return uid == null ? "it has no " + OWNER_UID_LABEL + " label" : "its " + OWNER_UID_LABEL + " label is " + uid;
  }

  /** Owner reference (namespaced) or owner-UID label (cluster-scoped) on the desired object. */
  private void stamp(HasMetadata desired) {
    String ns = desired.getMetadata().getNamespace();
    if (ns == null || ns.isEmpty()) {
      Map<String, String> labels = new HashMap<>(labels(desired));
      labels.put(OWNER_UID_LABEL, uid(owner));
      desired.getMetadata().setLabels(labels);
    } else {
      desired.getMetadata().setOwnerReferences(new ArrayList<>(List.of(OwnerReferences.controllerOf(owner))));
    }
  }

  private static boolean immutableSelectorChanged(HasMetadata live, HasMetadata desired) {
    return live instanceof Deployment l && desired instanceof Deployment d
        && l.getSpec() != null && d.getSpec() != null
        && !(Objects.equals(matchLabels(l), matchLabels(d)) && Objects.equals(matchExpressions(l), matchExpressions(d)));
  }

  private static Map<String, String> matchLabels(Deployment d) {
    var s = d.getSpec().getSelector();
    return s == null || s.getMatchLabels() == null ? Map.of() : s.getMatchLabels();
  }

  private static List<?> matchExpressions(Deployment d) {
    var s = d.getSpec().getSelector();
    return s == null || s.getMatchExpressions() == null ? List.of() : s.getMatchExpressions();
  }

  private static Map<String, String> labels(HasMetadata o) {
    return o.getMetadata().getLabels() == null ? Map.of() : o.getMetadata().getLabels();
  }

  private static String uid(HasMetadata o) {
    return Objects.requireNonNull(o.getMetadata().getUid(), "the owner has no UID: it was not read from the API server");
  }
}
