package dev.cimanager.app.errors;

/**
 * A connector could not be stored, resolved or used for a {@link Reason} callers branch on; the
 * message names the connector or field. The HTTP status and code of each reason are chosen here.
 *
 * <p>It still extends {@link ApiException} while callers catch that type; see {@link
 * SecretException}.
 */
public final class ConnectorException extends ApiException {
  /** Why a connector operation failed. */
  public enum Reason {
    /** A reference (in a pipeline or trigger) names no connector. */
    REFERENCE_NOT_FOUND(400, "CONNECTOR_NOT_FOUND"),
    /** The connector exists but is of another type than required. */
    WRONG_TYPE(400, "CONNECTOR_TYPE_MISMATCH"),
    /** Its URL points where the operator's outbound rules forbid. */
    ADDRESS_NOT_ALLOWED(400, "ADDRESS_NOT_ALLOWED"),
    /** A file:// Git URL outside the account's folder, or such URLs are disabled. */
    GIT_URL_REFUSED(400, "GIT_URL_REFUSED"),
    /** A connector with that identifier already exists in the scope. */
    DUPLICATE(409, "DUPLICATE_IDENTIFIER");

    private final int status;
    private final String code;

    Reason(int status, String code) {
      this.status = status;
      this.code = code;
    }
  }

  private final Reason reason;

  public ConnectorException(Reason reason, String message) {
    super(reason.status, reason.code, message);
    this.reason = reason;
  }

  public Reason reason() {
    return reason;
  }
}
