package dev.crossover.aws;

import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;

/** {@link AwsFacts} pointed at a {@link LocalAwsDouble}: static credentials, us-east-1, short back-off, no price schedule. */
public final class LocalAwsFacts {

  private LocalAwsFacts() {}

  public static AwsFacts start(LocalAwsDouble aws, Optional<String> cluster, Clock clock) {
    AwsSettings settings = new AwsSettings(true, Optional.of("us-east-1"), cluster, Optional.of(aws.endpoint()), "us-east-1",
        Duration.ofSeconds(5), 3, Duration.ofMillis(5), Duration.ofHours(1), Duration.ofMillis(200),
        Duration.ofSeconds(5), Duration.ZERO);
    return AwsFacts.start(settings, StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIDTEST", "secret")), clock);
  }
}
