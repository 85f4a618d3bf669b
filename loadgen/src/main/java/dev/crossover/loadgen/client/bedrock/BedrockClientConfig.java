package dev.crossover.loadgen.client.bedrock;

import java.net.URI;
import java.time.Duration;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;

/**
 * @param modelId          a model id, inference profile or imported-model ARN (Custom Model Import)
 * @param region           AWS region, e.g. us-east-1
 * @param endpointOverride null for the regional endpoint; a VPC endpoint, or a local test double
 * @param credentials      null for the SDK's default credential chain (env, profile, IRSA, Pod Identity)
 * @param requestTimeout   limit for one whole call, stream included
 * @param maxConnections   Netty connection pool size: the most concurrent streams this client can hold
 * @param promptCaching    send a cachePoint after a system prompt the workload marks as shared; false:
 *                         never send one (BenchmarkRun bedrock.promptCaching)
 */
public record BedrockClientConfig(String modelId, String region, URI endpointOverride, AwsCredentialsProvider credentials,
                                  Duration requestTimeout, int maxConnections, boolean promptCaching) {}
