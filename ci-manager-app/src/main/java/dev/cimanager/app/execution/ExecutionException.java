package dev.cimanager.app.execution;

import dev.cimanager.app.failures.DomainException;

/**
 * An execution could not be started or changed; the message names the pipeline or execution. A bad
 * codebase input is an {@link dev.cimanager.app.failures.InvalidInputException}.
 */
public final class ExecutionException extends DomainException {
  /** Why an execution could not be started or changed. */
  public enum Reason {
    /** The pipeline to run does not exist. */
    PIPELINE_NOT_FOUND,
    /** The account's queue of waiting executions is full. */
    QUEUE_FULL,
    /** The execution does not exist (in the caller's account). */
    NOT_FOUND,
    /** The execution already ended, so it cannot be aborted. */
    ENDED
  }

  public ExecutionException(Reason reason, String message) {
    super(reason, message, null);
  }

  @Override
  public Reason reason() {
    return (Reason) super.reason();
  }
}
