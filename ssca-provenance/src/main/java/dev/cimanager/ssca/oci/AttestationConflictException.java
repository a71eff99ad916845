package dev.cimanager.ssca.oci;

/**
 * Concurrent writers kept replacing the {@code .att} manifest, so our layer could not be made to
 * stick. Nothing is half-written: the layer blob may exist, but no tag claims it. Safe to retry.
 */
public final class AttestationConflictException extends RegistryException {
  public AttestationConflictException(String action, String reason) {
    super(action, 0, reason);
  }
}
