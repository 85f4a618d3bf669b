package dev.crossover.cost;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;

/**
 * The offline defaults: us-east-1 prices gathered from public material in November 2026
 * (/work/shared/FACTS.md). Each figure carries its source; all of them can be pinned or refreshed
 * from AWS. Keys follow {@link PriceKey}. Items FACTS.md has no figure for (Provisioned Throughput
 * per model unit, reserved instances) are deliberately absent: a lookup fails loudly instead of
 * inventing a number.
 */
public final class EmbeddedPrices {

  /** FACTS.md: "Figures gathered from public material in November 2026." */
  public static final YearMonth AS_OF = YearMonth.of(2026, 11);

  /**
   * Spot discount used for the embedded spot estimates. costnimbus.com, Mar 2026: GPU spot is
   * "typically 35-50% below on-demand; read DescribeSpotPriceHistory". We take the smaller
   * discount (35%) so the offline default never flatters self-managed cost.
   */
  public static final BigDecimal SPOT_FRACTION_OF_ON_DEMAND = new BigDecimal("0.65");

  private static final String EC2_SOURCE = "factualminds.com EC2 on-demand pricing 2026, us-east-1";
  private static final String BEDROCK_SOURCE = "AWS Bedrock pricing page via inventivehq.com, us-east-1";

  private EmbeddedPrices() {}

  public static List<PriceQuote> all() {
    List<PriceQuote> prices = new ArrayList<>();
    // EC2 on-demand, USD per instance-hour.
    ec2(prices, "g5.2xlarge", "1.212", EC2_SOURCE + ": g5.2xlarge (1x A10G 24 GB, 8 vCPU, 32 GiB) $1.212/h");
    ec2(prices, "g5.12xlarge", "5.672", EC2_SOURCE + ": g5.12xlarge (4x A10G) $5.672/h");
    ec2(prices, "g6.2xlarge", "0.9776", EC2_SOURCE + ": g6.2xlarge (1x L4) $0.9776/h");
    ec2(prices, "p5.48xlarge", "55.04", "usage.ai LLM cost article: p5.48xlarge (8x H100) $55.04/h after the June 2025 cut");

    // CPU nodes that gateway and endpoint-picker pods run on: their rates per vCPU and GiB are derived
    // from these (PodResourceRates). Not in FACTS.md: long-standing list prices, to be verified.
    ec2(prices, "m5.large", "0.096", "AWS EC2 on-demand pricing page, us-east-1: m5.large (2 vCPU, 8 GiB) $0.096/h"
        + " (not in FACTS.md; verify, pin or refresh it)");
    ec2(prices, "m5.xlarge", "0.192", "AWS EC2 on-demand pricing page, us-east-1: m5.xlarge (4 vCPU, 16 GiB) $0.192/h"
        + " (not in FACTS.md; verify, pin or refresh it)");

    // EKS control plane, USD per cluster-hour.
    prices.add(PriceQuote.embedded("eks/standard", "0.10",
        "AWS containers blog: EKS control plane $0.10/h standard support", AS_OF));
    prices.add(PriceQuote.embedded("eks/extended", "0.60",
        "AWS containers blog: EKS control plane $0.60/h extended support", AS_OF));

    // Bedrock on-demand, USD per 1M tokens (input / output).
    bedrock(prices, "anthropic.claude-3-5-sonnet-20240620-v1:0", "3", "15",
        BEDROCK_SOURCE + ": Claude 3.5 Sonnet $3 / $15 per 1M (one 2026 source says legacy now $6/$30: verify)");
    bedrock(prices, "anthropic.claude-3-haiku-20240307-v1:0", "0.25", "1.25",
        BEDROCK_SOURCE + ": Claude 3 Haiku $0.25 / $1.25 per 1M");
    bedrock(prices, "anthropic.claude-3-5-haiku-20241022-v1:0", "0.80", "4",
        BEDROCK_SOURCE + ": Claude 3.5 Haiku $0.80 / $4 per 1M");
    bedrock(prices, "meta.llama3-1-70b-instruct-v1:0", "0.72", "0.72",
        BEDROCK_SOURCE + ": Llama 3.1 70B Instruct $0.72 / $0.72 per 1M");
    bedrock(prices, "meta.llama3-1-8b-instruct-v1:0", "0.22", "0.22",
        "cloudprice.net: Bedrock Llama 3.1 8B Instruct $0.22 / $0.22 per 1M");

    // Prompt caching, as multiples of the model's input price.
    prices.add(PriceQuote.embedded("bedrock-cache-read/" + PriceKey.INPUT_MULTIPLIER_SKU, "0.10",
        "knbrlo.com Bedrock prompt caching notes: cache read 0.10x input price (Claude)", AS_OF));
    prices.add(PriceQuote.embedded("bedrock-cache-write/" + PriceKey.INPUT_MULTIPLIER_SKU, "1.25",
        "knbrlo.com Bedrock prompt caching notes: cache write 1.25x input price (Claude)", AS_OF));

    // Custom Model Import, USD per Custom Model Unit per minute.
    prices.add(PriceQuote.embedded("bedrock-cmi/per-cmu-minute", "0.0785",
        "memory of AWS Bedrock pricing page: ~$0.0785 per CMU-minute (unverified; pin or refresh it)", AS_OF));

    // AgentCore Runtime, active consumption only, billed per second.
    prices.add(PriceQuote.embedded("agentcore-vcpu/hour", "0.0895",
        "elliot-digital.co.uk citing AWS docs, May 2026: AgentCore Runtime $0.0895 per vCPU-hour", AS_OF));
    prices.add(PriceQuote.embedded("agentcore-gb/hour", "0.00945",
        "elliot-digital.co.uk citing AWS docs, May 2026: AgentCore Runtime $0.00945 per GB-hour", AS_OF));
    return List.copyOf(prices);
  }

  private static void ec2(List<PriceQuote> prices, String instanceType, String usdPerHour, String source) {
    PriceQuote onDemand = PriceQuote.embedded("ec2/" + instanceType, usdPerHour, source, AS_OF);
    prices.add(onDemand);
    prices.add(new PriceQuote(PriceKey.ec2Spot(instanceType),
        onDemand.usd().multiply(SPOT_FRACTION_OF_ON_DEMAND), PriceOrigin.EMBEDDED,
        "estimate: 0.65 x on-demand $" + usdPerHour + "/h; costnimbus.com, Mar 2026: GPU spot typically 35-50% below"
            + " on-demand, read DescribeSpotPriceHistory",
        AS_OF, null));
  }

  private static void bedrock(List<PriceQuote> prices, String modelId, String input, String output, String source) {
    prices.add(PriceQuote.embedded("bedrock-input/" + modelId, input, source, AS_OF));
    prices.add(PriceQuote.embedded("bedrock-output/" + modelId, output, source, AS_OF));
  }
}
