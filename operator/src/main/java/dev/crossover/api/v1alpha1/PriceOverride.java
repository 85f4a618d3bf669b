package dev.crossover.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.Size;
import lombok.Data;

@Data
@JsonInclude(JsonInclude.Include.NON_NULL)
public class PriceOverride {

  @Required
  @Size(min = 1, max = 256)
  @Pattern("^(ec2|ec2-spot|ec2-reserved|eks|bedrock-input|bedrock-output|bedrock-cache-read|bedrock-cache-write|bedrock-pt|bedrock-cmi|agentcore-vcpu|agentcore-gb)/[A-Za-z0-9._:/-]+$")
  @JsonPropertyDescription("Price key: <item>/<sku>, e.g. ec2/g5.2xlarge (USD per hour), ec2-reserved/g5.2xlarge (reserved or Savings Plan effective USD per hour), bedrock-input/meta.llama3-1-70b-instruct-v1:0 (USD per 1M tokens), eks/standard (USD per hour), bedrock-cmi/per-cmu-minute.")
  private String key;

  @Required
  @Pattern(ApiGroup.USD_PATTERN)
  @JsonPropertyDescription("Price in USD in the unit of its key.")
  private String usd;
}
