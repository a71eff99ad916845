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

  /**
   * Why: a stage of the flow failed, or a re-push found no record or one that is not PUSH_FAILED.
   */
  public enum Reason {
    FAILED,
    RECORD_NOT_FOUND,
    NOT_PUSH_FAILED
  }

  private final Stage stage;
  private final Reason reason;
  private final String recordId;

  ProvenanceException(
      Stage stage, Reason reason, String recordId, String message, Throwable cause) {
    super(message, cause);
    this.stage = stage;
    this.reason = reason;
    this.recordId = recordId;
  }

  static ProvenanceException failed(Stage stage, String recordId, String message, Throwable cause) {
    return new ProvenanceException(stage, Reason.FAILED, recordId, message, cause);
  }

  ProvenanceException withRecordId(String id) {
    ProvenanceException copy = new ProvenanceException(stage, reason, id, getMessage(), getCause());
    for (Throwable suppressed : getSuppressed()) {
      copy.addSuppressed(suppressed);
    }
    return copy;
  }

  public Stage stage() {
    return stage;
  }

  /** What the host branches on; it chooses its own status codes. */
  public Reason reason() {
    return reason;
  }

  /** The record the failure left behind (FAILED or PUSH_FAILED), when one was stored. */
  public Optional<String> recordId() {
    return Optional.ofNullable(recordId);
  }
}
