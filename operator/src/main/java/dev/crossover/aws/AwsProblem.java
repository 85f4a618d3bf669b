package dev.crossover.aws;

import java.util.Set;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkClientException;

/**
 * Why an AWS look-up gave no answer, in words a condition can carry: which IAM action, what AWS
 * said, and what to do. Throttling reaches here only after the SDK's retries are spent.
 *
 * @param action  the IAM action, e.g. eks:DescribeCluster (docs/iam.md lists them all)
 */
public record AwsProblem(Kind kind, String action, String message) {

  public enum Kind {
    /** crossover.aws.enabled is false: nothing was asked. */
    DISABLED("AwsDisabled"),
    /** crossover.aws.cluster-name is not set: the operator does not know it runs on EKS. */
    NOT_ON_EKS("NotOnEks"),
    ACCESS_DENIED("AwsAccessDenied"),
    THROTTLED("AwsThrottled"),
    NOT_FOUND("AwsNotFound"),
    /** No answer: timeout, no route, no credentials or region. */
    UNREACHABLE("AwsUnreachable"),
    ERROR("AwsError");

    private final String reason;

    Kind(String reason) {
      this.reason = reason;
    }

    /** The condition reason for this kind. */
    public String reason() {
      return reason;
    }
  }

  private static final Set<String> DENIED = Set.of("AccessDeniedException", "AccessDenied", "UnauthorizedOperation",
      "UnrecognizedClientException", "InvalidClientTokenId", "AuthFailure", "ExpiredTokenException",
      "UnauthorizedException", "SignatureDoesNotMatch", "OptInRequired");

  public static AwsProblem disabled(String action) {
    return new AwsProblem(Kind.DISABLED, action, "crossover.aws.enabled is false: " + action + " was not called.");
  }

  public static AwsProblem of(String action, Throwable e) {
    if (e instanceof AwsServiceException aws) {
      String code = aws.awsErrorDetails() == null ? null : aws.awsErrorDetails().errorCode();
      String said = aws.awsErrorDetails() == null || aws.awsErrorDetails().errorMessage() == null
          ? aws.getMessage() : aws.awsErrorDetails().errorMessage();
      String what = (code == null ? "HTTP " + aws.statusCode() : code) + ": " + said;
      if ((code != null && DENIED.contains(code)) || aws.statusCode() == 403) {
        return new AwsProblem(Kind.ACCESS_DENIED, action, action + " was denied (" + what
            + "). Grant it to the operator's IAM role (docs/iam.md).");
      }
      if (aws.isThrottlingException() || aws.statusCode() == 429) {
        return new AwsProblem(Kind.THROTTLED, action, action + " was throttled after the SDK's retries (" + what
            + "); it is tried again later.");
      }
      if (aws.statusCode() == 404 || (code != null && (code.contains("NotFound") || code.startsWith("InvalidInstanceType")))) {
        return new AwsProblem(Kind.NOT_FOUND, action, action + " found nothing (" + what + ").");
      }
      return new AwsProblem(Kind.ERROR, action, action + " failed (" + what + ").");
    }
    if (e instanceof SdkClientException) {
      return new AwsProblem(Kind.UNREACHABLE, action, action + " got no answer: " + e.getMessage());
    }
    return new AwsProblem(Kind.ERROR, action, action + " failed: " + e);
  }
}
