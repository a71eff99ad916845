package dev.cimanager.ssca.spi;

/** Where a provenance record is in its life: the store is the outbox of the registry push. */
public enum ProvenanceStatus {
  /** Signed and stored; the push has not finished (or the process stopped during it). */
  PENDING,
  /** The attestation is in the registry. */
  PUSHED,
  /** Signed and stored, but the push failed; can be re-pushed from the stored envelope. */
  PUSH_FAILED,
  /** No signed attestation exists (secret, key or signing failure); nothing was pushed. */
  FAILED
}
