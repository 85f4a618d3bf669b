package dev.crossover.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Default;
import lombok.Data;

@Data
@JsonInclude(JsonInclude.Include.NON_NULL)
public class BifrostSpec {

  public enum Balance { Service, Pods }

  @Default("Service")
  @JsonPropertyDescription("Service: Bifrost sends to each platform's endpoint. Pods: Bifrost balances across the platform's model server pods itself, one weighted key per pod, following pod changes (configuration A-2).")
  private Balance balance;

  public enum LogLevel { debug, info, warn, error }

  @Default("info")
  @JsonPropertyDescription("Bifrost log level.")
  private LogLevel logLevel;
}
