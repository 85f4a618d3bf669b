package dev.crossover.crd;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import dev.crossover.api.v1alpha1.BenchmarkRun;
import dev.crossover.api.v1alpha1.GatewayProfile;
import dev.crossover.api.v1alpha1.InferencePlatform;
import io.fabric8.crd.generator.annotation.AdditionalPrinterColumn;
import io.fabric8.crdv2.generator.CRDGenerator;
import io.fabric8.kubernetes.client.CustomResource;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Generates the CRDs of crds/ from the API types, with the constraints of {@link CrdSchemaPatches}
 * fabric8's generator has no annotation for. fabric8's generator sorts printer columns by
 * JSON path; kubectl shows them in list order, so they are put back in the order the classes
 * declare them (what an engineer looks for first, Age last).
 *
 * <p>{@code make crds} runs {@link #main}; {@code CrdsAreCurrentTest} fails the build when the
 * checked-in files differ from what the types generate.
 */
public final class CrdFiles {

  public static final List<Class<? extends CustomResource<?, ?>>> KINDS =
      List.of(InferencePlatform.class, GatewayProfile.class, BenchmarkRun.class);

  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory()
      .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
      .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
      .disable(YAMLGenerator.Feature.SPLIT_LINES));

  private CrdFiles() {}

  /** File name → content of every CRD, as crds/ holds them. */
  public static Map<String, String> generate() throws IOException {
    Path tmp = Files.createTempDirectory("crossover-crds");
    try {
      CRDGenerator generator = new CRDGenerator().inOutputDir(tmp.toFile()).forCRDVersions("v1");
      KINDS.forEach(generator::customResourceClasses);
      generator.generate();
      Map<String, String> files = new LinkedHashMap<>();
      for (Class<? extends CustomResource<?, ?>> kind : KINDS) {
        String plural = io.fabric8.kubernetes.api.model.HasMetadata.getPlural(kind);
        String group = io.fabric8.kubernetes.api.model.HasMetadata.getGroup(kind);
        Path generated = tmp.resolve(plural + "." + group + "-v1.yml");
        ObjectNode crd = (ObjectNode) YAML.readTree(generated.toFile());
        reorderPrinterColumns(crd, kind);
        CrdSchemaPatches.apply(crd, kind);
        files.put(plural + "." + group + ".yaml",
            "# Generated from operator/src/main/java/dev/crossover/api/v1alpha1 by `make crds`. Do not edit.\n"
                + YAML.writeValueAsString(crd));
      }
      return files;
    } finally {
      try (var paths = Files.walk(tmp)) {
        paths.sorted((a, b) -> b.compareTo(a)).forEach(p -> p.toFile().delete());
      }
    }
  }

  private static void reorderPrinterColumns(ObjectNode crd, Class<?> kind) {
    List<String> order = Arrays.stream(kind.getAnnotationsByType(AdditionalPrinterColumn.class))
        .map(AdditionalPrinterColumn::name).toList();
    for (JsonNode version : crd.path("spec").path("versions")) {
      JsonNode columns = version.path("additionalPrinterColumns");
      if (!columns.isArray()) {
        continue;
      }
      List<JsonNode> sorted = new ArrayList<>();
      columns.forEach(sorted::add);
      sorted.sort((a, b) -> Integer.compare(rank(order, a), rank(order, b)));
      ArrayNode replacement = YAML.createArrayNode();
      sorted.forEach(replacement::add);
      ((ObjectNode) version).set("additionalPrinterColumns", replacement);
    }
  }

  private static int rank(List<String> order, JsonNode column) {
    int i = order.indexOf(column.path("name").asText());
    return i < 0 ? Integer.MAX_VALUE : i;
  }

  /** Writes crds/ (the directory given, or the repository's). */
  public static void main(String[] args) throws IOException {
    Path dir = args.length > 0 ? Path.of(args[0]) : RepoPaths.crds();
    Files.createDirectories(dir);
    for (Map.Entry<String, String> file : generate().entrySet()) {
      Files.writeString(dir.resolve(file.getKey()), file.getValue());
      System.out.println("wrote " + dir.resolve(file.getKey()));
    }
  }
}
