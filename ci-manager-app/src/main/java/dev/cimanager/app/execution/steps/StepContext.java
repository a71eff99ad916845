package dev.cimanager.app.execution.steps;

import dev.cimanager.app.accounts.Scope;
import dev.cimanager.app.execution.Execution;
import dev.cimanager.app.execution.ExecutionSecrets;
import dev.cimanager.app.execution.tools.ClonedSource;
import dev.cimanager.app.execution.tools.StepLog;
import dev.cimanager.app.pipelines.ExpressionResolver;
import dev.cimanager.app.pipelines.Stage;
import dev.cimanager.app.pipelines.Step;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * What a step runner gets for one step of one execution.
 *
 * @param execution the execution as stored when the step started
 * @param projectScope the pipeline's project: connector and secret references resolve from it
 * @param workspace the stage's workspace (the clone when the stage clones the codebase)
 * @param codebase the checked-out source, or null when no stage has cloned it
 * @param secrets add every secret the step resolves, so logs and messages mask it
 * @param recordOutcome persists the image the step pushed at once, before anything else can fail
 */
public record StepContext(
    Execution execution,
    Scope projectScope,
    Stage stage,
    Step step,
    Path workspace,
    ClonedSource codebase,
    ExpressionResolver expressions,
    ExecutionSecrets secrets,
    StepLog log,
    Instant startedAt,
    Consumer<Execution.ImageOutcome> recordOutcome) {

  public StepContext {
    Objects.requireNonNull(execution, "execution");
    Objects.requireNonNull(projectScope, "projectScope");
    Objects.requireNonNull(stage, "stage");
    Objects.requireNonNull(step, "step");
    Objects.requireNonNull(workspace, "workspace");
    Objects.requireNonNull(expressions, "expressions");
    Objects.requireNonNull(secrets, "secrets");
    Objects.requireNonNull(log, "log");
    Objects.requireNonNull(startedAt, "startedAt");
    Objects.requireNonNull(recordOutcome, "recordOutcome");
  }

  public Optional<ClonedSource> codebaseIfPresent() {
    return Optional.ofNullable(codebase);
  }
}
