package dev.cimanager.app.provenance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;

/**
 * Key generations beyond the slots wait, then answer 429 instead of exhausting the heap together.
 */
class KeyGenerationSlotsTest {

  @Test
  void aGenerationBeyondTheSlots_waitsThenIsRefusedWith429() throws Exception {
    KeyGenerationSlots slots = new KeyGenerationSlots(1, Duration.ofMillis(200));
    CountDownLatch running = new CountDownLatch(1);
    CountDownLatch finish = new CountDownLatch(1);
    CompletableFuture<String> first =
        CompletableFuture.supplyAsync(
            () ->
                slots.run(
                    () -> {
                      running.countDown();
                      await(finish);
                      return "first";
                    }));
    running.await();

    assertThatThrownBy(() -> slots.run(() -> "second"))
        .isInstanceOfSatisfying(
            ProvenanceUnavailableException.class,
            e ->
                assertThat(e.reason())
                    .isEqualTo(ProvenanceUnavailableException.Reason.KEY_GENERATION_BUSY));

    finish.countDown();
    assertThat(first.get()).isEqualTo("first");
    assertThat(slots.run(() -> "third")).isEqualTo("third");
  }

  private static boolean await(CountDownLatch latch) {
    try {
      latch.await();
      return true;
    } catch (InterruptedException e) {
      throw new IllegalStateException(e);
    }
  }
}
