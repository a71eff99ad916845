package dev.cimanager.ssca.spi;

import java.time.Duration;

/**
 * Mutual exclusion for the read-modify-write of one {@code .att} tag. The Distribution API has no
 * conditional PUT, so publishers that share these locks take turns instead of overwriting each
 * other's layers. Hosts whose instances share storage implement it there ({@code
 * MongoAttestationLocks} in {@code ssca-storage}); {@link InProcessAttestationLocks} serves a
 * single process.
 */
public interface AttestationLocks {
  /**
   * Waits up to {@code timeout} for the lock on {@code key} and holds it until the lease is closed.
   *
   * @param key the attestation reference, {@code host:port/repo:sha256-<hex>.att}
   * @throws AttestationLockTimeoutException another publisher held the lock for the whole timeout
   */
  Lease acquire(String key, Duration timeout);

  /** A held lock; closing it releases the lock (once; closing again does nothing). */
  interface Lease extends AutoCloseable {
    @Override
    void close();
  }
}
