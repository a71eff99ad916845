package dev.cimanager.app.execution;

import java.time.Instant;
import java.util.Objects;

/**
 * One entry of the shared execution queue ({@link ExecutionQueue}): an execution that has not
 * ended, who holds it and until when.
 *
 * @param owner the instance id holding the lease, null while not RUNNING
 * @param leaseUntil when the lease expires unless renewed, null while not RUNNING
 * @param leaseVersion raised by every claim and take-over: the fencing token the owner's writes
 *     carry
 * @param abortedBy who asked to abort it, null if nobody
 */
record QueueEntry(
    String executionId,
    String accountId,
    State state,
    Instant queuedAt,
    String owner,
    Instant leaseUntil,
    long leaseVersion,
    String abortedBy) {

  /**
   * PENDING while its execution is being stored, QUEUED once it may be claimed, RUNNING once
   * claimed.
   */
  enum State {
    PENDING,
    QUEUED,
    RUNNING
  }

  QueueEntry {
    Objects.requireNonNull(executionId, "executionId");
    Objects.requireNonNull(accountId, "accountId");
    Objects.requireNonNull(state, "state");
    Objects.requireNonNull(queuedAt, "queuedAt");
  }

  boolean leaseExpired(Instant now) {
    return state == State.RUNNING && (leaseUntil == null || leaseUntil.isBefore(now));
  }
}
