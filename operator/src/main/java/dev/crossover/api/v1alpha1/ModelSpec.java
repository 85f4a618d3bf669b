package dev.crossover.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Default;
import io.fabric8.generator.annotation.Max;
import io.fabric8.generator.annotation.Min;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.Size;
import lombok.Data;

@Data
@JsonInclude(JsonInclude.Include.NON_NULL)
public class ModelSpec {

  public enum Quantization { AWQ, GPTQ, FP8, None }

  @Required
  @Size(min = 1, max = 256)
  @Pattern("^[A-Za-z0-9][A-Za-z0-9._/-]*$")
  @JsonPropertyDescription("Model repository id as vLLM loads it, e.g. hugging-quants/Meta-Llama-3.1-8B-Instruct-AWQ-INT4.")
  private String name;

  @Size(min = 1, max = 256)
  @JsonPropertyDescription("Model name clients send in requests (vLLM --served-model-name). Defaults to name.")
  private String servedName;

  @Pattern("^[0-9]+(\\.[0-9]+)?[BM]$")
  @JsonPropertyDescription("Parameter count, e.g. 8B or 70B, used to check that the model fits the accelerator. "
      + "When absent it is read from the model name (\"...-70B-...\"); when neither says, the fit check is skipped and the Fits condition says so.")
  private String parameters;

  @Default("AWQ")
  @JsonPropertyDescription("Weight quantization. AWQ weights are served with vLLM's awq_marlin kernel (vLLM picks it when --quantization is left unset).")
  private Quantization quantization;

  @Min(256)
  @Max(1048576)
  @Default("8192")
  @JsonPropertyDescription("Maximum context length in tokens (vLLM --max-model-len). Larger values need more KV-cache memory.")
  private Integer maxModelLen;

  @JsonPropertyDescription("Secret holding a Hugging Face token for gated models (default key: token), passed to vLLM as HF_TOKEN.")
  private SecretKeyRef hfTokenSecretRef;
}
