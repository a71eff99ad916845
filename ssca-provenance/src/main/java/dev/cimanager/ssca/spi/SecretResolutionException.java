package dev.cimanager.ssca.spi;

/**
 * A secret reference could not be resolved. The message names the reference and the problem, never
 * a value: {@code account.cosign_password is a SecretFile but a text secret is required}.
 */
public final class SecretResolutionException extends RuntimeException {
  /** What went wrong, for callers that map it to an error code. */
  public enum Problem {
    INVALID_REFERENCE,
    NOT_FOUND,
    WRONG_TYPE,
    UNREADABLE
  }

  private final String reference;
  private final Problem problem;

  public SecretResolutionException(
      String reference, Problem problem, String message, Throwable cause) {
    super(message, cause);
    this.reference = reference;
    this.problem = problem;
  }

  public static SecretResolutionException notFound(String reference, SecretScope scope) {
    return new SecretResolutionException(
        reference,
        Problem.NOT_FOUND,
        "secret "
            + reference
            + " does not exist in account "
            + scope.accountId()
            + (reference.startsWith("account.")
                ? ""
                : ", org "
                    + scope.orgIdentifier()
                    + (reference.startsWith("org.")
                        ? ""
                        : ", project " + scope.projectIdentifier())),
        null);
  }

  /** E.g. {@code wrongType("account.cosign_password", "SecretFile", "a text secret")}. */
  public static SecretResolutionException wrongType(
      String reference, String actualType, String required) {
    return new SecretResolutionException(
        reference,
        Problem.WRONG_TYPE,
        reference + " is a " + actualType + " but " + required + " is required",
        null);
  }

  public String reference() {
    return reference;
  }

  public Problem problem() {
    return problem;
  }
}
