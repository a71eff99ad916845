package dev.cimanager.ssca.spi;

import java.time.Instant;
import java.util.Optional;

/**
 * Implemented by the host (MongoDB in {@code ssca-storage}): the module's write side. It is the
 * outbox of the registry push: a record is saved before the push and marked after it. The host
 * queries the records for its own pages itself ({@code ProvenanceRecords} in {@code ssca-storage});
 * the module reads a record only to push it again.
 */
public interface ProvenanceStore {

  /**
   * Saves a new record.
   *
   * @throws ProvenanceStoreException when a record with its id exists or the database fails
   */
  void save(ProvenanceRecord record);

  /**
   * Marks a record's attestation as in the registry at {@code attestationRef}.
   *
   * @return the updated record
   * @throws ProvenanceStoreException when there is no such record or the database fails
   */
  ProvenanceRecord markPushed(String id, String attestationRef, Instant at);

  /** Marks a signed record whose push failed; it keeps its envelope for a re-push. */
  ProvenanceRecord markPushFailed(String id, String reason, Instant at);

  /** The record to push again (a re-push of a PUSH_FAILED record reads its stored envelope). */
  Optional<ProvenanceRecord> findById(String id);
}
