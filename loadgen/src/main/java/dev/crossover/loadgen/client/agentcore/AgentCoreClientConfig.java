package dev.crossover.loadgen.client.agentcore;

import java.net.URI;
import java.time.Duration;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;

/**
 * @param agentRuntimeArn  arn:aws:bedrock-agentcore:REGION:ACCOUNT:runtime/NAME
 * @param qualifier        endpoint name or version; null for the service's default (DEFAULT)
 * @param region           AWS region, e.g. us-east-1
 * @param endpointOverride null for the regional endpoint; a VPC endpoint, or a local test double
 * @param credentials      null for the SDK's default credential chain (env, profile, IRSA, Pod Identity)
 * @param requestTimeout   limit for one whole call, stream included
 * @param maxConnections   Netty connection pool size (HTTP/1.1: one per open stream)
 * @param payloadTemplate  the agent's own JSON with placeholders (see {@link AgentCorePayloads});
 *                         null for {@value AgentCorePayloads#DEFAULT_TEMPLATE}
 */
public record AgentCoreClientConfig(String agentRuntimeArn, String qualifier, String region, URI endpointOverride,
                                    AwsCredentialsProvider credentials, Duration requestTimeout, int maxConnections,
                                    String payloadTemplate) {}
