package dev.cimanager.app.failures;

/** A field of a request, however it arrived, is missing or malformed; the message names it. */
public final class InvalidInputException extends DomainException {
  /** Why the input is refused. */
  public enum Reason {
    /** Missing, of the wrong type or shape, or out of range. */
    MALFORMED,
    /** An identifier that is not a letter or '_' followed by up to 127 letters, digits or '_'. */
    INVALID_IDENTIFIER
  }

  public InvalidInputException(String message) {
    this(Reason.MALFORMED, message);
  }

  public InvalidInputException(Reason reason, String message) {
    super(reason, message, null);
  }

  @Override
  public Reason reason() {
    return (Reason) super.reason();
  }
}
