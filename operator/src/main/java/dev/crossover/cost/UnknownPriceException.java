package dev.crossover.cost;

/**
 * No layer of the catalog has this price. Callers turn it into a status condition (e.g. reason
 * PriceUnknown) naming the key to pin; a missing price is never treated as zero.
 */
public class UnknownPriceException extends RuntimeException {

  private final transient PriceKey key;

  public UnknownPriceException(PriceKey key, String hint) {
    super("No price for " + key + " (" + key.unit().label() + "): not pinned, not read from AWS, and no embedded default"
        + (hint == null || hint.isBlank() ? "" : "; " + hint)
        + ". Pin it in spec.cost.prices as {key: \"" + key + "\", usd: \"...\"}.");
    this.key = key;
  }

  public PriceKey key() {
    return key;
  }
}
