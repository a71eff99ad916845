package dev.cimanager.app.execution;

/**
 * Thrown inside a run when the engine asked it to stop; the run ends according to {@link #stop()}.
 */
final class RunStoppedException extends RuntimeException {

  private final RunStop stop;

  RunStoppedException(RunStop stop) {
    super("the run was asked to stop: " + stop, null, false, false);
    this.stop = stop;
  }

  RunStop stop() {
    return stop;
  }
}
