package dev.cimanager.app.errors;

/**
 * A YAML reference to a secret or connector ({@code account.<id>}, {@code org.<id>}, {@code <id>})
 * is empty or cannot name an object from where it is used. The HTTP status and code of each reason
 * are chosen here.
 *
 * <p>It still extends {@link ApiException} while callers catch that type; see {@link
 * SecretException}.
 */
public final class ReferenceException extends ApiException {
  /** Why a reference cannot be resolved. */
  public enum Reason {
    EMPTY(400, "INVALID_REQUEST"),
    /** Malformed, or naming a scope the place it is used from does not have. */
    INVALID(400, "INVALID_REFERENCE");

    private final int status;
    private final String code;

    Reason(int status, String code) {
      this.status = status;
      this.code = code;
    }
  }

  private final Reason reason;

  public ReferenceException(Reason reason, String message) {
    super(reason.status, reason.code, message);
    this.reason = reason;
  }

  public Reason reason() {
    return reason;
  }
}
