package dev.cimanager.ssca.spi;

/**
 * The lock on an attestation could not be taken (the storage behind it failed, or the wait was
 * interrupted), or was held too long to write the manifest safely. No manifest was written.
 */
public class AttestationLockException extends RuntimeException {
  public AttestationLockException(String message, Throwable cause) {
    super(message, cause);
  }

  protected AttestationLockException(String message) {
    super(message);
  }
}
