package dev.crossover.aws;

import java.net.URI;
import java.time.Duration;
import java.util.Optional;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * How the operator reaches AWS ({@code crossover.aws.*} in application.properties; each key also
 * as an environment variable, e.g. CROSSOVER_AWS_CLUSTER_NAME). Off unless enabled, so local runs
 * and tests need no AWS: the operator then uses the spec and its embedded catalogs.
 *
 * @param enabled            crossover.aws.enabled: read facts and prices from AWS at all
 * @param region             crossover.aws.region; empty: the SDK's default region chain (AWS_REGION, profile, IMDS)
 * @param clusterName        crossover.aws.cluster-name; empty: the operator is not on EKS
 * @param endpointOverride   crossover.aws.endpoint-override: one endpoint for every service (a local test double)
 * @param pricingRegion      crossover.aws.pricing-region: where the Pricing API is served (us-east-1, eu-central-1, ap-south-1)
 * @param apiCallTimeout     crossover.aws.api-call-timeout: one call, retries included
 * @param maxAttempts        crossover.aws.max-attempts: SDK attempts per call (throttling and 5xx are retried)
 * @param retryBaseDelay     crossover.aws.retry-base-delay: first back-off of a retried call; ten times that after throttling
 * @param factsTtl           crossover.aws.facts-ttl: how long cluster, instance-type and Bedrock facts are kept
 * @param failureTtl         crossover.aws.failure-ttl: how long a failed look-up is remembered before trying again
 * @param reconcileWait      crossover.aws.reconcile-wait: the longest a reconcile waits for a fact not cached yet
 * @param priceRefreshInterval crossover.aws.price-refresh-interval: how often live prices are read
 */
public record AwsSettings(boolean enabled, Optional<String> region, Optional<String> clusterName,
    Optional<URI> endpointOverride, String pricingRegion, Duration apiCallTimeout, int maxAttempts, Duration retryBaseDelay,
    Duration factsTtl, Duration failureTtl, Duration reconcileWait, Duration priceRefreshInterval) {

  public static AwsSettings disabled() {
    return new AwsSettings(false, Optional.empty(), Optional.empty(), Optional.empty(), "us-east-1",
        Duration.ofSeconds(10), 3, Duration.ofMillis(100), Duration.ofHours(1), Duration.ofMinutes(5), Duration.ofSeconds(2), Duration.ofHours(6));
  }

  public static AwsSettings fromConfig() {
    Config c = ConfigProvider.getConfig();
    AwsSettings d = disabled();
    return new AwsSettings(
        c.getOptionalValue("crossover.aws.enabled", Boolean.class).orElse(false),
        nonBlank(c.getOptionalValue("crossover.aws.region", String.class)),
        nonBlank(c.getOptionalValue("crossover.aws.cluster-name", String.class)),
        nonBlank(c.getOptionalValue("crossover.aws.endpoint-override", String.class)).map(URI::create),
        nonBlank(c.getOptionalValue("crossover.aws.pricing-region", String.class)).orElse(d.pricingRegion()),
        duration(c, "crossover.aws.api-call-timeout", d.apiCallTimeout()),
        c.getOptionalValue("crossover.aws.max-attempts", Integer.class).orElse(d.maxAttempts()),
        duration(c, "crossover.aws.retry-base-delay", d.retryBaseDelay()),
        duration(c, "crossover.aws.facts-ttl", d.factsTtl()),
        duration(c, "crossover.aws.failure-ttl", d.failureTtl()),
        duration(c, "crossover.aws.reconcile-wait", d.reconcileWait()),
        duration(c, "crossover.aws.price-refresh-interval", d.priceRefreshInterval()));
  }

  /** A copy pointed at one endpoint (a local test double) with this region and cluster name. */
  public AwsSettings pointedAt(URI endpoint, String region, Optional<String> clusterName) {
    return new AwsSettings(true, Optional.of(region), clusterName, Optional.of(endpoint), region, apiCallTimeout,
        maxAttempts, retryBaseDelay, factsTtl, failureTtl, reconcileWait, priceRefreshInterval);
  }

  /** Go-style durations ("10s", "6h"), the form the CRDs use too. */
  /** A copy with these retry settings (tests keep throttling back-off short). */
  public AwsSettings withRetries(int attempts, Duration baseDelay) {
    return new AwsSettings(enabled, region, clusterName, endpointOverride, pricingRegion, apiCallTimeout, attempts,
        baseDelay, factsTtl, failureTtl, reconcileWait, priceRefreshInterval);
  }

  private static Duration duration(Config c, String key, Duration fallback) {
    return nonBlank(c.getOptionalValue(key, String.class))
        .map(v -> Duration.ofMillis(dev.crossover.operator.Durations.millis(v))).orElse(fallback);
  }

  private static Optional<String> nonBlank(Optional<String> value) {
    return value.map(String::trim).filter(v -> !v.isEmpty());
  }
}
