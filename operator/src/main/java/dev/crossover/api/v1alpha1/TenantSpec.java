package dev.crossover.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Max;
import io.fabric8.generator.annotation.Min;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.Size;
import io.fabric8.generator.annotation.ValidationRule;
import lombok.Data;

@Data
@JsonInclude(JsonInclude.Include.NON_NULL)
@ValidationRule(
    value = "!has(self.budgetPeriod) || has(self.budgetUSD)",
    message = "budgetPeriod would be ignored without budgetUSD: it is the period after which the budget resets",
    fieldPath = ".budgetPeriod")
public class TenantSpec {

  @Required
  @Size(min = 1, max = 63)
  @Pattern(ApiGroup.DNS_LABEL_PATTERN)
  @JsonPropertyDescription("Tenant name, unique in the profile.")
  private String name;

  @JsonPropertyDescription("Secret with this tenant's API key (default key: apiKey). When absent Crossover generates one into <profile>-tenant-<name>.")
  private SecretKeyRef keySecretRef;

  @Pattern(ApiGroup.USD_PATTERN)
  @JsonPropertyDescription("Spend limit in USD per budget period, e.g. \"50\".")
  private String budgetUSD;

  @Pattern("^[0-9]+(m|h|d|w|M)$")
  @JsonPropertyDescription("Budget period after which spend resets: e.g. 1h, 1d, 30d, 1M.")
  private String budgetPeriod;

  @Min(1)
  @Max(1000000)
  @JsonPropertyDescription("Requests per minute this tenant's key may make.")
  private Integer requestsPerMinute;

  @Min(1)
  @Max(1000000000)
  @JsonPropertyDescription("Tokens per minute this tenant's key may use.")
  private Integer tokensPerMinute;
}
