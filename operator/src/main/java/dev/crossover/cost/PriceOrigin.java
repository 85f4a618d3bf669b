package dev.crossover.cost;

/** Where a price came from, strongest first: lookups answer with the first layer that has the key. */
public enum PriceOrigin {
  /** A user override in the spec (CostSpec.prices): never replaced by a refresh. */
  PINNED,
  /** Read from AWS (Pricing API, DescribeSpotPriceHistory), with its fetch time. */
  LIVE,
  /** The dated, sourced default compiled into the operator (FACTS.md). */
  EMBEDDED
}
