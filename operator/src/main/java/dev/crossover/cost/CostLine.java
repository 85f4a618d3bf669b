package dev.crossover.cost;

import java.math.BigDecimal;

/** One line of a monthly cost breakdown, for status (CostItem) and the report. */
public record CostLine(String item, BigDecimal monthlyUsd, String source) {}
