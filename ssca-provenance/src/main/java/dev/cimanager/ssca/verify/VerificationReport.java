package dev.cimanager.ssca.verify;

import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * What verifying every layer of an {@code .att} found: the layers that passed and why the others
 * failed.
 *
 * @param reference the {@code host/repo:sha256-<hex>.att} that was verified, for messages
 */
public record VerificationReport(
    List<VerifiedAttestation> verified, List<LayerFailure> failures, String reference) {
  public VerificationReport {
    verified = List.copyOf(verified);
    failures = List.copyOf(failures);
    Objects.requireNonNull(reference, "reference");
  }

  /**
   * The verified attestations, as {@code cosign verify-attestation} accepts an image when at least
   * one attestation verifies.
   *
   * @throws AttestationVerificationException when none did, listing every layer's failure
   */
  public List<VerifiedAttestation> requireVerified() {
    if (verified.isEmpty()) {
      throw new AttestationVerificationException(
          "tried to verify the attestations in "
              + reference
              + " but failed because none of its "
              + failures.size()
              + " layer(s) verified: "
              + failures.stream().map(LayerFailure::toString).collect(Collectors.joining("; ")),
          failures);
    }
    return verified;
  }
}
