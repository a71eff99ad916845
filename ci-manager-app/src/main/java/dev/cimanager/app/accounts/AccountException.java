package dev.cimanager.app.accounts;

import dev.cimanager.app.failures.DomainException;

/** An account, org or project could not be created or found; the message names it. */
public final class AccountException extends DomainException {
  /** Why an account, org or project operation failed. */
  public enum Reason {
    ORG_NOT_FOUND,
    PROJECT_NOT_FOUND,
    /** An account, org or project with that identifier already exists. */
    DUPLICATE
  }

  public AccountException(Reason reason, String message) {
    super(reason, message, null);
  }

  @Override
  public Reason reason() {
    return (Reason) super.reason();
  }
}
