package dev.crossover.report;

import dev.crossover.api.v1alpha1.BenchmarkRun;
import dev.crossover.cost.CostSampler;
import java.util.List;

/**
 * What the report is made of: the run with its final status, and what status does not hold —
 * the monthly cost curves and the traffic bands between crossovers.
 *
 * @param run         metadata, spec and the status about to be written
 * @param costCurves  each priced target's monthly cost over the analysed traffic range
 * @param bands       for each self-managed x managed pair, the traffic ranges where one stays cheaper
 * @param upToTokens  the top of the analysed traffic range, tokens/month
 */
public record ReportInput(BenchmarkRun run, List<CostSeries> costCurves, List<Band> bands, double upToTokens) {

  public record CostSeries(String target, boolean selfManaged, List<CostSampler.Point> points) {}

  /**
   * A traffic range of one pair's comparison, in seed 000's "Traffic Range / Recommendation /
   * Reason" shape. cheaper is null where both cost the same.
   */
  public record Band(String selfManaged, String managed, double fromTokens, double toTokens, double fromRequestsPerSecond,
      double toRequestsPerSecond, String cheaper, String dearer, double largestMonthlySavingUsd) {}
}
