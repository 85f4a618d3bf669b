package dev.crossover.cost;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.List;
import java.util.Objects;

/**
 * AgentCore Runtime: vCPU-hours and GB-hours of active consumption, billed per second, plus the
 * model tokens the agent calls (elliot-digital.co.uk citing AWS docs, May 2026: $0.0895 per
 * vCPU-hour, $0.00945 per GB-hour, active consumption only, per second). Linear in traffic: each
 * request brings its measured active seconds; nothing is charged while idle.
 *
 * <pre>
 * requests(T) = T / modelTokensPerRequest
 * cost(T)     = requests x (vCPU x activeCpuSeconds x $/vCPU-h + GB x memorySeconds x $/GB-h) / 3600
 *             + model token cost(T)
 * </pre>
 *
 * @param activeCpuSecondsPerRequest seconds a request keeps its vCPUs active (I/O wait excluded)
 * @param memorySecondsPerRequest seconds a request's session memory is billed
 * @param modelTokensPerRequest input + output model tokens one agent request consumes
 * @param model the Bedrock model the agent calls; traffic T is its tokens
 */
public record AgentCoreRuntimeCost(String name, PriceQuote vcpuHour, PriceQuote gbHour, double vcpusPerSession,
    double gbPerSession, double activeCpuSecondsPerRequest, double memorySecondsPerRequest,
    double modelTokensPerRequest, BedrockTokenCost model) implements CostCurve {

  private static final BigDecimal SECONDS_PER_HOUR = BigDecimal.valueOf(3600);

  public AgentCoreRuntimeCost {
    Objects.requireNonNull(name);
    Objects.requireNonNull(model);
    if (vcpuHour.unit() != PriceUnit.USD_PER_VCPU_HOUR || gbHour.unit() != PriceUnit.USD_PER_GB_HOUR) {
      throw new IllegalArgumentException("AgentCore prices must be USD per vCPU-hour and per GB-hour");
    }
    for (double v : new double[] {vcpusPerSession, gbPerSession, activeCpuSecondsPerRequest, memorySecondsPerRequest}) {
      if (!(v >= 0) || Double.isInfinite(v)) {
        throw new IllegalArgumentException("AgentCore resources and seconds must be non-negative");
      }
    }
    if (!(modelTokensPerRequest > 0)) {
      throw new IllegalArgumentException("modelTokensPerRequest must be positive");
    }
  }

  /** Runtime (not model) USD per agent request. */
  public BigDecimal runtimeUsdPerRequest() {
    BigDecimal cpu = BigDecimal.valueOf(vcpusPerSession).multiply(BigDecimal.valueOf(activeCpuSecondsPerRequest))
        .multiply(vcpuHour.usd());
    BigDecimal memory = BigDecimal.valueOf(gbPerSession).multiply(BigDecimal.valueOf(memorySecondsPerRequest))
        .multiply(gbHour.usd());
    return cpu.add(memory).divide(SECONDS_PER_HOUR, MathContext.DECIMAL128);
  }

  public BigDecimal usdPerToken() {
    return runtimeUsdPerRequest().divide(BigDecimal.valueOf(modelTokensPerRequest), MathContext.DECIMAL128)
        .add(model.usdPerToken());
  }

  @Override
  public BigDecimal idleMonthlyUsd() {
    return BigDecimal.ZERO;
  }

  @Override
  public List<AffinePiece> pieces(BigDecimal upToTokens) {
    return List.of(new AffinePiece(BigDecimal.ZERO, upToTokens, BigDecimal.ZERO, usdPerToken()));
  }
}
