package dev.cimanager.ssca.api;

import java.util.List;

/**
 * What verifying an image's {@code .att} with a public key found, as {@code cosign
 * verify-attestation --type slsaprovenance1} would: the image is verified when at least one
 * attestation is.
 *
 * @param attestationRef the {@code registry/repository:sha256-<hex>.att} that was read
 * @param verifiedStatements the in-toto statements of the layers that verified, exactly as signed
 * @param failures one line per layer that did not verify, naming the layer and the failed check
 */
public record VerificationResult(
    String attestationRef, List<byte[]> verifiedStatements, List<String> failures) {
  public VerificationResult {
    verifiedStatements = verifiedStatements.stream().map(byte[]::clone).toList();
    failures = List.copyOf(failures);
  }

  public boolean verified() {
    return !verifiedStatements.isEmpty();
  }
}
