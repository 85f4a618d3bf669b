package dev.crossover.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import lombok.Data;

/** What Bedrock prompt caching saved at the measured hit rate, per month at the SLO-meeting load. */
@Data
@JsonInclude(JsonInclude.Include.NON_NULL)
public class CachingSaving {
  @JsonPropertyDescription("Share of input tokens read from the prompt cache (measured).")
  private Double cacheReadShare;
  @JsonPropertyDescription("Share of input tokens written to the prompt cache (measured).")
  private Double cacheWriteShare;
  @JsonPropertyDescription("USD per month with prompt caching, cache reads and writes at their own prices.")
  private String withCachingMonthlyUSD;
  @JsonPropertyDescription("USD per month for the same tokens with every input token at the input price.")
  private String withoutCachingMonthlyUSD;
  @JsonPropertyDescription("withoutCaching - withCaching: negative when cache writes cost more than reads save.")
  private String savingMonthlyUSD;
}
