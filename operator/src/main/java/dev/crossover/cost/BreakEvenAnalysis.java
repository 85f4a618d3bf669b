package dev.crossover.cost;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * Where two options' monthly costs cross over a traffic range, and which is cheaper in between.
 *
 * @param bands consecutive ranges covering (0, upToTokens], split at each crossing
 */
public record BreakEvenAnalysis(String a, String b, BigDecimal upToTokens, TrafficUnits units,
    List<Crossing> crossings, List<TrafficBand> bands) {

  /**
   * One sentence in the shape of seed 000's "Traffic Range / Recommendation" table, e.g. "Below
   * 1.2B tokens/month (460 req/s) use bedrock-llama70b (cheaper by up to $800.00/month); above it
   * a1-litellm is cheaper by up to $9,000.00/month (checked up to 100B tokens/month)."
   */
  public String recommendation() {
    if (bands.size() == 1) {
      TrafficBand only = bands.getFirst();
      if (only.cheaper() == null) {
        return a + " and " + b + " cost the same up to " + Figures.tokens(upToTokens) + " tokens/month.";
      }
      return "Up to " + Figures.tokens(upToTokens) + " tokens/month " + only.cheaper() + " is always cheaper than "
          + only.dearer() + ", by up to " + Figures.usd(only.largestMonthlySavingUsd()) + "/month; the curves do not cross.";
    }
    List<String> parts = new ArrayList<>();
    for (int k = 0; k < bands.size(); k++) {
      TrafficBand band = bands.get(k);
      String saving = "cheaper by up to " + Figures.usd(band.largestMonthlySavingUsd()) + "/month";
      if (k == 0) {
        parts.add("Below " + at(band.toTokens()) + " use " + band.cheaper() + " (" + saving + ")");
      } else if (k == bands.size() - 1) {
        parts.add((bands.size() == 2 ? "above it " : "above " + Figures.tokens(band.fromTokens()) + " ")
            + band.cheaper() + " is " + saving + " (checked up to " + Figures.tokens(upToTokens) + " tokens/month)");
      } else {
        parts.add("from " + Figures.tokens(band.fromTokens()) + " to " + Figures.tokens(band.toTokens()) + " use "
            + band.cheaper() + " (" + saving + ")");
      }
    }
    return String.join("; ", parts) + ".";
  }

  private String at(BigDecimal tokens) {
    return Figures.tokens(tokens) + " tokens/month (" + Figures.rate(units.requestsPerSecond(tokens)) + " req/s)";
  }
}
