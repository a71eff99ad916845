package dev.cimanager.app.failures;

/**
 * A failure of the domain for a reason the caller may switch on; the message is a sentence that
 * names the field, reference or object and what is wrong. Each boundary (secrets, connectors,
 * executions, ...) has one subclass with its own {@code Reason} enum; none carries an HTTP status.
 */
public abstract class DomainException extends RuntimeException {
  private final Enum<?> reason;

  protected DomainException(Enum<?> reason, String message, Throwable cause) {
    super(message, cause);
    this.reason = reason;
  }

  /**
   * Why it failed: a constant of the subclass's own {@code Reason} enum, the type it narrows to.
   */
  public Enum<?> reason() {
    return reason;
  }
}
