package dev.cimanager.ssca.spi;

import java.time.Duration;

/** Another publisher held the lock on an attestation for longer than we were willing to wait. */
public final class AttestationLockTimeoutException extends AttestationLockException {
  private final String key;

  public AttestationLockTimeoutException(String key, Duration timeout) {
    super(
        "tried to lock "
            + key
            + " for publishing but failed because another publisher has held it for "
            + timeout.toMillis()
            + " ms; nothing was written, so publishing again is safe");
    this.key = key;
  }

  /** The attestation reference that stayed locked. */
  public String key() {
    return key;
  }
}
