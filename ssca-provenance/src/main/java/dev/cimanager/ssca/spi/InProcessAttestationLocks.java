package dev.cimanager.ssca.spi;

import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Locks that exclude publishers inside one process only: for tests and for a host without storage
 * shared between its instances. Keys hash onto a fixed set of fair locks, so unrelated keys rarely
 * wait for each other and memory stays bounded however many keys pass through.
 */
public final class InProcessAttestationLocks implements AttestationLocks {
  private static final int STRIPES = 256;

  private final ReentrantLock[] stripes = new ReentrantLock[STRIPES];

  public InProcessAttestationLocks() {
    for (int i = 0; i < STRIPES; i++) {
      stripes[i] = new ReentrantLock(true);
    }
  }

  @Override
  public Lease acquire(String key, Duration timeout) {
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(timeout, "timeout");
    ReentrantLock lock = stripes[Math.floorMod(key.hashCode(), STRIPES)];
    boolean locked;
    try {
      locked = lock.tryLock(timeout.toNanos(), TimeUnit.NANOSECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AttestationLockException(
          "tried to lock " + key + " for publishing but failed because the thread was interrupted",
          e);
    }
    if (!locked) {
      throw new AttestationLockTimeoutException(key, timeout);
    }
    AtomicBoolean released = new AtomicBoolean();
    return () -> {
      if (released.compareAndSet(false, true)) {
        lock.unlock();
      }
    };
  }
}
