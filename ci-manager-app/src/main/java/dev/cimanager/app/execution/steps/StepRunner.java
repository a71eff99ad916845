package dev.cimanager.app.execution.steps;

import com.google.inject.Binder;
import com.google.inject.multibindings.MapBinder;

/**
 * Runs one step type. Returning normally means the step succeeded; a {@link
 * dev.cimanager.app.execution.tools.StepFailedException} fails it with its message (the engine
 * turns any other exception into a failure message too).
 */
public interface StepRunner {

  void run(StepContext context);

  /**
   * How a module contributes the runner of a step type, keyed by the pipeline's step type: {@code
   * StepRunner.byType(binder()).addBinding(MySpec.TYPE).to(MyRunner.class)}. The engine takes the
   * map, so it depends on no step's package.
   */
  static MapBinder<String, StepRunner> byType(Binder binder) {
    return MapBinder.newMapBinder(binder, String.class, StepRunner.class);
  }
}
