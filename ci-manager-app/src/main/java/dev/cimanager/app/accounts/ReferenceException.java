package dev.cimanager.app.accounts;

import dev.cimanager.app.failures.DomainException;

/**
 * A YAML reference to a secret or connector ({@code account.<id>}, {@code org.<id>}, {@code <id>})
 * is empty or cannot name an object from where it is used.
 */
public final class ReferenceException extends DomainException {
  /** Why a reference cannot be resolved. */
  public enum Reason {
    EMPTY,
    /** Malformed, or naming a scope the place it is used from does not have. */
    INVALID
  }

  public ReferenceException(Reason reason, String message) {
    super(reason, message, null);
  }

  @Override
  public Reason reason() {
    return (Reason) super.reason();
  }
}
