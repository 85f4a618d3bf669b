package dev.crossover.cost;

import java.math.BigDecimal;
import java.util.List;
import java.util.Objects;

/**
 * Bedrock priced per token (on-demand or batch): linear in traffic, nothing when idle.
 *
 * <pre>
 * USD per 1M tokens = inputShare x [(1 - read - write) x input + read x cacheRead + write x cacheWrite]
 *                   + (1 - inputShare) x output
 * batch: x 0.5
 * </pre>
 *
 * with read/write the shares of input tokens read from / written to the prompt cache (cache read
 * 0.10x and write 1.25x the input price unless the model's own cache prices are known).
 *
 * @param inputShare input tokens / (input + output) tokens of the workload, e.g. 0.7
 * @param cacheReadShareOfInput share of input tokens served from the prompt cache
 * @param cacheWriteShareOfInput share of input tokens written to the prompt cache
 * @param batch Bedrock batch inference at half the on-demand price
 */
public record BedrockTokenCost(String name, BedrockTokenPrices prices, double inputShare,
    double cacheReadShareOfInput, double cacheWriteShareOfInput, boolean batch) implements CostCurve {

  /** cloudprice.net: "Bedrock batch: 50% of on-demand". */
  public static final BigDecimal BATCH_FRACTION_OF_ON_DEMAND = new BigDecimal("0.5");

  private static final BigDecimal MILLION = BigDecimal.valueOf(1_000_000);

  public BedrockTokenCost {
    Objects.requireNonNull(name);
    Objects.requireNonNull(prices);
    requireShare("inputShare", inputShare);
    requireShare("cacheReadShareOfInput", cacheReadShareOfInput);
    requireShare("cacheWriteShareOfInput", cacheWriteShareOfInput);
    if (cacheReadShareOfInput + cacheWriteShareOfInput > 1) {
      throw new IllegalArgumentException("Cache read and write shares add up to more than all input tokens");
    }
    if (batch && (cacheReadShareOfInput > 0 || cacheWriteShareOfInput > 0)) {
      // No source says how batch discounts combine with prompt caching; refuse rather than guess.
      throw new IllegalArgumentException("Batch with prompt caching is not modelled");
    }
  }

  /** On-demand without prompt caching. */
  public static BedrockTokenCost onDemand(String name, BedrockTokenPrices prices, double inputShare) {
    return new BedrockTokenCost(name, prices, inputShare, 0, 0, false);
  }

  /** Blended USD per 1M tokens (input + output) for this mix. */
  public BigDecimal usdPerMillionTokens() {
    BigDecimal in = BigDecimal.valueOf(inputShare);
    BigDecimal read = BigDecimal.valueOf(cacheReadShareOfInput);
    BigDecimal write = BigDecimal.valueOf(cacheWriteShareOfInput);
    BigDecimal uncached = BigDecimal.ONE.subtract(read).subtract(write);
    BigDecimal inputPrice = uncached.multiply(prices.input().usd())
        .add(read.multiply(prices.cacheRead().usd()))
        .add(write.multiply(prices.cacheWrite().usd()));
    BigDecimal blended = in.multiply(inputPrice).add(BigDecimal.ONE.subtract(in).multiply(prices.output().usd()));
    return batch ? blended.multiply(BATCH_FRACTION_OF_ON_DEMAND) : blended;
  }

  public BigDecimal usdPerToken() {
    return usdPerMillionTokens().divide(MILLION);  // exact: dividing by a power of ten
  }

  @Override
  public BigDecimal idleMonthlyUsd() {
    return BigDecimal.ZERO;
  }

  @Override
  public List<AffinePiece> pieces(BigDecimal upToTokens) {
    return List.of(new AffinePiece(BigDecimal.ZERO, upToTokens, BigDecimal.ZERO, usdPerToken()));
  }

  private static void requireShare(String what, double share) {
    if (!(share >= 0 && share <= 1)) {
      throw new IllegalArgumentException(what + " must be within 0..1: " + share);
    }
  }
}
