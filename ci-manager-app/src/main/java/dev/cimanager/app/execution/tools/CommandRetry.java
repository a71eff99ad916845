package dev.cimanager.app.execution.tools;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * Tries a buildah command again when it failed for a reason that passes, waiting {@code
 * firstBackoff}, doubling, between attempts, and saying so in the step log. {@link #pushes()}: a
 * registry 5xx, a reset or timed-out connection, or buildah's push failing for another reason than
 * refused credentials, TLS or name errors (two builds pushing one tag at once make one of them exit
 * 125). {@link #builds()}: only the races of two builds of identical layers in one buildah storage
 * ("layer not known"). A command timeout and an interrupt (abort) are final at once for both.
 */
final class CommandRetry {

  /**
   * Messages that no retry changes: credentials, certificates, names, the step's own timeout or
   * stop.
   */
  private static final List<String> FINAL =
      List.of(
          "unauthorized",
          "authentication required",
          "denied",
          "forbidden",
          "x509",
          "certificate",
          "no such host",
          "invalid reference",
          "name invalid",
          "name unknown",
          "did not finish within",
          "was interrupted",
          "could not start");

  /**
   * containers/storage losing a race between two builds that create the same layer or image at
   * once.
   */
  private static final List<String> STORAGE_RACES = List.of("layer not known", "image not known");

  private final String what;
  private final int retries;
  private final Duration firstBackoff;
  private final Predicate<String> transientMessage;

  CommandRetry(
      String what, int retries, Duration firstBackoff, Predicate<String> transientMessage) {
    this.what = what;
    this.retries = retries;
    this.firstBackoff = firstBackoff;
    this.transientMessage = transientMessage;
  }

  /** Pushes: 3 retries after 1, 2 and 4 s. */
  static CommandRetry pushes() {
    return new CommandRetry("Push", 3, Duration.ofSeconds(1), CommandRetry::isTransientPushFailure);
  }

  /** Builds: 2 retries after 1 and 2 s, for storage races only. */
  static CommandRetry builds() {
    return new CommandRetry(
        "Build",
        2,
        Duration.ofSeconds(1),
        message ->
            STORAGE_RACES.stream().anyMatch(message::contains) && isTransientPushFailure(message));
  }

  /**
   * Runs {@code push}, again after each transient failure, at most {@code retries} more times.
   *
   * @param destination what is pushed or built, for the log
   * @throws StepFailedException the last failure, when it was final or the retries are used up
   */
  <T> T run(String destination, StepLog log, Supplier<T> push) {
    Duration backoff = firstBackoff;
    for (int attempt = 1; ; attempt++) {
      try {
        return push.get();
      } catch (StepFailedException e) {
        if (attempt > retries
            || !transientMessage.test(String.valueOf(e.getMessage()).toLowerCase(Locale.ROOT))) {
          throw e;
        }
        log.append(
            what
                + " of "
                + destination
                + " failed (attempt "
                + attempt
                + " of "
                + (retries + 1)
                + "); retrying in "
                + backoff.toMillis()
                + " ms: "
                + firstLine(e.getMessage()));
        sleep(backoff, e);
        backoff = backoff.multipliedBy(2);
      }
    }
  }

  /**
   * @param message lower case
   */
  static boolean isTransientPushFailure(String message) {
    return FINAL.stream().noneMatch(message::contains);
  }

  private static void sleep(Duration backoff, StepFailedException failure) {
    try {
      Thread.sleep(backoff.toMillis());
    } catch (InterruptedException interrupted) {
      // an abort: stop retrying, fail with what happened
      Thread.currentThread().interrupt();
      throw failure;
    }
  }

  private static String firstLine(String message) {
    int newline = message.indexOf('\n');
    return newline < 0 ? message : message.substring(0, newline);
  }
}
