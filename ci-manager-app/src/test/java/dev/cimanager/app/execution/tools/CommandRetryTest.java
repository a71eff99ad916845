package dev.cimanager.app.execution.tools;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class CommandRetryTest {

  private static final String CONFLICT =
      "tried to push 127.0.0.1:5000/demo/app:1.0 but buildah exited with 125;"
          + " last log lines:\nError: writing manifest: uploading manifest 1.0 to 127.0.0.1:5000/demo/app: blob unknown";
  private static final String UNAUTHORIZED =
      "tried to push 127.0.0.1:5000/demo/app:1.0 but buildah exited with 125;"
          + " last log lines:\nError: authentication required";

  private final CommandRetry retry =
      new CommandRetry("Push", 3, Duration.ofMillis(1), CommandRetry::isTransientPushFailure);

  @Test
  void run_transientFailuresThenSuccess_retriesAndLogsEachRetry() {
    AtomicInteger attempts = new AtomicInteger();
    StepLog log = new StepLog(line -> line);

    String digest =
        retry.run(
            "127.0.0.1:5000/demo/app:1.0",
            log,
            () -> {
              if (attempts.incrementAndGet() < 3) {
                throw new StepFailedException(CONFLICT);
              }
              return "sha256:abc";
            });

    assertThat(digest).isEqualTo("sha256:abc");
    assertThat(attempts).hasValue(3);
    assertThat(log.lines())
        .containsExactly(
            "Push of 127.0.0.1:5000/demo/app:1.0 failed (attempt 1 of 4); retrying in 1 ms: tried to push"
                + " 127.0.0.1:5000/demo/app:1.0 but buildah exited with 125; last log lines:",
            "Push of 127.0.0.1:5000/demo/app:1.0 failed (attempt 2 of 4); retrying in 2 ms: tried to push"
                + " 127.0.0.1:5000/demo/app:1.0 but buildah exited with 125; last log lines:");
  }

  @Test
  void run_alwaysTransient_givesUpAfterTheRetriesWithTheLastFailure() {
    AtomicInteger attempts = new AtomicInteger();

    assertThatThrownBy(
            () ->
                retry.run(
                    "x",
                    new StepLog(line -> line),
                    () -> {
                      attempts.incrementAndGet();
                      throw new StepFailedException(CONFLICT);
                    }))
        .isInstanceOf(StepFailedException.class)
        .hasMessage(CONFLICT);
    assertThat(attempts).hasValue(4);
  }

  @Test
  void run_refusedCredentials_failsAtOnce() {
    AtomicInteger attempts = new AtomicInteger();

    assertThatThrownBy(
            () ->
                retry.run(
                    "x",
                    new StepLog(line -> line),
                    () -> {
                      attempts.incrementAndGet();
                      throw new StepFailedException(UNAUTHORIZED);
                    }))
        .hasMessage(UNAUTHORIZED);
    assertThat(attempts).hasValue(1);
  }

  @Test
  void isTransientPushFailure_registry5xxAndResetAreTransient_timeoutAndInterruptAreNot() {
    assertThat(
            CommandRetry.isTransientPushFailure(
                "... received unexpected http status: 503 service unavailable"))
        .isTrue();
    assertThat(CommandRetry.isTransientPushFailure("... read: connection reset by peer")).isTrue();
    assertThat(
            CommandRetry.isTransientPushFailure(
                "tried to push x but it did not finish within 1800 s"))
        .isFalse();
    assertThat(CommandRetry.isTransientPushFailure("tried to push x but the step was interrupted"))
        .isFalse();
  }

  @Test
  void builds_retryOnlyAStorageRace() {
    AtomicInteger attempts = new AtomicInteger();
    CommandRetry builds = CommandRetry.builds();

    assertThatThrownBy(
            () ->
                builds.run(
                    "x",
                    new StepLog(line -> line),
                    () -> {
                      attempts.incrementAndGet();
                      throw new StepFailedException(
                          "tried to build x but buildah exited with 1; last log lines:\nError: no such"
                              + " file Dockerfile.missing");
                    }))
        .isInstanceOf(StepFailedException.class);
    assertThat(attempts).hasValue(1);

    StepLog log = new StepLog(line -> line);
    assertThat(
            builds.run(
                "x",
                log,
                () -> {
                  if (attempts.incrementAndGet() == 2) {
                    throw new StepFailedException(
                        "tried to build x but buildah exited with 125; last log lines:\nError:"
                            + " committing the finished image: creating image \"64c4\": layer not known");
                  }
                  return "built";
                }))
        .isEqualTo("built");
    assertThat(log.lines())
        .hasSize(1)
        .first()
        .asString()
        .startsWith("Build of x failed (attempt 1 of 3); retrying");
  }
}
