package dev.cimanager.app.execution.runners;

import dev.cimanager.app.execution.steps.ShellStep;
import dev.cimanager.app.pipelines.RunSpec;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;

/** {@code Run}: the command in the stage's workspace (the parser rejects expressions in commands). */
@Singleton
public final class RunStepRunner implements StepRunner {

  private final ShellStep shell;

  @Inject
  RunStepRunner(ShellStep shell) {
    this.shell = shell;
  }

  @Override
  public void run(StepContext context) {
    shell.run((RunSpec) context.step().spec(), context.workspace(), context.log());
  }
}
