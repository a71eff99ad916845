package dev.cimanager.app.provenance;

import dev.cimanager.app.failures.DomainException;

/**
 * The server cannot do a provenance task now: generate a key pair, or re-push an artifact whose
 * registry credentials no longer resolve (the cause says why).
 */
public final class ProvenanceUnavailableException extends DomainException {
  /** What cannot be done now. */
  public enum Reason {
    /** Every key generation slot is busy; a later request may succeed. */
    KEY_GENERATION_BUSY,
    /** The pushing step's registry connector or its password does not resolve (the cause). */
    REGISTRY_CREDENTIALS_UNRESOLVED
  }

  /**
   * @param cause required for {@code REGISTRY_CREDENTIALS_UNRESOLVED}, whose answer is the cause's
   */
  public ProvenanceUnavailableException(Reason reason, String message, DomainException cause) {
    super(reason, message, cause);
    if (reason == Reason.REGISTRY_CREDENTIALS_UNRESOLVED && cause == null) {
      throw new IllegalArgumentException(reason + " needs the failure that caused it");
    }
  }

  @Override
  public Reason reason() {
    return (Reason) super.reason();
  }

  @Override
  public synchronized DomainException getCause() {
    return (DomainException) super.getCause();
  }
}
