package dev.crossover.platform.karpenter;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import io.fabric8.kubernetes.api.model.Quantity;
import java.util.List;
import java.util.Map;
import lombok.AllArgsConstructor;
import lombok.Builder;
import lombok.Data;
import lombok.NoArgsConstructor;

@Data
@Builder
@NoArgsConstructor
@AllArgsConstructor
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true) // the API server adds defaults Crossover does not model
public class EC2NodeClassSpec {
  /** IAM role of the nodes (exactly one of role or instanceProfile). */
  private String role;
  private List<SelectorTerm> amiSelectorTerms;
  private List<SelectorTerm> subnetSelectorTerms;
  private List<SelectorTerm> securityGroupSelectorTerms;
  private List<BlockDeviceMapping> blockDeviceMappings;
  private Map<String, String> tags;

  /** One selector term: an AMI alias (al2023@latest), or tags. */
  @Data
  @Builder
  @NoArgsConstructor
  @AllArgsConstructor
  @JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true) // the API server adds defaults Crossover does not model
  public static class SelectorTerm {
    private String alias;
    private Map<String, String> tags;
  }

  @Data
  @Builder
  @NoArgsConstructor
  @AllArgsConstructor
  @JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true) // the API server adds defaults Crossover does not model
  public static class BlockDeviceMapping {
    private String deviceName;
    private Ebs ebs;
  }

  @Data
  @Builder
  @NoArgsConstructor
  @AllArgsConstructor
  @JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true) // the API server adds defaults Crossover does not model
  public static class Ebs {
    private Quantity volumeSize;
    private String volumeType;
    private Boolean encrypted;
    private Boolean deleteOnTermination;
  }
}
