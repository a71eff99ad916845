package dev.cimanager.ssca.spi;

import dev.cimanager.contracts.artifacts.ProvenanceStatus;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * A {@link ProvenanceStore} in a map: the seam for facade unit tests (the real one is
 * MongoProvenanceStore).
 */
public final class InMemoryProvenanceStore implements ProvenanceStore {
  private final Map<String, ProvenanceRecord> records = new LinkedHashMap<>();

  @Override
  public synchronized void save(ProvenanceRecord record) {
    if (records.putIfAbsent(record.id(), record) != null) {
      throw new ProvenanceStoreException(
          "tried to save provenance record "
              + record.id()
              + " but failed because a record with that id exists");
    }
  }

  @Override
  public synchronized ProvenanceRecord markPushed(String id, String attestationRef, Instant at) {
    return replace(id, withStatus(existing(id), ProvenanceStatus.PUSHED, attestationRef, null, at));
  }

  @Override
  public synchronized ProvenanceRecord markPushFailed(String id, String reason, Instant at) {
    ProvenanceRecord r = existing(id);
    return replace(id, withStatus(r, ProvenanceStatus.PUSH_FAILED, r.attestationRef(), reason, at));
  }

  @Override
  public synchronized Optional<ProvenanceRecord> findById(String id) {
    return Optional.ofNullable(records.get(id));
  }

  public synchronized List<ProvenanceRecord> findByDigest(String digest) {
    return select(r -> r.digest().equals(digest));
  }

  public synchronized List<ProvenanceRecord> all() {
    return List.copyOf(records.values());
  }

  private ProvenanceRecord existing(String id) {
    ProvenanceRecord record = records.get(id);
    if (record == null) {
      throw new ProvenanceStoreException(
          "tried to update provenance record "
              + id
              + " but failed because there is no such record");
    }
    return record;
  }

  private static ProvenanceRecord withStatus(
      ProvenanceRecord r, ProvenanceStatus status, String ref, String reason, Instant at) {
    return new ProvenanceRecord(
        r.id(),
        r.accountId(),
        r.orgIdentifier(),
        r.projectIdentifier(),
        r.pipelineIdentifier(),
        r.executionId(),
        r.stageIdentifier(),
        r.stepIdentifier(),
        r.image(),
        r.tags(),
        r.digest(),
        r.predicateType(),
        r.statement(),
        r.envelope(),
        status,
        ref,
        reason,
        r.createdAt(),
        at);
  }

  private ProvenanceRecord replace(String id, ProvenanceRecord updated) {
    records.put(id, updated);
    return updated;
  }

  private List<ProvenanceRecord> select(Predicate<ProvenanceRecord> filter) {
    List<ProvenanceRecord> found =
        new ArrayList<>(records.values().stream().filter(filter).toList());
    found.sort(Comparator.comparing(ProvenanceRecord::createdAt));
    return found;
  }
}
