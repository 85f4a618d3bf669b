package dev.crossover.benchmark;

import dev.crossover.api.v1alpha1.BenchmarkRun;
import dev.crossover.cost.BreakEvenAnalysis;
import dev.crossover.cost.CostSampler;
import dev.crossover.cost.TrafficBand;
import dev.crossover.report.ReportInput;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The report's input from a run and its cost analysis: curves sampled for the chart, bands for the table. */
public final class Reports {

  /** Decades of traffic drawn below the top of the analysed range. */
  static final int DECADES = 5;
  static final int POINTS_PER_DECADE = 12;

  private Reports() {}

  public static ReportInput input(BenchmarkRun run, List<ResolvedBenchmarkTarget> targets, BenchmarkCosts.Result costs) {
    BigDecimal upTo = costs.upToTokens();
    BigDecimal from = upTo.movePointLeft(DECADES);
    List<ReportInput.CostSeries> curves = new ArrayList<>();
    for (Map.Entry<String, dev.crossover.cost.CostCurve> c : costs.curves().entrySet()) {
      boolean selfManaged = targets.stream().anyMatch(t -> t.name().equals(c.getKey()) && t.selfManaged());
      curves.add(new ReportInput.CostSeries(c.getKey(), selfManaged,
          CostSampler.sample(c.getValue(), from, upTo, POINTS_PER_DECADE)));
    }
    List<ReportInput.Band> bands = new ArrayList<>();
    for (BreakEvenAnalysis a : costs.analyses()) {
      for (TrafficBand b : a.bands()) {
        bands.add(new ReportInput.Band(a.a(), a.b(), b.fromTokens().doubleValue(), b.toTokens().doubleValue(),
            a.units().requestsPerSecond(b.fromTokens()), a.units().requestsPerSecond(b.toTokens()), b.cheaper(), b.dearer(),
            b.largestMonthlySavingUsd().doubleValue()));
      }
    }
    return new ReportInput(run, curves, bands, upTo.doubleValue());
  }
}
