package dev.cimanager.app.connectors;

import dev.cimanager.app.failures.DomainException;

/** A connector could not be stored, resolved or used; the message names the connector or field. */
public final class ConnectorException extends DomainException {
  /** Why a connector operation failed. */
  public enum Reason {
    /** A reference (in a pipeline or trigger) names no connector. */
    REFERENCE_NOT_FOUND,
    /** The connector exists but is of another type than required. */
    WRONG_TYPE,
    /** Its URL points where the operator's outbound rules forbid. */
    ADDRESS_NOT_ALLOWED,
    /** A file:// Git URL outside the account's folder, or such URLs are disabled. */
    GIT_URL_REFUSED,
    /** A registry reached over plain HTTP that the operator did not list as insecure. */
    INSECURE_REGISTRY,
    /** A connector with that identifier already exists in the scope. */
    DUPLICATE
  }

  public ConnectorException(Reason reason, String message) {
    super(reason, message, null);
  }

  @Override
  public Reason reason() {
    return (Reason) super.reason();
  }
}
