package dev.cimanager.app.provenance;

import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * How many Cosign key pairs the server generates at once. Each generation runs scrypt with N=65536,
 * r=8: 64 MiB of heap for a few hundred milliseconds, so two dozen concurrent requests (any
 * tenant's) filled a 512 MiB heap and every other request of the server failed with them. A request
 * waits for a slot, then fails {@code KEY_GENERATION_BUSY} (the API's 429).
 */
final class KeyGenerationSlots {
  static final KeyGenerationSlots SHARED = new KeyGenerationSlots(2, Duration.ofSeconds(20));

  private final Semaphore slots;
  private final Duration wait;

  KeyGenerationSlots(int slots, Duration wait) {
    this.slots = new Semaphore(slots, true);
    this.wait = wait;
  }

  <T> T run(Supplier<T> generation) {
    boolean acquired;
    try {
      acquired = slots.tryAcquire(wait.toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      acquired = false;
    }
    if (!acquired) {
      throw new ProvenanceUnavailableException(
          ProvenanceUnavailableException.Reason.KEY_GENERATION_BUSY,
          "the server is generating other key pairs; try again in a" + " few seconds",
          null);
    }
    try {
      return generation.get();
    } finally {
      slots.release();
    }
  }
}
