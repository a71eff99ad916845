package dev.cimanager.app.execution;

import dev.cimanager.app.accounts.Caller;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.Optional;

/**
 * Aborts an execution from any instance. A queued one is taken out of the queue and ends ABORTED at
 * once; a running one gets an abort request on its queue entry, which its owner reads when it
 * renews the lease (every {@code execution.renewInterval}) and then kills the build and ends it
 * ABORTED.
 */
@Singleton
final class ExecutionAborts {

  private final ExecutionStore store;
  private final ExecutionQueue queue;
  private final ExecutionEngine engine;
  private final Clock clock;

  @Inject
  ExecutionAborts(ExecutionStore store, ExecutionQueue queue, ExecutionEngine engine, Clock clock) {
    this.store = store;
    this.queue = queue;
    this.engine = engine;
    this.clock = clock;
  }

  /**
   * @return the execution as it is now: ABORTED when it was queued, else still RUNNING until its
   *     owner stops
   * @throws ExecutionException {@code NOT_FOUND} when it is not the caller's account's, {@code
   *     ENDED} when it ended
   */
  Execution abort(Caller caller, String executionId) {
    Execution execution = find(caller, executionId);
    requireNotEnded(execution);
    String by = caller.userName();
    if (queue.removeIfQueued(executionId)) {
      // nobody had claimed it, and nobody can now: it is ours to end
      Execution aborted =
          find(caller, executionId).aborted(by, clock.instant().truncatedTo(ChronoUnit.MILLIS));
      store.save(aborted);
      return aborted;
    }
    if (queue.requestAbort(executionId, by)) {
      engine.abortIfRunningHere(executionId, by);
      return execution;
    }
    // no queue entry: it ended meanwhile, or it is older than the shared queue
    Execution current = find(caller, executionId);
    requireNotEnded(current);
    Execution aborted = current.aborted(by, clock.instant().truncatedTo(ChronoUnit.MILLIS));
    store.save(aborted);
    return aborted;
  }

  private Execution find(Caller caller, String executionId) {
    Optional<Execution> found = store.find(caller.accountId(), executionId);
    return found.orElseThrow(
        () ->
            new ExecutionException(
                ExecutionException.Reason.NOT_FOUND, "execution '" + executionId + "' not found"));
  }

  private static void requireNotEnded(Execution execution) {
    if (execution.status().isFinal()) {
      throw new ExecutionException(
          ExecutionException.Reason.ENDED,
          "execution '"
              + execution.executionId()
              + "' already ended with"
              + " status "
              + execution.status()
              + "; only a QUEUED or RUNNING execution can be aborted");
    }
  }
}
