package dev.crossover.aws;

import java.time.Clock;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import software.amazon.awssdk.services.bedrock.BedrockClient;
import software.amazon.awssdk.services.bedrock.model.FoundationModelSummary;
import software.amazon.awssdk.services.bedrock.model.GetImportedModelResponse;
import software.amazon.awssdk.services.bedrock.model.GetProvisionedModelThroughputResponse;

/**
 * What the Bedrock control plane says about the models a BenchmarkRun targets: whether a
 * foundation model id exists in the region and streams (bedrock:ListFoundationModels), the Custom
 * Model Units per copy of an imported model (bedrock:GetImportedModel, for Custom Model Import
 * cost) and the model units of a provisioned model (bedrock:GetProvisionedModelThroughput, for
 * Provisioned Throughput cost). Answers are cached per region and id.
 */
public final class BedrockFacts {

  public static final String LIST_FOUNDATION_MODELS = "bedrock:ListFoundationModels";
  public static final String GET_IMPORTED_MODEL = "bedrock:GetImportedModel";
  public static final String GET_PROVISIONED_MODEL_THROUGHPUT = "bedrock:GetProvisionedModelThroughput";

  /** Cross-region inference profile ids put a geography before the model id: us.meta.llama3-1-8b-instruct-v1:0. */
  private static final Pattern GEO_PREFIX = Pattern.compile("^(us|eu|apac|us-gov|global|jp|au|ca)\\.(?=[a-z0-9-]+\\.)");

  public record FoundationModel(String modelId, String modelName, String provider, boolean streaming, String lifecycle) {}

  public record ImportedModel(String arn, String name, int customModelUnitsPerCopy, String architecture) {}

  public record ProvisionedModel(String arn, String name, int modelUnits, String status, String foundationModelArn) {}

  private record Key(String region, String id) {}

  /** The verdict on one target's model id. */
  public sealed interface ModelCheck {
    /** The model exists and streams; {@code units} are CMUs per copy or provisioned model units, when that kind. */
    record Usable(String description, Optional<Integer> units) implements ModelCheck {}

    /** The id cannot work as given: {@code reason} is the condition reason, the message names the model. */
    record Wrong(String reason, String message) implements ModelCheck {}

    /** Not checked (AWS off, denied, unreachable, or an id kind the control plane cannot check). */
    record Unchecked(String why) implements ModelCheck {}

    /** Asked, no answer yet. */
    record Pending(String action) implements ModelCheck {}
  }

  private final Optional<Function<String, BedrockClient>> clients;
  private final FactCache<String, Map<String, FoundationModel>> foundationModels;
  private final FactCache<Key, ImportedModel> importedModels;
  private final FactCache<Key, ProvisionedModel> provisionedModels;

  static BedrockFacts off() {
    return new BedrockFacts(Optional.empty(), null, null, null);
  }

  private BedrockFacts(Optional<Function<String, BedrockClient>> clients,
      FactCache<String, Map<String, FoundationModel>> foundationModels, FactCache<Key, ImportedModel> importedModels,
      FactCache<Key, ProvisionedModel> provisionedModels) {
    this.clients = clients;
    this.foundationModels = foundationModels;
    this.importedModels = importedModels;
    this.provisionedModels = provisionedModels;
  }

  /** @param clientFor the Bedrock client of a region */
  static BedrockFacts using(Function<String, BedrockClient> clientFor, AwsSettings settings, Executor executor, Clock clock) {
    return new BedrockFacts(Optional.of(clientFor),
        new FactCache<>(LIST_FOUNDATION_MODELS, region -> listFoundationModels(clientFor.apply(region)), settings, executor, clock),
        new FactCache<>(GET_IMPORTED_MODEL, k -> importedModel(clientFor.apply(k.region()), k.id()), settings, executor, clock),
        new FactCache<>(GET_PROVISIONED_MODEL_THROUGHPUT, k -> provisionedModel(clientFor.apply(k.region()), k.id()),
            settings, executor, clock));
  }

  public Fetched<Map<String, FoundationModel>> foundationModels(String region) {
    return clients.isEmpty() ? new Fetched.Failed<>(AwsProblem.disabled(LIST_FOUNDATION_MODELS)) : foundationModels.get(region);
  }

  public Fetched<ImportedModel> importedModel(String region, String arn) {
    return clients.isEmpty() ? new Fetched.Failed<>(AwsProblem.disabled(GET_IMPORTED_MODEL)) : importedModels.get(new Key(region, arn));
  }

  public Fetched<ProvisionedModel> provisionedModel(String region, String idOrArn) {
    return clients.isEmpty() ? new Fetched.Failed<>(AwsProblem.disabled(GET_PROVISIONED_MODEL_THROUGHPUT))
        : provisionedModels.get(new Key(region, idOrArn));
  }

  /** The foundation model id behind a model id, inference profile id or foundation-model ARN; empty for other ARNs. */
  public static Optional<String> foundationModelId(String modelId) {
    if (modelId.startsWith("arn:")) {
      int at = modelId.indexOf(":foundation-model/");
      return at < 0 ? Optional.empty() : Optional.of(modelId.substring(at + ":foundation-model/".length()));
    }
    return Optional.of(GEO_PREFIX.matcher(modelId).replaceFirst(""));
  }

  /** Whether a BenchmarkRun's Bedrock model id can be streamed from in this region. */
  public ModelCheck check(String region, String modelId) {
    if (modelId.contains(":imported-model/")) {
      return switch (importedModel(region, modelId)) {
        case Fetched.Ok<ImportedModel> ok -> new ModelCheck.Usable("imported model " + ok.value().name() + " ("
            + ok.value().customModelUnitsPerCopy() + " Custom Model Units per copy)", Optional.of(ok.value().customModelUnitsPerCopy()));
        case Fetched.Failed<ImportedModel> f -> notFoundOr(f.problem(), "BedrockModelNotFound",
            "Bedrock in " + region + " has no imported model " + modelId + " (" + GET_IMPORTED_MODEL + ").");
        case Fetched.Pending<ImportedModel> p -> new ModelCheck.Pending(p.action());
      };
    }
    if (modelId.contains(":provisioned-model/")) {
      return switch (provisionedModel(region, modelId)) {
        case Fetched.Ok<ProvisionedModel> ok -> "InService".equals(ok.value().status())
            ? new ModelCheck.Usable("provisioned model " + ok.value().name() + " (" + ok.value().modelUnits() + " model units)",
                Optional.of(ok.value().modelUnits()))
            : new ModelCheck.Wrong("ProvisionedModelNotInService", "Provisioned model " + modelId + " is "
                + ok.value().status() + ", not InService.");
        case Fetched.Failed<ProvisionedModel> f -> notFoundOr(f.problem(), "BedrockModelNotFound",
            "Bedrock in " + region + " has no provisioned model " + modelId + " (" + GET_PROVISIONED_MODEL_THROUGHPUT + ").");
        case Fetched.Pending<ProvisionedModel> p -> new ModelCheck.Pending(p.action());
      };
    }
    Optional<String> base = foundationModelId(modelId);
    if (base.isEmpty()) {
      return new ModelCheck.Unchecked(modelId + " is neither a foundation, imported nor provisioned model: not checked.");
    }
    return switch (foundationModels(region)) {
      case Fetched.Ok<Map<String, FoundationModel>> ok -> {
        FoundationModel found = ok.value().get(base.get());
        if (found == null) {
          yield new ModelCheck.Wrong("BedrockModelNotFound", "Bedrock in " + region + " has no foundation model "
              + base.get() + (base.get().equals(modelId) ? "" : " (behind " + modelId + ")") + " ("
              + LIST_FOUNDATION_MODELS + ")." + suggestions(base.get(), ok.value().keySet()));
        }
        if (!found.streaming()) {
          yield new ModelCheck.Wrong("BedrockModelNotStreaming", "Bedrock model " + modelId
              + " does not support response streaming (responseStreamingSupported is false): TTFT cannot be measured.");
        }
        yield new ModelCheck.Usable(found.modelName() + " (" + found.provider() + ", " + found.lifecycle() + ")", Optional.empty());
      }
      case Fetched.Failed<Map<String, FoundationModel>> f -> new ModelCheck.Unchecked(f.problem().message());
      case Fetched.Pending<Map<String, FoundationModel>> p -> new ModelCheck.Pending(p.action());
    };
  }

  private static ModelCheck notFoundOr(AwsProblem problem, String reason, String notFound) {
    return problem.kind() == AwsProblem.Kind.NOT_FOUND || problem.kind() == AwsProblem.Kind.ERROR
            && problem.message().contains("ValidationException")
        ? new ModelCheck.Wrong(reason, notFound)
        : new ModelCheck.Unchecked(problem.message());
  }

  /** Up to three ids of the same provider that share the longest prefix with the one asked for. */
  static String suggestions(String wanted, java.util.Set<String> known) {
    String provider = wanted.contains(".") ? wanted.substring(0, wanted.indexOf('.') + 1) : "";
    List<String> close = known.stream().filter(id -> id.startsWith(provider))
        .sorted(Comparator.comparingInt((String id) -> -commonPrefix(id, wanted)).thenComparing(id -> id))
        .limit(3).toList();
    return close.isEmpty() ? "" : " Known ids of that provider include: " + String.join(", ", close) + ".";
  }

  private static int commonPrefix(String a, String b) {
    int n = Math.min(a.length(), b.length());
    int i = 0;
    while (i < n && a.charAt(i) == b.charAt(i)) {
      i++;
    }
    return i;
  }

  static Map<String, FoundationModel> listFoundationModels(BedrockClient bedrock) {
    return bedrock.listFoundationModels(r -> {}).modelSummaries().stream()
        .collect(Collectors.toMap(FoundationModelSummary::modelId, BedrockFacts::toFacts, (a, b) -> a));
  }

  private static FoundationModel toFacts(FoundationModelSummary s) {
    return new FoundationModel(s.modelId(), s.modelName(), s.providerName(),
        Boolean.TRUE.equals(s.responseStreamingSupported()),
        s.modelLifecycle() == null ? "ACTIVE" : s.modelLifecycle().statusAsString());
  }

  static ImportedModel importedModel(BedrockClient bedrock, String arn) {
    GetImportedModelResponse r = bedrock.getImportedModel(b -> b.modelIdentifier(arn));
    if (r.customModelUnits() == null || r.customModelUnits().customModelUnitsPerModelCopy() == null) {
      throw new IllegalStateException(GET_IMPORTED_MODEL + " returned no customModelUnits for " + arn);
    }
    return new ImportedModel(r.modelArn(), r.modelName(), r.customModelUnits().customModelUnitsPerModelCopy(),
        r.modelArchitecture());
  }

  static ProvisionedModel provisionedModel(BedrockClient bedrock, String idOrArn) {
    GetProvisionedModelThroughputResponse r = bedrock.getProvisionedModelThroughput(b -> b.provisionedModelId(idOrArn));
    return new ProvisionedModel(r.provisionedModelArn(), r.provisionedModelName(), r.modelUnits(), r.statusAsString(),
        r.foundationModelArn());
  }
}
