package dev.cimanager.ssca.verify;

import java.util.List;

/** No attestation of an image verified; {@link #failures()} says why, layer by layer. */
public final class AttestationVerificationException extends RuntimeException {
  private final List<LayerFailure> failures;

  AttestationVerificationException(String message, List<LayerFailure> failures) {
    super(message);
    this.failures = List.copyOf(failures);
  }

  public List<LayerFailure> failures() {
    return failures;
  }
}
