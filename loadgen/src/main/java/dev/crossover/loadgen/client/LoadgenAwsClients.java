package dev.crossover.loadgen.client;

import java.net.URI;
import java.time.Duration;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.awscore.client.builder.AwsAsyncClientBuilder;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.http.nio.netty.NettyNioAsyncHttpClient;
import software.amazon.awssdk.regions.Region;

/**
 * How the load generator builds every AWS async client (Bedrock Runtime, AgentCore): Netty with a
 * pool sized for the streams it holds, a timeout for the whole call, and retries off, because a
 * load generator must see every throttle rather than hide it in a longer latency.
 */
public final class LoadgenAwsClients {
    private LoadgenAwsClients() {}

    /**
     * @param endpointOverride null for the regional endpoint
     * @param credentials      null for the SDK's default chain
     */
    public static <B extends AwsAsyncClientBuilder<B, ?> & AwsClientBuilder<B, ?>> B configure(B builder, String region,
            int maxConnections, Duration requestTimeout, URI endpointOverride, AwsCredentialsProvider credentials) {
        builder.region(Region.of(region))
                .httpClientBuilder(NettyNioAsyncHttpClient.builder().maxConcurrency(maxConnections))
                .overrideConfiguration(o -> o.apiCallTimeout(requestTimeout).retryStrategy(AwsRetryStrategy.doNotRetry()));
        if (endpointOverride != null) builder.endpointOverride(endpointOverride);
        if (credentials != null) builder.credentialsProvider(credentials);
        return builder;
    }
}
