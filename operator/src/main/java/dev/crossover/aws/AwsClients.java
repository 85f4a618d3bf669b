package dev.crossover.aws;

import java.time.Duration;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.regions.providers.DefaultAwsRegionProviderChain;
import software.amazon.awssdk.retries.api.BackoffStrategy;
import software.amazon.awssdk.services.bedrock.BedrockClient;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.eks.EksClient;
import software.amazon.awssdk.services.pricing.PricingClient;

/**
 * The four AWS clients the operator uses for facts and prices, built once from {@link AwsSettings}:
 * credentials from the default chain (EKS Pod Identity, IRSA, environment, profile) unless given,
 * one small HTTP client shared by all, a timeout per call (retries included) and the SDK's
 * standard retries, which back off on throttling (ThrottlingException, RequestLimitExceeded, 429)
 * and 5xx. An endpoint override sends every client to one local server (the tests' double).
 */
public final class AwsClients implements AutoCloseable {

  private final SdkHttpClient http;
  private final Region region;
  private final EksClient eks;
  private final Ec2Client ec2;
  private final PricingClient pricing;
  private final BedrockClient bedrock;
  private final AwsSettings settings;
  private final AwsCredentialsProvider credentials;
  private final ClientOverrideConfiguration overrides;

  public AwsClients(AwsSettings settings, AwsCredentialsProvider credentials) {
    this.settings = settings;
    this.credentials = credentials;
    this.http = UrlConnectionHttpClient.builder()
        .connectionTimeout(Duration.ofSeconds(3))
        .socketTimeout(settings.apiCallTimeout())
        .build();
    this.region = settings.region().map(Region::of)
        .orElseGet(() -> new DefaultAwsRegionProviderChain().getRegion());
    this.overrides = ClientOverrideConfiguration.builder()
        .apiCallTimeout(settings.apiCallTimeout())
        .retryStrategy(AwsRetryStrategy.standardRetryStrategy().toBuilder()
            .maxAttempts(settings.maxAttempts())
            .backoffStrategy(BackoffStrategy.exponentialDelay(settings.retryBaseDelay(), Duration.ofSeconds(5)))
            .throttlingBackoffStrategy(
                BackoffStrategy.exponentialDelay(settings.retryBaseDelay().multipliedBy(10), Duration.ofSeconds(20)))
            .build())
        .build();
    this.eks = configure(EksClient.builder(), settings, credentials, overrides, region).httpClient(http).build();
    this.ec2 = configure(Ec2Client.builder(), settings, credentials, overrides, region).httpClient(http).build();
    this.bedrock = configure(BedrockClient.builder(), settings, credentials, overrides, region).httpClient(http).build();
    // The Pricing API lives in a few regions only; its prices cover every region (filtered by regionCode).
    this.pricing = configure(PricingClient.builder(), settings, credentials, overrides,
        settings.endpointOverride().isPresent() ? region : Region.of(settings.pricingRegion())).httpClient(http).build();
  }

  /** Clients with the default credentials chain (Pod Identity / IRSA in a cluster). */
  public static AwsClients withDefaultCredentials(AwsSettings settings) {
    return new AwsClients(settings, DefaultCredentialsProvider.builder().build());
  }

  private static <B extends AwsClientBuilder<B, ?>> B configure(B builder, AwsSettings settings,
      AwsCredentialsProvider credentials, ClientOverrideConfiguration overrides, Region region) {
    builder.region(region).credentialsProvider(credentials).overrideConfiguration(overrides);
    settings.endpointOverride().ifPresent(builder::endpointOverride);
    return builder;
  }

  /** The region facts are read for: prices are filtered to it, spot prices and instance types come from it. */
  public Region region() {
    return region;
  }

  public EksClient eks() {
    return eks;
  }

  public Ec2Client ec2() {
    return ec2;
  }

  /** A Bedrock client for another region (a BenchmarkRun target's); the caller keeps and closes it with these. */
  public BedrockClient bedrockIn(Region other) {
    return configure(BedrockClient.builder(), settings, credentials, overrides, other).httpClient(http).build();
  }

  public PricingClient pricing() {
    return pricing;
  }

  public BedrockClient bedrock() {
    return bedrock;
  }

  @Override
  public void close() {
    eks.close();
    ec2.close();
    pricing.close();
    bedrock.close();
    http.close();
  }
}
