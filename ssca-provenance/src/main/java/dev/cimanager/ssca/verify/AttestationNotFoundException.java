package dev.cimanager.ssca.verify;

/** The image has no {@code sha256-<hex>.att} tag in its repository: nothing was ever attested. */
public final class AttestationNotFoundException extends RuntimeException {
  AttestationNotFoundException(String message) {
    super(message);
  }
}
