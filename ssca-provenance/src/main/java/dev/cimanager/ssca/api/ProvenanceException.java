package dev.cimanager.ssca.api;

import java.util.Optional;

/**
 * Generating, storing, pushing or verifying provenance failed. The message says what was tried and
 * why it failed, naming the secret reference, registry or record; it never contains a secret value.
 */
public final class ProvenanceException extends RuntimeException {

  /** The stage of the attestation flow that failed. */
  public enum Stage {
    /** ExecutionContext -> predicate -> statement. */
    PREDICATE,
    /** Resolving the key file and password secrets. */
    SECRETS,
    /** Loading the key and signing the DSSE envelope. */
    SIGN,
    /** Saving or updating the provenance record. */
    STORE,
    /** Pushing the {@code .att} to the registry. */
    PUBLISH,
    /** Reading and verifying an image's attestations. */
    VERIFY
  }

  private final Stage stage;
  private final String code;
  private final String recordId;

  ProvenanceException(Stage stage, String code, String recordId, String message, Throwable cause) {
    super(message, cause);
    this.stage = stage;
    this.code = code;
    this.recordId = recordId;
  }

  static ProvenanceException failed(Stage stage, String recordId, String message, Throwable cause) {
    return new ProvenanceException(stage, "PROVENANCE_" + stage + "_FAILED", recordId, message, cause);
  }

  ProvenanceException withRecordId(String id) {
    ProvenanceException copy = new ProvenanceException(stage, code, id, getMessage(), getCause());
    for (Throwable suppressed : getSuppressed()) {
      copy.addSuppressed(suppressed);
    }
    return copy;
  }

  public Stage stage() {
    return stage;
  }

  /**
   * UPPER_SNAKE code for API errors: {@code PROVENANCE_<STAGE>_FAILED}, or for {@link
   * ProvenanceService#repush} {@code RECORD_NOT_FOUND} / {@code NOT_PUSH_FAILED}.
   */
  public String code() {
    return code;
  }

  /** The record the failure left behind (FAILED or PUSH_FAILED), when one was stored. */
  public Optional<String> recordId() {
    return Optional.ofNullable(recordId);
  }
}
