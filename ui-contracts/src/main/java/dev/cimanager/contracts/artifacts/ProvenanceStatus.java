package dev.cimanager.contracts.artifacts;

/**
 * Where an artifact's provenance is. The SSCA module's store records the same statuses (it is the
 * outbox of the registry push); the API never answers {@link #PENDING}.
 */
public enum ProvenanceStatus {
  /**
   * Signed and stored; the push has not finished (or the process stopped during it). Store only.
   */
  PENDING,
  /** Signed, stored and in the registry as {@code sha256-<hex>.att}. */
  PUSHED,
  /** Signed and stored, but the registry push failed: can be re-pushed from the stored envelope. */
  PUSH_FAILED,
  /** Not signed (secret, key or signing failure); nothing was pushed. */
  FAILED
}
