package dev.cimanager.ssca.api;

/**
 * A signed attestation, stored and in the registry.
 *
 * @param recordId the provenance record (the artifact id the API shows)
 * @param image {@code registry/repository}
 * @param digest the image digest the attestation is about
 * @param attestationRef {@code registry/repository:sha256-<hex>.att}
 * @param attestationManifestDigest the {@code .att} manifest that now holds the envelope
 */
public record AttestationResult(
    String recordId,
    String image,
    String digest,
    String attestationRef,
    String attestationManifestDigest) {}
