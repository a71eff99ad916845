package dev.cimanager.ssca.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.mongodb.client.MongoDatabase;
import dev.cimanager.ssca.spi.AttestationLockTimeoutException;
import dev.cimanager.ssca.spi.AttestationLocks;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;

/** Two lock objects on one database over the wire protocol stand for two CI manager instances. */
class MongoAttestationLocksTest {
  private static final Duration WAIT = Duration.ofSeconds(30);
  private static TestMongo mongo;
  private static MongoDatabase database;

  private int counter;

  @BeforeAll
  static void startMongo() {
    mongo = TestMongo.inMemory();
    database = mongo.database();
  }

  @AfterAll
  static void stopMongo() {
    mongo.close();
  }

  private static String key(TestInfo test) {
    return "127.0.0.1:5000/demo/"
        + test.getTestMethod().orElseThrow().getName().toLowerCase()
        + ":sha256-"
        + "ab".repeat(32)
        + ".att";
  }

  @Test
  void acquire_eightThreadsAcrossTwoInstances_excludeEachOther(TestInfo test) throws Exception {
    String key = key(test);
    List<AttestationLocks> instances =
        List.of(new MongoAttestationLocks(database), new MongoAttestationLocks(database));
    ExecutorService pool = Executors.newFixedThreadPool(8);
    CountDownLatch start = new CountDownLatch(1);
    List<Future<?>> done = new ArrayList<>();
    for (int t = 0; t < 8; t++) {
      AttestationLocks locks = instances.get(t % 2);
      done.add(
          pool.submit(
              () -> {
                start.await();
                for (int i = 0; i < 25; i++) {
                  try (AttestationLocks.Lease lease = locks.acquire(key, WAIT)) {
                    int read = counter;
                    Thread.sleep(
                        1); // a read-modify-write window that any overlap would turn into a lost
                    // update
                    counter = read + 1;
                  }
                }
                return null;
              }));
    }
    start.countDown();
    for (Future<?> f : done) {
      f.get(120, TimeUnit.SECONDS);
    }
    pool.shutdown();

    assertThat(counter).isEqualTo(8 * 25);
    assertThat(lockDocument(key)).isNull();
  }

  @Test
  void acquire_heldByAnotherInstance_timesOutNamingTheAttestation(TestInfo test) {
    String key = key(test);
    try (AttestationLocks.Lease held = new MongoAttestationLocks(database).acquire(key, WAIT)) {
      assertThatThrownBy(
              () -> new MongoAttestationLocks(database).acquire(key, Duration.ofMillis(50)))
          .isInstanceOfSatisfying(
              AttestationLockTimeoutException.class, e -> assertThat(e.key()).isEqualTo(key))
          .hasMessage(
              "tried to lock "
                  + key
                  + " for publishing but failed because another publisher has held it "
                  + "for 50 ms; nothing was written, so publishing again is safe");
    }
  }

  @Test
  void acquire_expiredLease_isTakenOverAndTheOldHolderCannotRelease(TestInfo test) {
    String key = key(test);
    AttestationLocks crashed = new MongoAttestationLocks(database);
    // an instance whose clock is past the first one's lease sees that lease as expired
    AttestationLocks later =
        new MongoAttestationLocks(
            database,
            MongoAttestationLocks.LEASE,
            Clock.offset(Clock.systemUTC(), MongoAttestationLocks.LEASE.plusSeconds(1)));
    AttestationLocks.Lease stale = crashed.acquire(key, WAIT);

    AttestationLocks.Lease taken = later.acquire(key, WAIT);
    Object newOwner = lockDocument(key).get("owner");
    stale.close(); // the old holder's release must not free the new holder's lock

    assertThat(lockDocument(key)).isNotNull().extracting(d -> d.get("owner")).isEqualTo(newOwner);
    assertThatThrownBy(() -> crashed.acquire(key, Duration.ofMillis(20)))
        .isInstanceOf(AttestationLockTimeoutException.class);
    taken.close();
    assertThat(lockDocument(key)).isNull();
  }

  @Test
  void acquire_unexpiredLease_isNotTakenOver(TestInfo test) {
    String key = key(test);
    AttestationLocks slightlyAhead =
        new MongoAttestationLocks(
            database,
            MongoAttestationLocks.LEASE,
            Clock.offset(Clock.systemUTC(), MongoAttestationLocks.LEASE.minusSeconds(5)));
    try (AttestationLocks.Lease held = new MongoAttestationLocks(database).acquire(key, WAIT)) {
      assertThatThrownBy(() -> slightlyAhead.acquire(key, Duration.ofMillis(20)))
          .isInstanceOf(AttestationLockTimeoutException.class);
    }
  }

  @Test
  void close_releasesForTheOtherInstanceAndTwiceIsHarmless(TestInfo test) {
    String key = key(test);
    AttestationLocks first = new MongoAttestationLocks(database);
    AttestationLocks second = new MongoAttestationLocks(database);
    AttestationLocks.Lease lease = first.acquire(key, WAIT);

    lease.close();
    AttestationLocks.Lease next = second.acquire(key, Duration.ofMillis(20));
    lease.close(); // a second close of the old lease must not delete the new holder's lock

    assertThat(lockDocument(key)).isNotNull();
    next.close();
    assertThat(lockDocument(key)).isNull();
  }

  private static Document lockDocument(String key) {
    return database
        .getCollection(MongoAttestationLocks.COLLECTION)
        .find(new Document("_id", key))
        .first();
  }
}
