package dev.crossover.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.crossover.api.v1alpha1.ModelSpec;
import dev.crossover.aws.InstanceTypeCatalog;
import org.junit.jupiter.api.Test;

class ModelFitTest {

  private final ModelFit fit = new ModelFit(InstanceTypeCatalog.embedded());

  private static ModelSpec model(String name, String parameters, ModelSpec.Quantization q) {
    ModelSpec m = new ModelSpec();
    m.setName(name);
    m.setParameters(parameters);
    m.setQuantization(q);
    return m;
  }

  @Test
  void llama70bAwqDoesNotFitOneA10gAndTheMessageSaysWhatWould() {
    var result = fit.check(model("hugging-quants/Meta-Llama-3.1-70B-Instruct-AWQ-INT4", null, ModelSpec.Quantization.AWQ),
        "g5.2xlarge", 1, 0.9);
    assertThat(result.verdict()).isEqualTo(ModelFit.Verdict.DOES_NOT_FIT);
    assertThat(result.weightsGiB()).as("the 35-40 GiB usually quoted").isBetween(35.0, 40.0);
    assertThat(result.message())
        .contains("g5.2xlarge (1x NVIDIA A10G 24 GiB)")
        .contains("It would fit on g5.12xlarge with tensorParallelSize 4.");
  }

  @Test
  void llama70bAwqFitsG512xlargeWithTensorParallel4() {
    var result = fit.check(model("org/whatever", "70B", ModelSpec.Quantization.AWQ), "g5.12xlarge", 4, 0.9);
    assertThat(result.verdict()).isEqualTo(ModelFit.Verdict.FITS);
    assertThat(result.usableGiB()).isCloseTo(86.4, within(0.01));
  }

  @Test
  void llama8bAwqFitsOneA10g() {
    var result = fit.check(model("hugging-quants/Meta-Llama-3.1-8B-Instruct-AWQ-INT4", null, null), "g5.2xlarge", 1, 0.9);
    assertThat(result.verdict()).isEqualTo(ModelFit.Verdict.FITS);
    assertThat(result.weightsGiB()).isCloseTo(8e9 * 0.5 * 1.12 / (1L << 30), within(1e-9));
  }

  @Test
  void unquantized8bDoesNotLeaveRoomOnAnA10gAtLowUtilization() {
    // 8B in 16 bit: ~16.7 GiB of weights; at 0.5 utilization only 12 GiB are usable.
    var result = fit.check(model("meta-llama/Llama-3.1-8B-Instruct", null, ModelSpec.Quantization.None), "g5.2xlarge", 1, 0.5);
    assertThat(result.verdict()).isEqualTo(ModelFit.Verdict.DOES_NOT_FIT);
  }

  @Test
  void theSuggestionLooksOutsideTheFamilyWhenTheFamilyCannotHoldTheModel() {
    // 405B AWQ (~211 GiB) fits no g5 node; p4d.24xlarge (8x A100 40 GiB) holds it with TP 8.
    var result = fit.check(model("org/Llama-3.1-405B-AWQ", null, ModelSpec.Quantization.AWQ), "g5.48xlarge", 8, 0.9);
    assertThat(result.verdict()).isEqualTo(ModelFit.Verdict.DOES_NOT_FIT);
    assertThat(result.message()).contains("It would fit on p4d.24xlarge with tensorParallelSize 8.");
  }

  @Test
  void tensorParallelBeyondTheNodesGpusIsRejected() {
    var result = fit.check(model("org/m", "8B", ModelSpec.Quantization.AWQ), "g5.2xlarge", 4, 0.9);
    assertThat(result.verdict()).isEqualTo(ModelFit.Verdict.DOES_NOT_FIT);
    assertThat(result.message()).contains("tensorParallelSize 4 needs 4 GPUs", "has 1");
  }

  @Test
  void unknownParameterCountOrInstanceTypeSkipsTheCheckAndSaysSo() {
    assertThat(fit.check(model("org/mystery-model", null, null), "g5.2xlarge", 1, 0.9).verdict())
        .isEqualTo(ModelFit.Verdict.UNKNOWN);
    var unknownType = fit.check(model("org/m", "8B", null), "x9.huge", 1, 0.9);
    assertThat(unknownType.verdict()).isEqualTo(ModelFit.Verdict.UNKNOWN);
    assertThat(unknownType.message()).contains("x9.huge", "not in the accelerator catalog");
  }

  @Test
  void parameterCountComesFromSpecOrName() {
    assertThat(ModelFit.parameterCount(model("Qwen/Qwen2.5-1.5B-Instruct-AWQ", null, null)).getAsDouble()).isEqualTo(1.5e9);
    assertThat(ModelFit.parameterCount(model("org/tiny", "350M", null)).getAsDouble()).isEqualTo(3.5e8);
    assertThat(ModelFit.parameterCount(model("org/Llama-3.1-8B", "70B", null)).getAsDouble()).as("spec wins").isEqualTo(7e10);
    assertThat(ModelFit.parameterCount(model("org/model-bf16", null, null))).isEmpty();
  }
}
