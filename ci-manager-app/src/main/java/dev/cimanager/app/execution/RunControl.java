package dev.cimanager.app.execution;

import java.util.Optional;

/**
 * What the engine tells one run while it goes on: the lease its writes carry, and whether to stop.
 */
interface RunControl {

  /** The fencing token every write of the run carries ({@link ExecutionStore#saveFenced}). */
  long leaseVersion();

  /** Why the run must stop now, or empty while it may go on. */
  Optional<RunStop> stop();
}
