package dev.cimanager.contracts.executions;

/**
 * The status of an execution, a stage or a step. {@code SKIPPED} is only for stages and steps that
 * never ran because an earlier one failed; an execution itself ends SUCCESS, FAILED or ABORTED.
 */
public enum ExecutionStatus {
  QUEUED,
  RUNNING,
  SUCCESS,
  FAILED,
  ABORTED,
  SKIPPED;

  /** Whether nothing will change this status any more. */
  public boolean isFinal() {
    return this != QUEUED && this != RUNNING;
  }
}
