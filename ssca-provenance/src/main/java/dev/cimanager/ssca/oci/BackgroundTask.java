package dev.cimanager.ssca.oci;

import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;

/** Work a publish runs on another thread while it does the rest; every way out waits for it. */
final class BackgroundTask {
  private final Future<?> future;

  private BackgroundTask(Future<?> future) {
    this.future = future;
  }

  static BackgroundTask start(ExecutorService executor, Runnable work) {
    return new BackgroundTask(executor.submit(work));
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
      if (task == null) {
        continue; // not started
      }
      RuntimeException failure = task.end();
      first = first == null ? failure : first;
    }
    if (first == null || first == later) {
      return later;
    }
    first.addSuppressed(later);
    return first;
  }

  /**
   * Waits for the task even when this thread is interrupted (a stopped run interrupts its worker):
   * the task is bounded by the registry's and the store's timeouts, and returning before it ended
   * would let the caller mark a record the task is still writing. The interrupt is kept for later.
   */
  private RuntimeException end() {
    boolean interrupted = false;
    try {
      while (true) {
        try {
          future.get();
          return null;
        } catch (InterruptedException e) {
          interrupted = true;
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
    } finally {
      if (interrupted) {
        Thread.currentThread().interrupt();
      }
    }
  }
}
