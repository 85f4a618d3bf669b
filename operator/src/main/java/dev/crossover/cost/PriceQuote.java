package dev.crossover.cost;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.YearMonth;
import java.util.Objects;

/**
 * A price and where it came from: the answer to every catalog lookup, so status can say whether a
 * figure was pinned by the user, read from AWS (and when), or an embedded default (and its source).
 *
 * @param catalogAsOf month the embedded figure was gathered; null unless {@code EMBEDDED}
 * @param fetchedAt when AWS answered; null unless {@code LIVE}
 */
public record PriceQuote(PriceKey key, BigDecimal usd, PriceOrigin origin, String source,
    YearMonth catalogAsOf, Instant fetchedAt) {

  public PriceQuote {
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(usd, "usd");
    Objects.requireNonNull(origin, "origin");
    Objects.requireNonNull(source, "source");
    if (usd.signum() < 0) {
      throw new IllegalArgumentException("Negative price for " + key + ": " + usd);
    }
    if ((origin == PriceOrigin.EMBEDDED) != (catalogAsOf != null)) {
      throw new IllegalArgumentException("catalogAsOf is required for, and only for, embedded prices: " + key);
    }
    if ((origin == PriceOrigin.LIVE) != (fetchedAt != null)) {
      throw new IllegalArgumentException("fetchedAt is required for, and only for, live prices: " + key);
    }
  }

  public static PriceQuote embedded(String key, String usd, String source, YearMonth asOf) {
    return new PriceQuote(PriceKey.parse(key), new BigDecimal(usd), PriceOrigin.EMBEDDED, source, asOf, null);
  }

  public static PriceQuote live(PriceKey key, BigDecimal usd, String source, Instant fetchedAt) {
    return new PriceQuote(key, usd, PriceOrigin.LIVE, source, null, fetchedAt);
  }

  public static PriceQuote pinned(PriceKey key, BigDecimal usd, String source) {
    return new PriceQuote(key, usd, PriceOrigin.PINNED, source, null, null);
  }

  public PriceUnit unit() {
    return key.unit();
  }

  /** For status (CostItem.source): "Pinned (...)", "AWS (..., fetched ...)" or "Catalog (..., as of ...)". */
  public String provenance() {
    return switch (origin) {
      case PINNED -> "Pinned (" + source + ")";
      case LIVE -> "AWS (" + source + ", fetched " + fetchedAt + ")";
      case EMBEDDED -> "Catalog (" + source + ", as of " + catalogAsOf + ")";
    };
  }

  @Override
  public String toString() {
    return key + " = " + usd.toPlainString() + " " + unit().label() + " " + provenance();
  }
}
