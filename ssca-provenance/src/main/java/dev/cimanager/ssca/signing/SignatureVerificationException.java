package dev.cimanager.ssca.signing;

/** A DSSE envelope did not verify. The message names the reason. */
public final class SignatureVerificationException extends Exception {

  /** Why verification failed, one value per way it can fail. */
  public enum Reason {
    /** The envelope JSON is not a DSSE envelope. */
    MALFORMED_ENVELOPE,
    /** The envelope carries no signature. */
    NO_SIGNATURES,
    /** No signature verifies with the given public key over the envelope's PAE. */
    SIGNATURE_MISMATCH,
    /** The public key is not one we verify with. */
    UNSUPPORTED_KEY
  }

  private final Reason reason;

  SignatureVerificationException(Reason reason, String message) {
    super(message);
    this.reason = reason;
  }

  SignatureVerificationException(Reason reason, String message, Throwable cause) {
    super(message, cause);
    this.reason = reason;
  }

  public Reason reason() {
    return reason;
  }
}
