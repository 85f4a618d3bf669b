package dev.crossover.cost;

import java.util.List;

/** A Bedrock model's token prices, each USD per 1M tokens and each with its provenance. */
public record BedrockTokenPrices(PriceQuote input, PriceQuote output, PriceQuote cacheRead, PriceQuote cacheWrite) {

  public BedrockTokenPrices {
    for (PriceQuote q : List.of(input, output, cacheRead, cacheWrite)) {
      if (q.unit() != PriceUnit.USD_PER_MILLION_TOKENS) {
        throw new IllegalArgumentException("Token price must be USD per 1M tokens: " + q);
      }
    }
  }

  public List<PriceQuote> all() {
    return List.of(input, output, cacheRead, cacheWrite);
  }
}
