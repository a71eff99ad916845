package dev.cimanager.app.execution.steps;

import dev.cimanager.app.pipelines.RunSpec;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/** Runs a {@code Run} step's command with the chosen shell ({@code sh -c} / {@code bash -c}) in the workspace. */
public final class ShellStep {

  private final CommandRunner runner;

  public ShellStep(Duration timeout) {
    this.runner = new CommandRunner(timeout);
  }

  /** @throws StepFailedException when the command exits non-zero or times out */
  public void run(RunSpec spec, Path workspace, StepLog log) {
    runner.run("run the command", List.of(spec.shell().executable(), "-c", spec.command()), workspace, Map.of(), log);
  }
}
