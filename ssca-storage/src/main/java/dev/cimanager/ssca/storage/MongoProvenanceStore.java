package dev.cimanager.ssca.storage;

import static com.mongodb.client.model.Filters.eq;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoClientSettings;
import com.mongodb.MongoException;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import dev.cimanager.contracts.artifacts.ProvenanceStatus;
import dev.cimanager.ssca.spi.ProvenanceRecord;
import dev.cimanager.ssca.spi.ProvenanceStore;
import dev.cimanager.ssca.spi.ProvenanceStoreException;
import java.time.Instant;
import java.util.Date;
import java.util.Optional;
import org.bson.Document;
import org.bson.codecs.configuration.CodecRegistries;
import org.bson.codecs.configuration.CodecRegistry;
import org.bson.conversions.Bson;

/**
 * The SSCA module's write side in MongoDB: save a record, mark its push, find it again for a
 * re-push. The host's queries over the same records are {@link ProvenanceRecords}.
 *
 * <p>Every hot query is answered through {@code _id} lookups, the only lookups the embedded
 * mongo-java-server serves from an index (it ignores non-unique indexes and scans: seconds at 100k
 * records on its H2 file). Beside the records ({@code _id} = record id) two small lookup
 * collections map an execution id and an image digest to record ids. Lookup entries are written
 * before the record, so a crash between the two leaves an id that points nowhere (skipped on read),
 * never a record no lookup finds.
 */
public final class MongoProvenanceStore implements ProvenanceStore {
  static final String RECORDS = "provenance_records";
  static final String BY_EXECUTION = "provenance_by_execution";
  static final String BY_DIGEST = "provenance_by_digest";
  static final String IDS = "recordIds";

  private final MongoCollection<ProvenanceRecord> records;
  private final MongoCollection<Document> byExecution;
  private final MongoCollection<Document> byDigest;

  private MongoProvenanceStore(MongoDatabase database) {
    this.records = records(database);
    this.byExecution = database.getCollection(BY_EXECUTION);
    this.byDigest = database.getCollection(BY_DIGEST);
  }

  /** The store over {@code database}, with its indexes created (call once at start-up). */
  public static MongoProvenanceStore open(MongoDatabase database) {
    MongoProvenanceStore store = new MongoProvenanceStore(database);
    store.createIndexes();
    return store;
  }

  static MongoCollection<ProvenanceRecord> records(MongoDatabase database) {
    CodecRegistry codecs =
        CodecRegistries.fromRegistries(
            CodecRegistries.fromCodecs(new ProvenanceRecordCodec()),
            MongoClientSettings.getDefaultCodecRegistry());
    return database.getCollection(RECORDS, ProvenanceRecord.class).withCodecRegistry(codecs);
  }

  // The lookups above serve the queries on both servers; these serve ad-hoc queries on a real
  // MongoDB.
  private void createIndexes() {
    try {
      records.createIndex(
          Indexes.ascending(ProvenanceRecordCodec.EXECUTION),
          new IndexOptions().name("executionId"));
      records.createIndex(
          Indexes.ascending(ProvenanceRecordCodec.DIGEST), new IndexOptions().name("digest"));
    } catch (MongoException e) {
      throw new ProvenanceStoreException(
          "tried to create the provenance indexes but failed because " + e.getMessage(), e);
    }
  }

  @Override
  public void save(ProvenanceRecord record) {
    String id = record.id();
    try {
      UpdateOptions upsert = new UpdateOptions().upsert(true);
      byExecution.updateOne(eq("_id", record.executionId()), Updates.addToSet(IDS, id), upsert);
      byDigest.updateOne(eq("_id", record.digest()), Updates.addToSet(IDS, id), upsert);
      records.insertOne(record);
    } catch (MongoWriteException e) {
      if (e.getError().getCategory() == ErrorCategory.DUPLICATE_KEY) {
        throw new ProvenanceStoreException(
            "tried to save provenance record "
                + id
                + " but failed because a record with that id exists",
            e);
      }
      throw failure("save provenance record " + id, e);
    } catch (MongoException e) {
      throw failure("save provenance record " + id, e);
    }
  }

  @Override
  public ProvenanceRecord markPushed(String id, String attestationRef, Instant at) {
    return update(
        id,
        "mark provenance record " + id + " PUSHED",
        Updates.combine(
            Updates.set(ProvenanceRecordCodec.STATUS, ProvenanceStatus.PUSHED.name()),
            Updates.set(ProvenanceRecordCodec.ATTESTATION_REF, attestationRef),
            Updates.unset(ProvenanceRecordCodec.FAILURE_MESSAGE),
            Updates.set(ProvenanceRecordCodec.UPDATED_AT, new Date(at.toEpochMilli()))));
  }

  @Override
  public ProvenanceRecord markPushFailed(String id, String reason, Instant at) {
    return update(
        id,
        "mark provenance record " + id + " PUSH_FAILED",
        Updates.combine(
            Updates.set(ProvenanceRecordCodec.STATUS, ProvenanceStatus.PUSH_FAILED.name()),
            Updates.set(ProvenanceRecordCodec.FAILURE_MESSAGE, reason),
            Updates.set(ProvenanceRecordCodec.UPDATED_AT, new Date(at.toEpochMilli()))));
  }

  private ProvenanceRecord update(String id, String action, Bson update) {
    ProvenanceRecord updated;
    try {
      updated =
          records.findOneAndUpdate(
              eq("_id", id),
              update,
              new FindOneAndUpdateOptions().returnDocument(ReturnDocument.AFTER));
    } catch (MongoException e) {
      throw failure(action, e);
    }
    if (updated == null) {
      throw new ProvenanceStoreException(
          "tried to " + action + " but failed because there is no such record");
    }
    return updated;
  }

  @Override
  public Optional<ProvenanceRecord> findById(String id) {
    try {
      return Optional.ofNullable(records.find(eq("_id", id)).first());
    } catch (MongoException e) {
      throw failure("read provenance record " + id, e);
    }
  }

  static ProvenanceStoreException failure(String action, MongoException e) {
    return new ProvenanceStoreException(
        "tried to " + action + " but failed because " + e.getMessage(), e);
  }
}
