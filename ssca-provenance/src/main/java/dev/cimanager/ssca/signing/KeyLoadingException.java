package dev.cimanager.ssca.signing;

/**
 * A key (private or public) could not be loaded. The message names what was tried and why it
 * failed; it never contains key bytes or the password.
 */
public final class KeyLoadingException extends Exception {

  /** Why the key could not be loaded, one value per way it can fail. */
  public enum Reason {
    /** The input is larger than {@link SigningKeys#MAX_KEY_FILE_BYTES}. */
    TOO_LARGE,
    /** No PEM block in the input. */
    NOT_PEM,
    /** A PEM block of a type we do not read. */
    UNSUPPORTED_PEM_TYPE,
    /**
     * Encryption we do not support (KDF, its parameters, or cipher). Refused before any KDF runs.
     */
    UNSUPPORTED_ENCRYPTION,
    /** Decryption failed authentication: wrong password or corrupted ciphertext. */
    WRONG_PASSWORD,
    /** Decrypted fine, but the plaintext is not a PKCS#8 private key (cosign requires PKCS#8). */
    NOT_PKCS8,
    /** A key type, curve or size we do not sign or verify with. */
    UNSUPPORTED_KEY,
    /** The structure is broken: bad base64, JSON or ASN.1. */
    MALFORMED
  }

  private final Reason reason;

  KeyLoadingException(Reason reason, String message) {
    super(message);
    this.reason = reason;
  }

  KeyLoadingException(Reason reason, String message, Throwable cause) {
    super(message, cause);
    this.reason = reason;
  }

  public Reason reason() {
    return reason;
  }
}
