package dev.cimanager.ssca.storage;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.lt;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoException;
import com.mongodb.MongoWriteException;
import com.mongodb.WriteConcern;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import dev.cimanager.ssca.spi.AttestationLockException;
import dev.cimanager.ssca.spi.AttestationLockTimeoutException;
import dev.cimanager.ssca.spi.AttestationLocks;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Attestation locks shared by every CI manager instance on one MongoDB: a lock is the document
 * {@code {_id: key, owner, expiresAt}} in {@code attestation_locks}, taken by inserting it (the
 * unique {@code _id} lets exactly one insert win) and released by deleting it if we still own it.
 *
 * <p>A lock is a lease: a holder that dies without releasing blocks others only until {@code
 * expiresAt}, after which the next contender deletes the stale document (conditionally, so only an
 * expired one) and inserts its own. A publish holds the lock for its few registry requests, and
 * gives up before writing the manifest once it held it 20 s ({@code AttestationPublisher}), so the
 * lease (30 s) is there for crashes, not to be renewed. Instances compare {@code expiresAt} with
 * their own clocks, which must agree to well within the lease. Every query names only {@code _id},
 * the one index the embedded mongo-java-server uses.
 */
public final class MongoAttestationLocks implements AttestationLocks {
  static final String COLLECTION = "attestation_locks";

  /** How long a lock outlives a holder that never released it. */
  public static final Duration LEASE = Duration.ofSeconds(30);

  private static final long MIN_BACKOFF_NANOS = TimeUnit.MILLISECONDS.toNanos(2);
  private static final long MAX_BACKOFF_NANOS = TimeUnit.MILLISECONDS.toNanos(10);
  private static final Logger LOG = LoggerFactory.getLogger(MongoAttestationLocks.class);

  private final MongoCollection<Document> locks;
  private final Duration lease;
  private final Clock clock;

  /** Locks in {@code database} with a {@link #LEASE} lease; one per application. */
  public MongoAttestationLocks(MongoDatabase database) {
    this(database, LEASE, Clock.systemUTC());
  }

  MongoAttestationLocks(MongoDatabase database, Duration lease, Clock clock) {
    // majority: a lock acknowledged by one replica-set member only could vanish in a failover
    this.locks =
        Objects.requireNonNull(database, "database")
            .getCollection(COLLECTION)
            .withWriteConcern(WriteConcern.MAJORITY);
    this.lease = Objects.requireNonNull(lease, "lease");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  @Override
  public Lease acquire(String key, Duration timeout) {
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(timeout, "timeout");
    String owner = UUID.randomUUID().toString();
    long deadline = System.nanoTime() + timeout.toNanos();
    long backoff = MIN_BACKOFF_NANOS;
    try {
      while (true) {
        Instant now = clock.instant();
        if (tryInsert(key, owner, now)) {
          return new MongoLease(key, owner);
        }
        if (deleteIfExpired(key, now)) {
          continue; // its holder died: the lock is free, take it at once
        }
        long left = deadline - System.nanoTime();
        if (left <= 0) {
          throw new AttestationLockTimeoutException(key, timeout);
        }
        // jittered, so contenders that collided do not retry in step
        TimeUnit.NANOSECONDS.sleep(
            Math.min(left, ThreadLocalRandom.current().nextLong(backoff / 2, backoff + 1)));
        backoff = Math.min(MAX_BACKOFF_NANOS, backoff * 2);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AttestationLockException(
          "tried to lock "
              + key
              + " for publishing but failed because the thread "
              + "was interrupted",
          e);
    } catch (MongoException e) {
      throw new AttestationLockException(
          "tried to lock "
              + key
              + " for publishing but failed because MongoDB "
              + "failed: "
              + e.getMessage(),
          e);
    }
  }

  private boolean tryInsert(String key, String owner, Instant now) {
    try {
      locks.insertOne(
          new Document("_id", key)
              .append("owner", owner)
              .append("expiresAt", Date.from(now.plus(lease))));
      return true;
    } catch (MongoWriteException e) {
      if (e.getError().getCategory() == ErrorCategory.DUPLICATE_KEY) {
        return false;
      }
      throw e;
    }
  }

  private boolean deleteIfExpired(String key, Instant now) {
    return locks.deleteOne(and(eq("_id", key), lt("expiresAt", Date.from(now)))).getDeletedCount()
        > 0;
  }

  private final class MongoLease implements Lease {
    private final String key;
    private final String owner;
    private final AtomicBoolean released = new AtomicBoolean();

    MongoLease(String key, String owner) {
      this.key = key;
      this.owner = owner;
    }

    /**
     * Deletes the lock if it is still ours: after our lease expired and another publisher took it
     * over, the document is theirs and stays. A failed delete is logged, not thrown: the publish it
     * guarded is done, and the lease expires on its own.
     */
    @Override
    public void close() {
      if (!released.compareAndSet(false, true)) {
        return;
      }
      try {
        locks.deleteOne(and(eq("_id", key), eq("owner", owner)));
      } catch (MongoException e) {
        LOG.warn(
            "could not release the lock on {}; it expires within {} s: {}",
            key,
            lease.toSeconds(),
            e.getMessage());
      }
    }
  }
}
