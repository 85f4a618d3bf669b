package dev.crossover.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Default;
import io.fabric8.generator.annotation.Max;
import io.fabric8.generator.annotation.Min;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Size;
import io.fabric8.generator.annotation.ValidationRule;
import io.fabric8.kubernetes.api.model.Quantity;
import java.util.List;
import lombok.Data;

@Data
@JsonInclude(JsonInclude.Include.NON_NULL)
@ValidationRule(
    value = "!has(self.tensorParallelSize) || self.tensorParallelSize in [1, 2, 4, 8]",
    message = "engine.tensorParallelSize must be 1, 2, 4 or 8",
    fieldPath = ".tensorParallelSize")
@ValidationRule(
    value = "!has(self.simulator) || !has(self.type) || self.type == 'Simulator'",
    message = "engine.simulator applies only when engine.type is Simulator",
    fieldPath = ".simulator")
@ValidationRule(
    value = "!has(self.extraArgs) || !self.extraArgs.exists(a, a.matches('" + EngineSpec.ARGS_CROSSOVER_SETS + "'))",
    messageExpression = "'engine.extraArgs: ' + self.extraArgs.filter(a, a.matches('" + EngineSpec.ARGS_CROSSOVER_SETS + "'))[0] "
        + "+ ' contradicts what Crossover sets from the spec (model.name, model.servedName, model.maxModelLen, "
        + "engine.gpuMemoryUtilization, engine.maxNumSeqs, engine.tensorParallelSize, engine.enablePrefixCaching, "
        + "engine.simulator; --port is fixed by the Service): set that field instead'",
    fieldPath = ".extraArgs")
public class EngineSpec {

  /**
   * Arguments the model server already gets from first-class fields (ModelServerRenderer); the
   * same flag in extraArgs would contradict the field, and which one wins is the server's choice.
   */
  public static final String ARGS_CROSSOVER_SETS = "^(--(model|served-model-name|port|max-model-len|gpu-memory-utilization"
      + "|max-num-seqs|tensor-parallel-size|enable-prefix-caching|no-enable-prefix-caching|mode|time-to-first-token"
      + "|inter-token-latency|failure-injection-rate)|-tp)(=.*)?$";

  public enum Type { vLLM, Simulator }

  @Default("vLLM")
  @JsonPropertyDescription("vLLM serves the model on GPUs; Simulator runs llm-d-inference-sim (same OpenAI API and vllm:* metrics, no GPU) for GPU-less runs.")
  private Type type;

  @Size(max = 512)
  @JsonPropertyDescription("Container image. Defaults to the vLLM OpenAI server image, or the llm-d-inference-sim image for Simulator.")
  private String image;

  @Min(0)
  @Max(256)
  @Default("1")
  @JsonPropertyDescription("Model server replicas; each replica takes tensorParallelSize GPUs on one node.")
  private Integer replicas;

  @Min(1)
  @Max(8)
  @Default("1")
  @JsonPropertyDescription("GPUs one replica shards the model across (vLLM --tensor-parallel-size): 1, 2, 4 or 8.")
  private Integer tensorParallelSize;

  @Min(0.1)
  @Max(0.99)
  // The API server compares an integer against a fractional minimum after truncating the
  // minimum (0 >= int(0.1) passes), so the bound is checked again in CEL, where 0 is a number.
  @ValidationRule(value = "self >= 0.1", message = "must be at least 0.1")
  @Default("0.9")
  @JsonPropertyDescription("Fraction of each GPU's memory vLLM may use for weights and KV cache (--gpu-memory-utilization).")
  private Double gpuMemoryUtilization;

  @Min(1)
  @Max(4096)
  @Default("256")
  @JsonPropertyDescription("Maximum sequences batched at once per replica (--max-num-seqs).")
  private Integer maxNumSeqs;

  @Default("true")
  @JsonPropertyDescription("vLLM automatic prefix caching (--enable-prefix-caching): reuse KV cache across requests sharing a prefix.")
  private Boolean enablePrefixCaching;

  @Size(max = 32)
  @JsonPropertyDescription("Extra command-line arguments appended to the model server's own.")
  private List<String> extraArgs;

  @JsonPropertyDescription("Size of the in-memory /dev/shm volume (NCCL and vLLM workers need more than the container default).")
  private Quantity shmSize;

  @JsonPropertyDescription("Model cache volume (HF_HOME): an emptyDir of this size limit. Defaults to 100Gi.")
  private Quantity modelCacheSize;

  @Pattern(ApiGroup.DURATION_PATTERN)
  @Size(max = 32)
  @ValidationRule(value = "duration(self) > duration('0s') && duration(self) <= duration('24h')", messageExpression = "'must be above 0s and at most 24h, got ' + self")
  @JsonPropertyDescription("How long the startup probe waits for the model to download and load before the pod is restarted. Default 30m.")
  private String startupTimeout;

  @JsonPropertyDescription("Simulated latencies for engine.type Simulator.")
  private SimulatorSpec simulator;
}
