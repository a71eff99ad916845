package dev.cimanager.ssca.spi;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Implemented by the host (MongoDB in {@code ssca-storage}): where provenance records live. It is the
 * outbox of the registry push: a record is saved before the push and marked after it.
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

  Optional<ProvenanceRecord> findById(String id);

  /** An execution's records (its Artifacts tab), oldest first. */
  List<ProvenanceRecord> findByExecution(String executionId);

  /** Every record whose subject is this image digest ({@code sha256:<hex>}), oldest first. */
  List<ProvenanceRecord> findByDigest(String digest);

  /** The account's most recent records, newest first, at most {@code limit}. */
  List<ProvenanceRecord> latestForAccount(String accountId, int limit);
}
