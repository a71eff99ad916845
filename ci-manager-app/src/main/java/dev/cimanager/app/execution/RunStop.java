package dev.cimanager.app.execution;

/** Why a run stops before its end. */
sealed interface RunStop {

  /** A user aborted it: it ends ABORTED. */
  record Aborted(String by) implements RunStop {}

  /** This instance stops (shutdown grace over): it ends FAILED with {@code reason}. */
  record Failed(String reason) implements RunStop {}

  /** Another instance took it over: this one writes nothing more. */
  record LeaseLost() implements RunStop {}
}
