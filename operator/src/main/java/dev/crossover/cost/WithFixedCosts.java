package dev.crossover.cost;

import java.math.BigDecimal;
import java.util.List;
import java.util.Objects;

/** A cost curve plus fixed monthly line items (spec.cost.lineItems that apply to it): shifted up, same shape. */
public record WithFixedCosts(CostCurve inner, List<CostLine> items) implements CostCurve {

  public WithFixedCosts {
    Objects.requireNonNull(inner);
    items = List.copyOf(items);
  }

  /** The curve itself when there is nothing to add. */
  public static CostCurve of(CostCurve inner, List<CostLine> items) {
    return items.isEmpty() ? inner : new WithFixedCosts(inner, items);
  }

  public BigDecimal fixedMonthlyUsd() {
    return items.stream().map(CostLine::monthlyUsd).reduce(BigDecimal.ZERO, BigDecimal::add);
  }

  @Override
  public String name() {
    return inner.name();
  }

  @Override
  public BigDecimal idleMonthlyUsd() {
    return inner.idleMonthlyUsd().add(fixedMonthlyUsd());
  }

  @Override
  public List<AffinePiece> pieces(BigDecimal upToTokens) {
    BigDecimal fixed = fixedMonthlyUsd();
    return inner.pieces(upToTokens).stream()
        .map(p -> new AffinePiece(p.fromTokens(), p.toTokens(), p.fixedUsd().add(fixed), p.usdPerToken())).toList();
  }
}
