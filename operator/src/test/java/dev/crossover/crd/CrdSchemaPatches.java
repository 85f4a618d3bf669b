package dev.crossover.crd;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.crossover.api.v1alpha1.ApiGroup;
import dev.crossover.api.v1alpha1.BenchmarkRun;
import dev.crossover.api.v1alpha1.GatewayProfile;
import dev.crossover.api.v1alpha1.InferencePlatform;
import java.util.List;

/**
 * Schema constraints fabric8's CRD generator has no annotation for, declared here by kind and
 * path and applied to the generated schema: list types (so the API server refuses duplicate
 * keys and server-side apply merges entries by key) and patterns on Kubernetes quantities
 * (fabric8's {@code @Pattern} does not reach fields of type Quantity).
 *
 * <p>A path is dot-separated property names from the root of the schema; {@code []} steps into
 * a list's items and {@code {}} into a map's values. A path that no longer resolves fails the
 * generation, so renaming a field cannot silently drop its constraint.
 */
public final class CrdSchemaPatches {

  /** One constraint on the schema node at {@code path} of {@code kind}'s CRD. */
  public record Patch(Class<?> kind, String path, Constraint constraint) {}

  public sealed interface Constraint permits ListType, Pattern, MaxLength, MaxNameLength {
    void applyTo(ObjectNode schema, String where);
  }

  /** x-kubernetes-list-type set (scalars, no duplicates) or map (objects keyed by the given fields). */
  public record ListType(String type, List<String> keys) implements Constraint {
    public static ListType set() { return new ListType("set", List.of()); }
    public static ListType mapKeyedBy(String... keys) { return new ListType("map", List.of(keys)); }

    @Override
    public void applyTo(ObjectNode schema, String where) {
      if (!"array".equals(schema.path("type").asText())) {
        throw new IllegalStateException(where + " is not a list");
      }
      schema.put("x-kubernetes-list-type", type);
      if (type.equals("map")) {
        ArrayNode mapKeys = schema.putArray("x-kubernetes-list-map-keys");
        keys.forEach(mapKeys::add);
        // The API server requires map keys to be required (or defaulted) in the items.
        ObjectNode items = (ObjectNode) schema.path("items");
        ArrayNode required = items.has("required") ? (ArrayNode) items.get("required") : items.putArray("required");
        for (String key : keys) {
          if (!items.path("properties").has(key)) {
            throw new IllegalStateException(where + " has no key field " + key);
          }
          boolean present = false;
          for (JsonNode r : required) {
            present |= r.asText().equals(key);
          }
          if (!present) {
            required.add(key);
          }
        }
      }
    }
  }

  /** A regular expression the string form of the value must match (int-or-string quantities). */
  public record Pattern(String regex) implements Constraint {
    @Override
    public void applyTo(ObjectNode schema, String where) {
      schema.put("pattern", regex);
    }
  }

  /** Longest string: bounds the cost of CEL rules over the value. */
  public record MaxLength(int max) implements Constraint {
    @Override
    public void applyTo(ObjectNode schema, String where) {
      if (!"string".equals(schema.path("type").asText())) {
        throw new IllegalStateException(where + " is not a string");
      }
      schema.put("maxLength", max);
    }
  }

  /**
   * A limit on metadata.name (the root schema may constrain metadata.name and nothing else of
   * metadata): every child name and label value derived from the name stays valid, and CEL
   * rules reading the name have a bounded cost.
   */
  public record MaxNameLength(int max) implements Constraint {
    @Override
    public void applyTo(ObjectNode root, String where) {
      ObjectNode metadata = root.withObjectProperty("properties").withObjectProperty("metadata");
      metadata.put("type", "object");
      ObjectNode name = metadata.withObjectProperty("properties").withObjectProperty("name");
      name.put("type", "string");
      name.put("maxLength", max);
    }
  }

  private static final Pattern SIZE = new Pattern(ApiGroup.SIZE_QUANTITY_PATTERN);
  private static final Pattern QUANTITY = new Pattern(ApiGroup.QUANTITY_PATTERN);

  public static final List<Patch> PATCHES = List.of(
      new Patch(InferencePlatform.class, "", new MaxNameLength(InferencePlatform.MAX_NAME_LENGTH)),
      new Patch(GatewayProfile.class, "", new MaxNameLength(GatewayProfile.MAX_NAME_LENGTH)),
      new Patch(BenchmarkRun.class, "", new MaxNameLength(BenchmarkRun.MAX_NAME_LENGTH)),

      new Patch(InferencePlatform.class, "spec.nodes.capacityTypes", ListType.set()),
      new Patch(InferencePlatform.class, "spec.engine.extraArgs.[]", new MaxLength(1024)),
      new Patch(InferencePlatform.class, "spec.engine.shmSize", SIZE),
      new Patch(InferencePlatform.class, "spec.engine.modelCacheSize", SIZE),
      new Patch(InferencePlatform.class, "spec.nodes.nodeClass.ec2.dataVolumeSize", SIZE),
      new Patch(InferencePlatform.class, "status.conditions", ListType.mapKeyedBy("type")),

      new Patch(GatewayProfile.class, "spec.backends", ListType.mapKeyedBy("name")),
      new Patch(GatewayProfile.class, "spec.tenants", ListType.mapKeyedBy("name")),
      new Patch(GatewayProfile.class, "spec.resources.limits.{}", QUANTITY),
      new Patch(GatewayProfile.class, "spec.resources.requests.{}", QUANTITY),
      new Patch(GatewayProfile.class, "status.conditions", ListType.mapKeyedBy("type")),

      new Patch(BenchmarkRun.class, "spec.targets", ListType.mapKeyedBy("name")),
      new Patch(BenchmarkRun.class, "spec.cost.prices", ListType.mapKeyedBy("key")),
      new Patch(BenchmarkRun.class, "spec.cost.trafficLevels", ListType.set()),
      new Patch(BenchmarkRun.class, "spec.cost.lineItems", ListType.mapKeyedBy("name")),
      // Read as BigDecimal by CostSettings: refuse what it cannot parse at admission.
      new Patch(BenchmarkRun.class, "spec.cost.trafficLevels.[]", new Pattern(ApiGroup.COUNT_PATTERN)),
      new Patch(BenchmarkRun.class, "spec.cost.trafficLevels.[]", new MaxLength(32)),
      new Patch(BenchmarkRun.class, "spec.load.concurrency", ListType.set()),
      new Patch(BenchmarkRun.class, "spec.load.rates", ListType.set()),
      new Patch(BenchmarkRun.class, "spec.execution.resources.limits.{}", QUANTITY),
      new Patch(BenchmarkRun.class, "spec.execution.resources.requests.{}", QUANTITY),
      new Patch(BenchmarkRun.class, "status.conditions", ListType.mapKeyedBy("type")));

  private CrdSchemaPatches() {}

  /** Applies every patch of {@code kind} to its generated CRD. */
  public static void apply(ObjectNode crd, Class<?> kind) {
    for (JsonNode version : crd.path("spec").path("versions")) {
      JsonNode root = version.path("schema").path("openAPIV3Schema");
      for (Patch patch : PATCHES) {
        if (patch.kind().equals(kind)) {
          String where = kind.getSimpleName() + " " + patch.path();
          patch.constraint().applyTo(resolve(root, patch.path(), where), where);
        }
      }
    }
  }

  static ObjectNode resolve(JsonNode root, String path, String where) {
    JsonNode node = root;
    for (String step : path.isEmpty() ? new String[0] : path.split("\\.")) {
      node = switch (step) {
        case "[]" -> node.path("items");
        case "{}" -> node.path("additionalProperties");
        default -> node.path("properties").path(step);
      };
      if (!(node instanceof ObjectNode)) {
        throw new IllegalStateException(where + ": no schema at " + step + " (was the field renamed?)");
      }
    }
    return (ObjectNode) node;
  }
}
