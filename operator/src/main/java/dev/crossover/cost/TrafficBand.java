package dev.crossover.cost;

import java.math.BigDecimal;

/**
 * A range of traffic over which one option stays the cheaper, with the largest monthly saving it
 * gives there. {@code cheaper} is null where both cost exactly the same over the whole band.
 *
 * @param fromTokens exclusive lower bound (0 for the first band)
 * @param toTokens inclusive upper bound (the analysed range's end for the last band)
 */
public record TrafficBand(BigDecimal fromTokens, BigDecimal toTokens, String cheaper, String dearer,
    BigDecimal largestMonthlySavingUsd) {}
