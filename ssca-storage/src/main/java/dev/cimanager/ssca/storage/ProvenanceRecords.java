package dev.cimanager.ssca.storage;

import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.in;

import com.mongodb.MongoException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import dev.cimanager.ssca.spi.ProvenanceRecord;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.bson.Document;

/**
 * The host's queries over the provenance records the SSCA module wrote through {@link
 * MongoProvenanceStore}: an execution's (its Artifacts tab) and an image digest's. The module
 * itself never reads them.
 */
public final class ProvenanceRecords {
  private final MongoCollection<ProvenanceRecord> records;
  private final MongoCollection<Document> byExecution;
  private final MongoCollection<Document> byDigest;

  public ProvenanceRecords(MongoDatabase database) {
    this.records = MongoProvenanceStore.records(database);
    this.byExecution = database.getCollection(MongoProvenanceStore.BY_EXECUTION);
    this.byDigest = database.getCollection(MongoProvenanceStore.BY_DIGEST);
  }

  /** An execution's records, oldest first. */
  public List<ProvenanceRecord> findByExecution(String executionId) {
    return oldestFirst(lookup(byExecution, executionId, "execution " + executionId));
  }

  /** Every record whose subject is this image digest ({@code sha256:<hex>}), oldest first. */
  public List<ProvenanceRecord> findByDigest(String digest) {
    return oldestFirst(lookup(byDigest, digest, "image digest " + digest));
  }

  private List<ProvenanceRecord> lookup(
      MongoCollection<Document> lookups, String key, String what) {
    try {
      Document entry = lookups.find(eq("_id", key)).first();
      if (entry == null) {
        return List.of();
      }
      List<String> ids =
          new ArrayList<>(
              new LinkedHashSet<>(entry.getList(MongoProvenanceStore.IDS, String.class)));
      // {_id: {$in: [...]}} is served by the _id index on both servers
      Map<String, ProvenanceRecord> found =
          records.find(in("_id", ids)).into(new ArrayList<>()).stream()
              .collect(Collectors.toMap(ProvenanceRecord::id, Function.identity()));
      return ids.stream().map(found::get).filter(Objects::nonNull).collect(Collectors.toList());
    } catch (MongoException e) {
      throw MongoProvenanceStore.failure("read the provenance records of " + what, e);
    }
  }

  private static List<ProvenanceRecord> oldestFirst(List<ProvenanceRecord> found) {
    List<ProvenanceRecord> sorted = new ArrayList<>(found);
    sorted.sort(
        Comparator.comparing(ProvenanceRecord::createdAt).thenComparing(ProvenanceRecord::id));
    return sorted;
  }
}
