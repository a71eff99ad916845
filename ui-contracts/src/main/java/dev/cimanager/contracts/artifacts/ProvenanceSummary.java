package dev.cimanager.contracts.artifacts;

/**
 * The SLSA provenance of one artifact.
 *
 * @param predicateType {@code https://slsa.dev/provenance/v1}
 * @param attestationRef {@code registry/repository:sha256-<hex>.att} once pushed, else null
 * @param failureMessage why it is FAILED or PUSH_FAILED, else null
 */
public record ProvenanceSummary(
    ProvenanceStatus status, String predicateType, String attestationRef, String failureMessage) {}
