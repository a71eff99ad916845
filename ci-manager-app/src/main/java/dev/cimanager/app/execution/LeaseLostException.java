package dev.cimanager.app.execution;

/**
 * A write of a run was refused because its lease version is no longer current: another instance
 * took the execution over (this one stopped renewing in time). The run must stop without writing
 * anything more.
 */
final class LeaseLostException extends RuntimeException {

  LeaseLostException(String executionId, long leaseVersion) {
    super(
        "the lease "
            + leaseVersion
            + " on execution "
            + executionId
            + " is no longer held by this instance");
  }
}
