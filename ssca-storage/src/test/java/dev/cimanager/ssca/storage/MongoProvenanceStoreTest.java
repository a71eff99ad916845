package dev.cimanager.ssca.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cimanager.contracts.artifacts.ProvenanceStatus;
import dev.cimanager.ssca.spi.ProvenanceRecord;
import dev.cimanager.ssca.spi.ProvenanceStoreException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MongoProvenanceStoreTest {
  private static TestMongo mongo;
  private MongoProvenanceStore store;
  private ProvenanceRecords queries;

  @BeforeAll
  static void startMongo() {
    mongo = TestMongo.inMemory();
  }

  @AfterAll
  static void stopMongo() {
    mongo.close();
  }

  @BeforeEach
  void emptyStore() {
    mongo.database().drop();
    store = MongoProvenanceStore.open(mongo.database());
    queries = new ProvenanceRecords(mongo.database());
  }

  @Test
  void findById_savedRecord_returnsEqualRecordWithExactEnvelopeBytes() {
    ProvenanceRecord saved = Records.pending("r1", "acme", "e1", Records.digest(1), Records.T0);
    store.save(saved);

    ProvenanceRecord read = store.findById("r1").orElseThrow();

    assertThat(read).isEqualTo(saved);
    assertThat(read.envelope()).isEqualTo(saved.envelope());
  }

  @Test
  void save_subMillisecondInstant_readsBackTruncatedToMillis() {
    Instant precise = Instant.parse("2026-11-26T05:00:00.123456789Z");
    store.save(Records.pending("r1", "acme", "e1", Records.digest(1), precise));

    assertThat(store.findById("r1").orElseThrow().createdAt())
        .isEqualTo(Instant.parse("2026-11-26T05:00:00.123Z"));
  }

  @Test
  void save_existingId_failsNamingTheRecord() {
    store.save(Records.pending("r1", "acme", "e1", Records.digest(1), Records.T0));

    assertThatThrownBy(
            () -> store.save(Records.pending("r1", "acme", "e1", Records.digest(1), Records.T0)))
        .isInstanceOf(ProvenanceStoreException.class)
        .hasMessage(
            "tried to save provenance record r1 but failed because a record with that id exists");
    assertThat(queries.findByExecution("e1")).hasSize(1);
  }

  @Test
  void findById_unknownId_isEmpty() {
    assertThat(store.findById("nope")).isEmpty();
  }

  @Test
  void markPushed_pendingRecord_storesRefAndTime() {
    store.save(Records.pending("r1", "acme", "e1", Records.digest(1), Records.T0));
    Instant later = Records.T0.plusSeconds(2);

    ProvenanceRecord pushed =
        store.markPushed("r1", "127.0.0.1:5000/demo/app:sha256-01.att", later);

    assertThat(pushed.status()).isEqualTo(ProvenanceStatus.PUSHED);
    assertThat(pushed.attestationRef()).isEqualTo("127.0.0.1:5000/demo/app:sha256-01.att");
    assertThat(pushed.updatedAt()).isEqualTo(later);
    assertThat(store.findById("r1").orElseThrow()).isEqualTo(pushed);
  }

  @Test
  void markPushed_afterPushFailed_clearsTheFailure() {
    store.save(Records.pending("r1", "acme", "e1", Records.digest(1), Records.T0));
    ProvenanceRecord failed =
        store.markPushFailed("r1", "registry answered 503", Records.T0.plusSeconds(1));
    assertThat(failed.status()).isEqualTo(ProvenanceStatus.PUSH_FAILED);
    assertThat(failed.failureMessage()).isEqualTo("registry answered 503");

    ProvenanceRecord pushed = store.markPushed("r1", "ref", Records.T0.plusSeconds(2));

    assertThat(pushed.failureMessage()).isNull();
    assertThat(pushed.envelope()).isEqualTo(failed.envelope());
  }

  @Test
  void markPushFailed_unknownId_failsNamingTheRecord() {
    assertThatThrownBy(() -> store.markPushFailed("nope", "x", Records.T0))
        .isInstanceOf(ProvenanceStoreException.class)
        .hasMessage(
            "tried to mark provenance record nope PUSH_FAILED but failed because there is no such record");
  }

  @Test
  void save_failedRecordWithoutEnvelope_roundTrips() {
    ProvenanceRecord pending = Records.pending("r1", "acme", "e1", Records.digest(1), Records.T0);
    ProvenanceRecord failed =
        new ProvenanceRecord(
            "r1",
            "acme",
            "default",
            "demo",
            "build_app",
            "e1",
            "build",
            "BuildAndPush",
            pending.image(),
            pending.tags(),
            pending.digest(),
            pending.predicateType(),
            pending.statement(),
            null,
            ProvenanceStatus.FAILED,
            null,
            "account.cosign_password is a SecretFile but a text secret is required",
            Records.T0,
            Records.T0);
    store.save(failed);

    assertThat(store.findById("r1").orElseThrow()).isEqualTo(failed);
  }

  @Test
  void findByExecution_recordsOfSeveralExecutions_returnsOnlyThatExecutionsOldestFirst() {
    store.save(Records.pending("b", "acme", "e1", Records.digest(2), Records.T0.plusSeconds(5)));
    store.save(Records.pending("a", "acme", "e1", Records.digest(1), Records.T0));
    store.save(Records.pending("c", "acme", "e2", Records.digest(3), Records.T0));

    assertThat(queries.findByExecution("e1"))
        .extracting(ProvenanceRecord::id)
        .containsExactly("a", "b");
    assertThat(queries.findByExecution("e3")).isEmpty();
  }

  @Test
  void findByDigest_sameDigestTwoExecutions_returnsBoth() {
    store.save(Records.pending("a", "acme", "e1", Records.digest(1), Records.T0));
    store.save(Records.pending("b", "acme", "e2", Records.digest(1), Records.T0.plusSeconds(1)));
    store.save(Records.pending("c", "acme", "e3", Records.digest(2), Records.T0));

    assertThat(queries.findByDigest(Records.digest(1)))
        .extracting(ProvenanceRecord::id)
        .containsExactly("a", "b");
  }

  @Test
  void findByExecution_lookupPointsAtMissingRecord_skipsIt() {
    // what a crash between the lookup writes and the record insert leaves behind
    mongo
        .database()
        .getCollection(MongoProvenanceStore.BY_EXECUTION)
        .insertOne(new org.bson.Document("_id", "e1").append("recordIds", List.of("ghost")));
    store.save(Records.pending("a", "acme", "e1", Records.digest(1), Records.T0));

    assertThat(queries.findByExecution("e1")).extracting(ProvenanceRecord::id).containsExactly("a");
  }

  @Test
  void open_h2File_recordsSurviveARestart(@TempDir Path dir) {
    Path file = dir.resolve("ci-manager.mv");
    ProvenanceRecord saved = Records.pending("r1", "acme", "e1", Records.digest(1), Records.T0);
    try (TestMongo first = TestMongo.onFile(file)) {
      MongoProvenanceStore.open(first.database()).save(saved);
    }

    try (TestMongo second = TestMongo.onFile(file)) {
      MongoProvenanceStore reopened = MongoProvenanceStore.open(second.database());
      assertThat(reopened.findById("r1")).contains(saved);
      ProvenanceRecords reopenedQueries = new ProvenanceRecords(second.database());
      assertThat(reopenedQueries.findByExecution("e1")).containsExactly(saved);
      assertThat(reopenedQueries.findByDigest(Records.digest(1))).containsExactly(saved);
    }
  }
}
