package dev.crossover.platform;

import dev.crossover.api.v1alpha1.ModelSpec;
import dev.crossover.aws.InstanceType;
import dev.crossover.aws.InstanceTypeCatalog;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Whether a model's weights fit the GPUs one replica gets, with room left for the KV cache, and
 * if not, the smallest instance type and tensor-parallel size on which they would.
 *
 * <p>Weight memory = parameters x bytes per parameter x 1.12. The 12% covers what quantization
 * leaves in 16 bit (embeddings, the LM head, norms) and the quantization scales: it puts Llama
 * 3.1 70B AWQ at about 36.5 GiB, inside the 35-40 GiB usually quoted for it.
 */
public final class ModelFit {

  /**
   * Share of usable GPU memory that may hold weights. The rest must stay free for the KV cache
   * (Llama 3.1 70B: 0.31 MiB per token, 2.5 GiB for one 8k sequence), activations and CUDA
   * graphs; below that vLLM starts but serves almost no concurrent sequences.
   */
  static final double MAX_WEIGHT_SHARE = 0.75;
  static final double OVERHEAD = 1.12;
  private static final Pattern PARAMS_IN_NAME = Pattern.compile("(?i)(?:^|[^0-9.])([0-9]+(?:\\.[0-9]+)?)([bm])(?![a-z])");
  private static final int[] TP_SIZES = {1, 2, 4, 8};

  public enum Verdict { FITS, DOES_NOT_FIT, UNKNOWN }

  /** The outcome, with a message an engineer can act on. */
  public record Result(Verdict verdict, String message, double weightsGiB, double usableGiB) {}

  private final InstanceTypeCatalog catalog;

  public ModelFit(InstanceTypeCatalog catalog) {
    this.catalog = catalog;
  }

  public Result check(ModelSpec model, String instanceType, int tensorParallelSize, double gpuMemoryUtilization) {
    OptionalDouble params = parameterCount(model);
    if (params.isEmpty()) {
      return new Result(Verdict.UNKNOWN, "Parameter count of " + model.getName()
          + " is unknown (set spec.model.parameters, e.g. 8B): the fit check was skipped.", 0, 0);
    }
    Optional<InstanceType> type = catalog.find(instanceType);
    if (type.isEmpty()) {
      return new Result(Verdict.UNKNOWN, "Instance type " + instanceType
          + " is not in the accelerator catalog: the fit check was skipped.", 0, 0);
    }
    double weights = weightsGiB(params.getAsDouble(), model.getQuantization());
    InstanceType t = type.get();
    if (tensorParallelSize > t.gpus()) {
      return new Result(Verdict.DOES_NOT_FIT, "tensorParallelSize %d needs %d GPUs on one node, but %s has %d."
          .formatted(tensorParallelSize, tensorParallelSize, t.describe(), t.gpus()), weights, 0);
    }
    double usable = t.gpuMemoryGiB() * tensorParallelSize * gpuMemoryUtilization;
    if (weights <= usable * MAX_WEIGHT_SHARE) {
      return new Result(Verdict.FITS, "%s needs about %s GiB for weights; %d GPU(s) of %s give %s GiB at gpuMemoryUtilization %s."
          .formatted(model.getName(), gib(weights), tensorParallelSize, t.describe(), gib(usable), gpuMemoryUtilization),
          weights, usable);
    }
    String suggestion = suggestion(weights, gpuMemoryUtilization, family(t.name()));
    return new Result(Verdict.DOES_NOT_FIT,
        "%s needs about %s GiB for weights plus KV cache, but %d GPU(s) of %s give %s GiB at gpuMemoryUtilization %s.%s"
            .formatted(model.getName(), gib(weights), tensorParallelSize, t.describe(), gib(usable),
                gpuMemoryUtilization, suggestion),
        weights, usable);
  }

  private record Fit(InstanceType type, int tensorParallelSize) {
    @Override
    public String toString() {
      return type.name() + " with tensorParallelSize " + tensorParallelSize;
    }
  }

  /**
   * The smallest fit in the requested family, and the smallest fit anywhere when that needs
   * less GPU memory (a smaller node elsewhere is worth knowing; a same-sized one is noise).
   */
  private String suggestion(double weights, double utilization, String family) {
    Optional<Fit> sameFamily = smallestFit(weights, utilization, family);
    Optional<Fit> anywhere = smallestFit(weights, utilization, null);
    if (anywhere.isEmpty()) {
      return " No instance type in the catalog fits it on one node.";
    }
    if (sameFamily.isEmpty()) {
      return " It would fit on " + anywhere.get() + ".";
    }
    boolean smallerElsewhere =
        anywhere.get().type().totalGpuMemoryGiB() < sameFamily.get().type().totalGpuMemoryGiB();
    return smallerElsewhere
        ? " It would fit on " + sameFamily.get() + " (same family), or on " + anywhere.get() + "."
        : " It would fit on " + sameFamily.get() + ".";
  }

  private Optional<Fit> smallestFit(double weights, double utilization, String family) {
    for (InstanceType candidate : catalog.smallestFirst()) {
      if (family != null && !family.equals(family(candidate.name()))) {
        continue;
      }
      for (int tp : TP_SIZES) {
        if (tp <= candidate.gpus() && weights <= candidate.gpuMemoryGiB() * tp * utilization * MAX_WEIGHT_SHARE) {
          return Optional.of(new Fit(candidate, tp));
        }
      }
    }
    return Optional.empty();
  }

  private static String family(String instanceType) {
    int dot = instanceType.indexOf('.');
    return dot < 0 ? instanceType : instanceType.substring(0, dot);
  }

  static double weightsGiB(double parameters, ModelSpec.Quantization quantization) {
    double bytesPerParam = switch (quantization == null ? ModelSpec.Quantization.AWQ : quantization) {
      case AWQ, GPTQ -> 0.5;
      case FP8 -> 1.0;
      case None -> 2.0;
    };
    return parameters * bytesPerParam * OVERHEAD / (1024.0 * 1024 * 1024);
  }

  /** spec.model.parameters, else a "70B"/"1.5B" token in the model name. */
  static OptionalDouble parameterCount(ModelSpec model) {
    String declared = model.getParameters();
    if (declared != null && !declared.isBlank()) {
      return OptionalDouble.of(scale(declared.substring(0, declared.length() - 1), declared.charAt(declared.length() - 1)));
    }
    Matcher m = PARAMS_IN_NAME.matcher(model.getName() == null ? "" : model.getName());
    double found = -1;
    while (m.find()) {
      found = scale(m.group(1), m.group(2).charAt(0));
    }
    return found > 0 ? OptionalDouble.of(found) : OptionalDouble.empty();
  }

  private static double scale(String number, char unit) {
    double n = Double.parseDouble(number);
    return Character.toUpperCase(unit) == 'B' ? n * 1e9 : n * 1e6;
  }

  private static String gib(double v) {
    return String.format(Locale.ROOT, "%.1f", v);
  }
}
