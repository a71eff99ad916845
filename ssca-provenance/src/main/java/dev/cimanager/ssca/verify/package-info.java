/**
 * Verification of an image's {@code .att} attestations as {@code cosign verify-attestation --type
 * slsaprovenance1} does it. Entry point: {@link dev.cimanager.ssca.verify.AttestationVerifier}.
 * Depends on {@code oci} (to read the registry) and {@code signing} (DSSE).
 */
package dev.cimanager.ssca.verify;
