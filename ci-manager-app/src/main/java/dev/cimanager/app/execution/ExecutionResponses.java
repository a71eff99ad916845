package dev.cimanager.app.execution;

import dev.cimanager.app.execution.Execution.StageRun;
import dev.cimanager.app.execution.Execution.StepRun;
import dev.cimanager.contracts.executions.CodebaseResponse;
import dev.cimanager.contracts.executions.ExecutionResponse;
import dev.cimanager.contracts.executions.ImageOutcomeResponse;
import dev.cimanager.contracts.executions.StageResponse;
import dev.cimanager.contracts.executions.StepResponse;
import dev.cimanager.contracts.executions.TriggerResponse;
import java.time.Instant;
import java.time.format.DateTimeFormatter;

/**
 * An {@link Execution} as the API shows it (RFC 3339 UTC times; never the stored pipeline YAML).
 */
public final class ExecutionResponses {

  private ExecutionResponses() {}

  public static ExecutionResponse of(Execution execution) {
    return new ExecutionResponse(
        execution.executionId(),
        execution.pipelineIdentifier(),
        execution.orgIdentifier(),
        execution.projectIdentifier(),
        execution.sequenceId(),
        execution.status(),
        trigger(execution.trigger()),
        time(execution.startedAt()),
        time(execution.endedAt()),
        execution.failureMessage(),
        execution
            .codebaseIfPresent()
            .map(
                source ->
                    new CodebaseResponse(
                        source.repositoryUrl(), source.branch(), source.tag(), source.commitSha()))
            .orElse(null),
        execution.stages().stream().map(ExecutionResponses::stage).toList(),
        execution.abortedBy());
  }

  private static TriggerResponse trigger(Execution.Trigger trigger) {
    CodebaseRef ref = trigger.codebase();
    return new TriggerResponse(
        trigger.type(),
        trigger.triggeredBy(),
        trigger.event(),
        trigger.triggerIdentifier(),
        ref == null ? null : ref.branch(),
        ref == null ? null : ref.tag(),
        ref == null ? null : ref.prNumber(),
        ref == null ? null : ref.commitSha());
  }

  private static StageResponse stage(StageRun stage) {
    return new StageResponse(
        stage.identifier(),
        stage.name(),
        stage.status(),
        stage.failureMessage(),
        time(stage.startedAt()),
        time(stage.endedAt()),
        stage.steps().stream().map(step -> step(stage, step)).toList());
  }

  private static StepResponse step(StageRun stage, StepRun step) {
    return new StepResponse(
        step.identifier(),
        step.name(),
        step.type(),
        step.status(),
        step.failureMessage(),
        time(step.startedAt()),
        time(step.endedAt()),
        step.outcome() == null
            ? null
            : new ImageOutcomeResponse(
                ArtifactIds.of(stage.identifier(), step.identifier()),
                step.outcome().image(),
                step.outcome().tags(),
                step.outcome().digest()));
  }

  private static String time(Instant instant) {
    return instant == null ? null : DateTimeFormatter.ISO_INSTANT.format(instant);
  }
}
