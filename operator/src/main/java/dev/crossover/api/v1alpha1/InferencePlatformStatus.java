package dev.crossover.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import java.util.List;
import lombok.Data;
import lombok.EqualsAndHashCode;

@Data
@EqualsAndHashCode(callSuper = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public class InferencePlatformStatus extends ConditionedStatus {

  /** Condition types, besides Ready. */
  public static final String NODE_POOL_READY = "NodePoolReady";
  public static final String MODEL_SERVER_READY = "ModelServerReady";
  public static final String ROUTER_READY = "RouterReady";
  public static final String MODEL_FITS = "ModelFits";
  /** Whether the operator knows the EKS cluster it runs in (eks:DescribeCluster), or why not. */
  public static final String CLUSTER_DISCOVERED = "ClusterDiscovered";
  /** Whether prices were read from AWS (Pricing API, spot price history), or why the catalog is used. */
  public static final String LIVE_PRICES = "LivePrices";

  @JsonPropertyDescription("OpenAI-compatible base URL of this platform inside the cluster (the model server Service, or the Gateway route for PrefixCacheAware).")
  private String endpoint;

  @JsonPropertyDescription("Model name clients send in requests.")
  private String servedModel;

  @JsonPropertyDescription("Model server replicas desired.")
  private Integer replicas;

  @JsonPropertyDescription("Model server replicas passing their readiness probe.")
  private Integer readyReplicas;

  @JsonPropertyDescription("Nodes running this platform's model server pods, counted by instance type.")
  private List<NodeCount> nodes;

  @JsonPropertyDescription("What this platform costs per hour while it runs, and where each price came from.")
  private HourlyCost hourlyCost;

  @JsonPropertyDescription("The EKS cluster the operator runs in, when discovered through eks:DescribeCluster (see condition ClusterDiscovered).")
  private EksClusterInfo cluster;

  @JsonPropertyDescription("When the platform first became Ready (RFC 3339).")
  private String firstReadyTime;

  @JsonPropertyDescription("Seconds from creation to first Ready: node launch, image pull, model download and load (cold start).")
  private Long coldStartSeconds;

  @JsonPropertyDescription("Names of the objects this platform created, for kubectl look-ups.")
  private PlatformChildren children;
}
