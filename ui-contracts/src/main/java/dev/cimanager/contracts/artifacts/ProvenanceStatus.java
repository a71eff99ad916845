package dev.cimanager.contracts.artifacts;

/** Where an artifact's provenance is. */
public enum ProvenanceStatus {
  /** Signed, stored and in the registry as {@code sha256-<hex>.att}. */
  PUSHED,
  /** Signed and stored, but the registry push failed: can be re-pushed. */
  PUSH_FAILED,
  /** Not signed (secret, key or signing failure); nothing was pushed. */
  FAILED
}
