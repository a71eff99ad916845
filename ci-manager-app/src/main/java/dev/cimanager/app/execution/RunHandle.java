package dev.cimanager.app.execution;

import java.util.Optional;

/**
 * The engine's side of one run on this instance: its lease, the worker thread running it, and the
 * stop request. Stopping interrupts the worker, which kills a running command's process tree
 * ({@code CommandRunner}); once the run has finished, the thread is left alone.
 */
final class RunHandle implements RunControl {

  private final QueueEntry lease;
  private Thread worker;
  private RunStop stop;
  private boolean finished;

  RunHandle(QueueEntry lease) {
    this.lease = lease;
  }

  String executionId() {
    return lease.executionId();
  }

  @Override
  public long leaseVersion() {
    return lease.leaseVersion();
  }

  @Override
  public synchronized Optional<RunStop> stop() {
    return Optional.ofNullable(stop);
  }

  /**
   * The worker starts the run; a stop asked before is seen by the run's own checks, not by an
   * interrupt.
   */
  synchronized void bind(Thread thread) {
    this.worker = thread;
  }

  /** Asks the run to stop for {@code reason}; the first reason wins. */
  synchronized void stop(RunStop reason) {
    if (stop != null || finished) {
      return;
    }
    stop = reason;
    if (worker != null) {
      worker.interrupt();
    }
  }

  /** Called by the worker when the run returned: no interrupt reaches the thread after this. */
  synchronized void finish() {
    finished = true;
    Thread.interrupted();
  }
}
