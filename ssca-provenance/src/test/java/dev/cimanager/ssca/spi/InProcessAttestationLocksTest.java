package dev.cimanager.ssca.spi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class InProcessAttestationLocksTest {
  private static final String KEY = "127.0.0.1:5000/demo/app:sha256-" + "ab".repeat(32) + ".att";
  private static final Duration WAIT = Duration.ofSeconds(30);

  private final InProcessAttestationLocks locks = new InProcessAttestationLocks();
  private int counter;

  @Test
  void acquire_eightThreads_excludeEachOther() throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(8);
    CountDownLatch start = new CountDownLatch(1);
    List<Future<?>> done = new ArrayList<>();
    for (int t = 0; t < 8; t++) {
      done.add(
          pool.submit(
              () -> {
                start.await();
                for (int i = 0; i < 500; i++) {
                  try (AttestationLocks.Lease lease = locks.acquire(KEY, WAIT)) {
                    int read = counter;
                    Thread.yield(); // widen the read-modify-write window a lost update needs
                    counter = read + 1;
                  }
                }
                return null;
              }));
    }
    start.countDown();
    for (Future<?> f : done) {
      f.get(60, TimeUnit.SECONDS);
    }
    pool.shutdown();

    assertThat(counter).isEqualTo(8 * 500);
  }

  @Test
  void acquire_heldByAnotherThread_timesOutNamingTheAttestation() throws Exception {
    ExecutorService other = Executors.newSingleThreadExecutor();
    CountDownLatch held = new CountDownLatch(1);
    CountDownLatch finished = new CountDownLatch(1);
    Future<?> holder =
        other.submit(
            () -> {
              try (AttestationLocks.Lease lease = locks.acquire(KEY, WAIT)) {
                held.countDown();
                finished.await();
              }
              return null;
            });
    held.await();

    assertThatThrownBy(() -> locks.acquire(KEY, Duration.ofMillis(20)))
        .isInstanceOfSatisfying(
            AttestationLockTimeoutException.class, e -> assertThat(e.key()).isEqualTo(KEY))
        .hasMessage(
            "tried to lock "
                + KEY
                + " for publishing but failed because another publisher has held it "
                + "for 20 ms; nothing was written, so publishing again is safe");
    finished.countDown();
    holder.get(60, TimeUnit.SECONDS);
    other.shutdown();
    locks.acquire(KEY, WAIT).close();
  }

  @Test
  void close_twice_isHarmlessAndFreesTheLockForOthers() throws Exception {
    AttestationLocks.Lease lease = locks.acquire(KEY, WAIT);

    lease.close();
    lease.close();

    ExecutorService other = Executors.newSingleThreadExecutor();
    other.submit(() -> locks.acquire(KEY, Duration.ofMillis(20)).close()).get(60, TimeUnit.SECONDS);
    other.shutdown();
  }
}
