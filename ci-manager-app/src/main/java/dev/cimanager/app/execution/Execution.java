package dev.cimanager.app.execution;

import dev.cimanager.app.execution.tools.ClonedSource;
import dev.cimanager.contracts.artifacts.ProvenanceStatus;
import dev.cimanager.contracts.executions.ExecutionStatus;
import dev.cimanager.contracts.executions.TriggerType;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * One run of a pipeline, as stored: its status, its stages and steps with their statuses, times,
 * failure messages and outcomes. Immutable; the engine replaces it on every transition. Times are
 * truncated to milliseconds (what MongoDB keeps).
 *
 * @param branch the branch the run request asked for instead of the codebase's, or null
 * @param pipelineYaml the pipeline as it was when the run was requested (later edits do not change
 *     it)
 * @param codebase the source the first cloning stage checked out, or null
 * @param failureMessage why the execution FAILED, or null
 * @param abortedBy the user who aborted it, null unless ABORTED
 */
public record Execution(
    String executionId,
    String accountId,
    String orgIdentifier,
    String projectIdentifier,
    String pipelineIdentifier,
    long sequenceId,
    ExecutionStatus status,
    Trigger trigger,
    String branch,
    String pipelineYaml,
    Instant startedAt,
    Instant endedAt,
    String failureMessage,
    ClonedSource codebase,
    List<StageRun> stages,
    String abortedBy) {

  public Execution {
    Objects.requireNonNull(executionId, "executionId");
    Objects.requireNonNull(accountId, "accountId");
    Objects.requireNonNull(orgIdentifier, "orgIdentifier");
    Objects.requireNonNull(projectIdentifier, "projectIdentifier");
    Objects.requireNonNull(pipelineIdentifier, "pipelineIdentifier");
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(trigger, "trigger");
    Objects.requireNonNull(pipelineYaml, "pipelineYaml");
    Objects.requireNonNull(startedAt, "startedAt");
    stages = List.copyOf(stages);
  }

  /**
   * @param event the webhook event, null for MANUAL and SCHEDULED
   * @param triggerIdentifier the trigger that started the run (WEBHOOK, SCHEDULED), else null
   * @param codebase what the run builds instead of the pipeline's codebase ref, or null
   */
  public record Trigger(
      TriggerType type,
      String triggeredBy,
      String event,
      String triggerIdentifier,
      CodebaseRef codebase) {

    public Trigger {
      Objects.requireNonNull(type, "type");
      Objects.requireNonNull(triggeredBy, "triggeredBy");
    }
  }

  public record StageRun(
      String identifier,
      String name,
      ExecutionStatus status,
      String failureMessage,
      Instant startedAt,
      Instant endedAt,
      List<StepRun> steps) {

    public StageRun {
      Objects.requireNonNull(identifier, "identifier");
      Objects.requireNonNull(name, "name");
      Objects.requireNonNull(status, "status");
      steps = List.copyOf(steps);
    }

    public StageRun withStep(int index, UnaryOperator<StepRun> change) {
      List<StepRun> changed = new ArrayList<>(steps);
      changed.set(index, change.apply(steps.get(index)));
      return new StageRun(identifier, name, status, failureMessage, startedAt, endedAt, changed);
    }

    public StageRun withStatus(
        ExecutionStatus newStatus,
        String newFailureMessage,
        Instant newStartedAt,
        Instant newEndedAt) {
      return new StageRun(
          identifier, name, newStatus, newFailureMessage, newStartedAt, newEndedAt, steps);
    }
  }

  /**
   * @param outcome the image a BuildAndPush step pushed, recorded as soon as the push finished
   *     (even if a later part of the step, such as provenance, failed); null otherwise
   */
  public record StepRun(
      String identifier,
      String name,
      String type,
      ExecutionStatus status,
      String failureMessage,
      Instant startedAt,
      Instant endedAt,
      ImageOutcome outcome) {

    public StepRun {
      Objects.requireNonNull(identifier, "identifier");
      Objects.requireNonNull(name, "name");
      Objects.requireNonNull(type, "type");
      Objects.requireNonNull(status, "status");
    }

    public StepRun withStatus(
        ExecutionStatus newStatus,
        String newFailureMessage,
        Instant newStartedAt,
        Instant newEndedAt) {
      return new StepRun(
          identifier, name, type, newStatus, newFailureMessage, newStartedAt, newEndedAt, outcome);
    }

    public StepRun withOutcome(ImageOutcome newOutcome) {
      return new StepRun(
          identifier, name, type, status, failureMessage, startedAt, endedAt, newOutcome);
    }
  }

  /**
   * An image a BuildAndPush step pushed: one artifact of the execution.
   *
   * @param image {@code host[:port]/repository}, e.g. {@code 127.0.0.1:5000/demo/app}
   * @param digest the manifest digest every tag points to, {@code sha256:<hex>}
   * @param provenance FAILED when the step's provenance failed after the push (the step's
   *     failureMessage says why); null otherwise, the provenance store's record has the status
   */
  public record ImageOutcome(
      String image, List<String> tags, String digest, ProvenanceStatus provenance) {

    public ImageOutcome {
      Objects.requireNonNull(image, "image");
      Objects.requireNonNull(digest, "digest");
      tags = List.copyOf(tags);
    }

    public ImageOutcome withProvenance(ProvenanceStatus status) {
      return new ImageOutcome(image, tags, digest, status);
    }
  }

  /**
   * A pushed image with the stage and step that pushed it, as {@code GET .../artifacts} lists it.
   *
   * @param artifactId {@code <stageIdentifier>.<stepIdentifier>}
   */
  public record PushedArtifact(
      String artifactId, String stageIdentifier, String stepIdentifier, ImageOutcome image) {}

  public Optional<ClonedSource> codebaseIfPresent() {
    return Optional.ofNullable(codebase);
  }

  /** Every image the execution's steps pushed, in stage and step order. */
  public List<PushedArtifact> pushedArtifacts() {
    List<PushedArtifact> artifacts = new ArrayList<>();
    for (StageRun stage : stages) {
      for (StepRun step : stage.steps()) {
        if (step.outcome() != null) {
          artifacts.add(
              new PushedArtifact(
                  ArtifactIds.of(stage.identifier(), step.identifier()),
                  stage.identifier(),
                  step.identifier(),
                  step.outcome()));
        }
      }
    }
    return artifacts;
  }

  /** The artifact {@code artifactId} ({@code <stage>.<step>}), if that step pushed an image. */
  public Optional<PushedArtifact> pushedArtifact(String artifactId) {
    return pushedArtifacts().stream()
        .filter(artifact -> artifact.artifactId().equals(artifactId))
        .findFirst();
  }

  public Execution withStatus(
      ExecutionStatus newStatus, String newFailureMessage, Instant newEndedAt) {
    return new Execution(
        executionId,
        accountId,
        orgIdentifier,
        projectIdentifier,
        pipelineIdentifier,
        sequenceId,
        newStatus,
        trigger,
        branch,
        pipelineYaml,
        startedAt,
        newEndedAt,
        newFailureMessage,
        codebase,
        stages,
        abortedBy);
  }

  public Execution withCodebase(ClonedSource newCodebase) {
    return new Execution(
        executionId,
        accountId,
        orgIdentifier,
        projectIdentifier,
        pipelineIdentifier,
        sequenceId,
        status,
        trigger,
        branch,
        pipelineYaml,
        startedAt,
        endedAt,
        failureMessage,
        newCodebase,
        stages,
        abortedBy);
  }

  public Execution withStage(int index, UnaryOperator<StageRun> change) {
    List<StageRun> changed = new ArrayList<>(stages);
    changed.set(index, change.apply(stages.get(index)));
    return new Execution(
        executionId,
        accountId,
        orgIdentifier,
        projectIdentifier,
        pipelineIdentifier,
        sequenceId,
        status,
        trigger,
        branch,
        pipelineYaml,
        startedAt,
        endedAt,
        failureMessage,
        codebase,
        changed,
        abortedBy);
  }

  /**
   * This execution ended FAILED with {@code reason}: stages and steps still QUEUED become SKIPPED,
   * those still RUNNING become FAILED with the reason. Used when the engine cannot go on (a
   * restart, a bug).
   */
  public Execution interrupted(String reason, Instant now) {
    return new Execution(
        executionId,
        accountId,
        orgIdentifier,
        projectIdentifier,
        pipelineIdentifier,
        sequenceId,
        ExecutionStatus.FAILED,
        trigger,
        branch,
        pipelineYaml,
        startedAt,
        now,
        reason,
        codebase,
        endStages(ExecutionStatus.FAILED, reason, now),
        abortedBy);
  }

  /**
   * This execution ended ABORTED by {@code by}: stages and steps still QUEUED become SKIPPED, those
   * still RUNNING become ABORTED.
   */
  public Execution aborted(String by, Instant now) {
    return new Execution(
        executionId,
        accountId,
        orgIdentifier,
        projectIdentifier,
        pipelineIdentifier,
        sequenceId,
        ExecutionStatus.ABORTED,
        trigger,
        branch,
        pipelineYaml,
        startedAt,
        now,
        null,
        codebase,
        endStages(ExecutionStatus.ABORTED, null, now),
        by);
  }

  private List<StageRun> endStages(ExecutionStatus runningBecome, String reason, Instant now) {
    List<StageRun> ended = new ArrayList<>();
    for (StageRun stage : stages) {
      List<StepRun> steps = new ArrayList<>();
      for (StepRun step : stage.steps()) {
        steps.add(
            switch (step.status()) {
              case QUEUED -> step.withStatus(ExecutionStatus.SKIPPED, null, step.startedAt(), null);
              case RUNNING -> step.withStatus(runningBecome, reason, step.startedAt(), now);
              default -> step;
            });
      }
      StageRun withSteps =
          new StageRun(
              stage.identifier(),
              stage.name(),
              stage.status(),
              stage.failureMessage(),
              stage.startedAt(),
              stage.endedAt(),
              steps);
      ended.add(
          switch (stage.status()) {
            case QUEUED ->
                withSteps.withStatus(ExecutionStatus.SKIPPED, null, stage.startedAt(), null);
            case RUNNING -> withSteps.withStatus(runningBecome, reason, stage.startedAt(), now);
            default -> withSteps;
          });
    }
    return ended;
  }
}
