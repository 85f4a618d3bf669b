package dev.crossover.operator;

import io.javaoperatorsdk.operator.api.monitoring.Metrics;
import io.javaoperatorsdk.operator.monitoring.micrometer.MicrometerMetrics;
import jakarta.annotation.Priority;
import jakarta.enterprise.inject.Alternative;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/**
 * The Java Operator SDK's controller metrics (operator_sdk_*), bound to Micrometer's global
 * registry whatever the start-up order.
 *
 * <p>Why not the extension's own provider: it is a MeterBinder that holds {@code Metrics.NOOP}
 * until the registry binds it, and the operator's configuration takes whatever it holds when it is
 * built. In some builds the configuration came first, and /q/metrics then had no operator_sdk_*
 * series at all (MonitoringMetricsIT and OperatorProcessIT caught it). The global registry is the
 * composite Quarkus exports from; meters registered on it before the Prometheus registry joins are
 * added to it when it does.
 */
@Singleton
public class OperatorMetrics {

  @Produces
  @Alternative
  @Priority(1)
  @Singleton
  Metrics operatorSdkMetrics() {
    return MicrometerMetrics.newPerResourceCollectingMicrometerMetricsBuilder(
        io.micrometer.core.instrument.Metrics.globalRegistry).build();
  }
}
