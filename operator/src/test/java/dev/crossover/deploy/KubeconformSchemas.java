package dev.crossover.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * JSON schemas in the layout kubeconform reads, made at test time (nothing generated is
 * committed, and kubeconform's usual remote schema site is unreachable here), following its
 * openapi2jsonschema conversion in strict mode:
 * <ul>
 *   <li>built-in kinds from the real kube-apiserver's {@code /openapi/v2}: each kind's definition
 *       with the definitions it references carried along ("standalone");</li>
 *   <li>custom resources from CRD files: each served version's {@code openAPIV3Schema}.</li>
 * </ul>
 * Strict: every object schema that lists properties refuses others (unless the CRD says
 * {@code x-kubernetes-preserve-unknown-fields}); int-or-string and quantities accept both forms.
 * Files are {@code <dir>/<group, or the version for the core group>/<kind>_<version>.json},
 * which is {@link #LOCATION} for kubeconform's -schema-location.
 */
final class KubeconformSchemas {
  private KubeconformSchemas() {}

  /** kubeconform's template: .Group is the apiVersion's first part ("v1" for the core group). */
  static final String LOCATION = "{{ .Group }}/{{ .ResourceKind }}_{{ .ResourceAPIVersion }}.json";
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String REF_PREFIX = "#/definitions/";

  static String location(Path dir) {
    return dir.toAbsolutePath() + "/" + LOCATION;
  }

  /** Writes one schema per group/version/kind the OpenAPI v2 document declares; returns how many. */
  static int writeBuiltIns(JsonNode openApiV2, Path dir) throws IOException {
    JsonNode definitions = openApiV2.path("definitions");
    int written = 0;
    for (Iterator<Map.Entry<String, JsonNode>> it = definitions.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> def = it.next();
      for (JsonNode gvk : def.getValue().path("x-kubernetes-group-version-kind")) {
        ObjectNode schema = strict(def.getValue().deepCopy(), false);
        ObjectNode carried = JsonNodeFactory.instance.objectNode();
        for (String name : referenced(def.getValue(), definitions)) {
          carried.set(name, strict(definitions.path(name).deepCopy(), false));
        }
        schema.set("definitions", carried);
        write(dir, gvk.path("group").asText(), gvk.path("version").asText(), gvk.path("kind").asText(), schema);
        written++;
      }
    }
    return written;
  }

  /** Writes the schemas of every served version of the CRDs in these files; returns how many. */
  static int writeCrds(Iterable<Path> crdFiles, Path dir) throws IOException {
    int written = 0;
    for (Path file : crdFiles) {
      JsonNode crd = Chart.YAML.readTree(file.toFile());
      String group = crd.at("/spec/group").asText();
      String kind = crd.at("/spec/names/kind").asText();
      for (JsonNode version : crd.at("/spec/versions")) {
        if (!version.path("served").asBoolean(true)) {
          continue;
        }
        ObjectNode schema = strict(version.at("/schema/openAPIV3Schema").deepCopy(), false);
        write(dir, group, version.path("name").asText(), kind, schema);
        written++;
      }
    }
    return written;
  }

  private static void write(Path dir, String group, String version, String kind, ObjectNode schema) throws IOException {
    schema.put("$schema", "http://json-schema.org/schema#");
    Path file = dir.resolve(group.isEmpty() ? version : group).resolve(kind.toLowerCase() + "_" + version + ".json");
    Files.createDirectories(file.getParent());
    JSON.writeValue(file.toFile(), schema);
  }

  /** Names of all definitions reachable from a schema through $ref. */
  private static Set<String> referenced(JsonNode root, JsonNode definitions) {
    Set<String> seen = new TreeSet<>();
    Deque<JsonNode> todo = new ArrayDeque<>();
    todo.push(root);
    while (!todo.isEmpty()) {
      JsonNode node = todo.pop();
      if (node.isObject() && node.path("$ref").isTextual() && node.path("$ref").asText().startsWith(REF_PREFIX)) {
        String name = node.path("$ref").asText().substring(REF_PREFIX.length());
        if (seen.add(name)) {
          todo.push(definitions.path(name));
        }
      }
      node.forEach(todo::push);
    }
    return seen;
  }

  /**
   * The strict form of a schema node and its children. Inside {@code x-kubernetes-preserve-unknown-fields}
   * anything goes, as on the API server.
   */
  private static ObjectNode strict(ObjectNode node, boolean preserveUnknown) {
    if (isIntOrString(node)) {
      return anyOf(node, "string", "integer");
    }
    boolean preserve = preserveUnknown || node.path("x-kubernetes-preserve-unknown-fields").asBoolean(false);
    for (String key : new String[] {"properties", "patternProperties"}) {
      JsonNode props = node.path(key);
      if (props.isObject()) {
        props.fields().forEachRemaining(e -> ((ObjectNode) props).set(e.getKey(), strictChild(e.getValue(), preserve)));
      }
    }
    for (String key : new String[] {"items", "additionalProperties", "not"}) {
      if (node.path(key).isObject()) {
        node.set(key, strict((ObjectNode) node.path(key), preserve));
      }
    }
    for (String key : new String[] {"allOf", "anyOf", "oneOf"}) {
      if (node.path(key).isArray()) {
        ArrayNode array = (ArrayNode) node.path(key);
        for (int i = 0; i < array.size(); i++) {
          array.set(i, strictChild(array.get(i), preserve));
        }
      }
    }
    if (node.path("properties").isObject() && !node.has("additionalProperties") && !preserve) {
      node.put("additionalProperties", false);
    }
    return node;
  }

  private static JsonNode strictChild(JsonNode child, boolean preserve) {
    return child.isObject() ? strict((ObjectNode) child, preserve) : child;
  }

  private static boolean isIntOrString(JsonNode node) {
    return node.path("x-kubernetes-int-or-string").asBoolean(false) || "int-or-string".equals(node.path("format").asText());
  }

  /** Keeps the node's description and the like, and accepts any of these types. */
  private static ObjectNode anyOf(ObjectNode node, String... types) {
    ObjectNode out = JsonNodeFactory.instance.objectNode();
    if (node.has("description")) {
      out.set("description", node.get("description"));
    }
    ArrayNode options = out.putArray("oneOf");
    for (String t : types) {
      options.addObject().put("type", t);
    }
    return out;
  }

  /** Quantities ("500m", "1Gi", or plain numbers in YAML): the definition itself becomes string-or-number. */
  static void relaxQuantities(ObjectNode openApiV2) {
    JsonNode definitions = openApiV2.path("definitions");
    String quantity = "io.k8s.apimachinery.pkg.api.resource.Quantity";
    if (definitions.has(quantity)) {
      ((ObjectNode) definitions).set(quantity, anyOf((ObjectNode) definitions.get(quantity), "string", "number"));
    }
  }
}
