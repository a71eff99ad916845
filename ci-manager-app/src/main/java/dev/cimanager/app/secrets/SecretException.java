package dev.cimanager.app.secrets;

import dev.cimanager.app.failures.DomainException;

/** A secret could not be stored or resolved; the message names the secret or reference. */
public final class SecretException extends DomainException {
  /** Why a secret operation failed. */
  public enum Reason {
    /** The secret addressed by an endpoint's path does not exist. */
    NOT_FOUND,
    /** A reference (in a request body or a pipeline) names no secret. */
    REFERENCE_NOT_FOUND,
    /** The secret exists but is of another type than required. */
    WRONG_TYPE,
    /** A secret with that identifier already exists in the scope. */
    DUPLICATE
  }

  public SecretException(Reason reason, String message) {
    super(reason, message, null);
  }

  @Override
  public Reason reason() {
    return (Reason) super.reason();
  }
}
