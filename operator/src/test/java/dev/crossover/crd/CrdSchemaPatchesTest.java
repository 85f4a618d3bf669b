package dev.crossover.crd;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.crossover.api.v1alpha1.BenchmarkRun;
import dev.crossover.api.v1alpha1.GatewayProfile;
import dev.crossover.api.v1alpha1.InferencePlatform;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The constraints CrdFiles adds to the generated schemas land where they are declared. */
class CrdSchemaPatchesTest {

  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

  private static JsonNode schema(String file) throws Exception {
    Map<String, String> crds = CrdFiles.generate();
    return YAML.readTree(crds.get(file)).path("spec").path("versions").get(0).path("schema").path("openAPIV3Schema");
  }

  @Test
  void listsOfNamedEntriesAreMapsKeyedByNameAndConditionsByType() throws Exception {
    JsonNode gp = schema("gatewayprofiles.crossover.dev.yaml");
    JsonNode backends = gp.at("/properties/spec/properties/backends");
    assertThat(backends.path("x-kubernetes-list-type").asText()).isEqualTo("map");
    assertThat(backends.path("x-kubernetes-list-map-keys").toString()).isEqualTo("[\"name\"]");
    JsonNode conditions = gp.at("/properties/status/properties/conditions");
    assertThat(conditions.path("x-kubernetes-list-type").asText()).isEqualTo("map");
    assertThat(conditions.path("x-kubernetes-list-map-keys").toString()).isEqualTo("[\"type\"]");
    // The API server accepts a map key only when the items require it.
    assertThat(conditions.at("/items/required").toString()).contains("\"type\"");

    JsonNode br = schema("benchmarkruns.crossover.dev.yaml");
    assertThat(br.at("/properties/spec/properties/load/properties/concurrency/x-kubernetes-list-type").asText())
        .isEqualTo("set");
    assertThat(br.at("/properties/spec/properties/cost/properties/prices/x-kubernetes-list-map-keys").toString())
        .isEqualTo("[\"key\"]");
  }

  @Test
  void quantitiesCarryAPatternAndNamesALength() throws Exception {
    JsonNode ip = schema("inferenceplatforms.crossover.dev.yaml");
    String shm = ip.at("/properties/spec/properties/engine/properties/shmSize/pattern").asText();
    assertThat("16Gi").matches(shm);
    assertThat("1e9").matches(shm);
    assertThat("16GB").doesNotMatch(shm);
    assertThat("0Gi").doesNotMatch(shm);
    assertThat(ip.at("/properties/metadata/properties/name/maxLength").asInt())
        .isEqualTo(InferencePlatform.MAX_NAME_LENGTH);
    JsonNode gp = schema("gatewayprofiles.crossover.dev.yaml");
    String limit = gp.at("/properties/spec/properties/resources/properties/limits/additionalProperties/pattern").asText();
    assertThat("500m").matches(limit);
    assertThat("1GB").doesNotMatch(limit);
    assertThat(schema("benchmarkruns.crossover.dev.yaml").at("/properties/metadata/properties/name/maxLength").asInt())
        .isEqualTo(BenchmarkRun.MAX_NAME_LENGTH);
  }

  @Test
  void aPathThatNoLongerResolvesFailsTheGeneration() {
    ObjectNode root = YAML.createObjectNode();
    root.putObject("properties").putObject("spec").put("type", "object");
    assertThatThrownBy(() -> CrdSchemaPatches.resolve(root, "spec.renamed", GatewayProfile.class.getSimpleName()))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("renamed");
  }
}
