package dev.cimanager.app.execution.runners;

/**
 * Runs one step type. Returning normally means the step succeeded; a {@link
 * dev.cimanager.app.execution.steps.StepFailedException} fails it with its message (the engine
 * turns any other exception into a failure message too).
 */
public interface StepRunner {

  void run(StepContext context);
}
