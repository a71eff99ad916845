package dev.cimanager.ssca.oci;

import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;

/** Work a publish runs on another thread while it does the rest; every way out waits for it. */
final class BackgroundTask {
  private final Future<?> future;
  private final String action;

  private BackgroundTask(Future<?> future, String action) {
    this.future = future;
    this.action = action;
  }

  /** Starts {@code work}, part of {@code action} (named if the wait for it is interrupted). */
  static BackgroundTask start(ExecutorService executor, String action, Runnable work) {
    return new BackgroundTask(executor.submit(work), action);
  }

  /** Waits for the task to end; throws its failure. */
  void await() {
    RuntimeException failure = end();
    if (failure != null) {
      throw failure;
    }
  }

  /**
   * Waits for every task and returns the first one's failure, with {@code later} suppressed in it:
   * the tasks started before the work that failed with {@code later}, so their failure explains it
   * (a refused credential fails every request). {@code later} if none failed.
   */
  static RuntimeException firstFailure(RuntimeException later, BackgroundTask... tasks) {
    RuntimeException first = null;
    for (BackgroundTask task : tasks) {
      RuntimeException failure = task.end();
      first = first == null ? failure : first;
    }
    if (first == null || first == later) {
      return later;
    }
    first.addSuppressed(later);
    return first;
  }

  private RuntimeException end() {
    try {
      future.get();
      return null;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return new RegistryException(action, 0, "the thread was interrupted", e);
    } catch (ExecutionException e) {
      if (e.getCause() instanceof RuntimeException failure) {
        return failure;
      }
      if (e.getCause() instanceof Error error) {
        throw error;
      }
      return new IllegalStateException(e.getCause());
    }
  }
}
