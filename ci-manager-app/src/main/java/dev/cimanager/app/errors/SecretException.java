package dev.cimanager.app.errors;

/**
 * A secret could not be stored or resolved, for a {@link Reason} callers branch on; the message
 * names the secret or reference. The HTTP status and code of each reason are chosen here, not by
 * the stores and services that throw it.
 *
 * <p>It still extends {@link ApiException} so the steps that catch {@code ApiException} around
 * secret resolution (build-and-push, the provenance hook) fail with the same message while they are
 * rewritten. To go: those callers catch this type, and the API answer is chosen by an
 * ExceptionMapper of its own.
 */
public final class SecretException extends ApiException {
  /** Why a secret operation failed. */
  public enum Reason {
    /** The secret addressed by an endpoint's path does not exist (404). */
    NOT_FOUND(404, "SECRET_NOT_FOUND"),
    /** A reference (in a request body or a pipeline) names no secret (400). */
    REFERENCE_NOT_FOUND(400, "SECRET_NOT_FOUND"),
    /** The secret exists but is of another type than required. */
    WRONG_TYPE(400, "SECRET_TYPE_MISMATCH"),
    /** A secret with that identifier already exists in the scope. */
    DUPLICATE(409, "DUPLICATE_IDENTIFIER");

    private final int status;
    private final String code;

    Reason(int status, String code) {
      this.status = status;
      this.code = code;
    }
  }

  private final Reason reason;

  public SecretException(Reason reason, String message) {
    super(reason.status, reason.code, message);
    this.reason = reason;
  }

  public Reason reason() {
    return reason;
  }
}
