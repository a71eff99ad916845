package dev.cimanager.app.execution;

import dev.cimanager.app.accounts.Caller;
import dev.cimanager.app.accounts.Scope;
import dev.cimanager.app.execution.Execution.StageRun;
import dev.cimanager.app.execution.Execution.StepRun;
import dev.cimanager.app.failures.InvalidInputException;
import dev.cimanager.app.pipelines.GitRefNames;
import dev.cimanager.app.pipelines.Pipeline;
import dev.cimanager.app.pipelines.PipelineParser;
import dev.cimanager.app.pipelines.PipelineRepository;
import dev.cimanager.app.pipelines.StoredPipeline;
import dev.cimanager.contracts.executions.ExecutionStatus;
import dev.cimanager.contracts.executions.TriggerType;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.List;

/**
 * Starts executions: stores a QUEUED execution with the pipeline's stages and steps, and queues it.
 */
@Singleton
public final class ExecutionService {

  private final PipelineRepository pipelines;
  private final PipelineParser parser;
  private final ExecutionStore store;
  private final ExecutionEngine engine;
  private final Clock clock;
  private final RerunCommits rerunCommits;
  private final SecureRandom random = new SecureRandom();

  @Inject
  ExecutionService(
      PipelineRepository pipelines,
      PipelineParser parser,
      ExecutionStore store,
      ExecutionEngine engine,
      Clock clock,
      RerunCommits rerunCommits) {
    this.pipelines = pipelines;
    this.parser = parser;
    this.store = store;
    this.engine = engine;
    this.clock = clock;
    this.rerunCommits = rerunCommits;
  }

  /**
   * Starts a MANUAL run of pipeline {@code pipelineIdentifier} in {@code project}.
   *
   * @param branch overrides the codebase's branch, or null
   * @throws ExecutionException {@code PIPELINE_NOT_FOUND}, {@code QUEUE_FULL}
   * @throws InvalidInputException for a bad branch
   * @throws dev.cimanager.app.pipelines.InvalidPipelineException when the stored YAML no longer
   *     parses
   */
  public Execution startManual(
      Caller caller, Scope project, String pipelineIdentifier, String branch) {
    return start(
        project,
        pipelineIdentifier,
        new Execution.Trigger(
            TriggerType.MANUAL,
            caller.userName(),
            null,
            null,
            branch == null ? null : CodebaseRef.branchTip(branch)));
  }

  /**
   * Starts a run of pipeline {@code pipelineIdentifier} in {@code project} for whatever {@code
   * trigger} says started it (a person, a webhook, a schedule), building {@code trigger.codebase()}
   * when it names a ref.
   *
   * @throws ExecutionException {@code PIPELINE_NOT_FOUND}, {@code QUEUE_FULL}
   * @throws InvalidInputException when a ref is asked of a pipeline without codebase
   * @throws dev.cimanager.app.pipelines.InvalidPipelineException when the stored YAML no longer
   *     parses
   */
  public Execution start(Scope project, String pipelineIdentifier, Execution.Trigger trigger) {
    StoredPipeline stored =
        pipelines
            .find(project, pipelineIdentifier)
            .orElseThrow(
                () ->
                    new ExecutionException(
                        ExecutionException.Reason.PIPELINE_NOT_FOUND,
                        "pipeline '"
                            + pipelineIdentifier
                            + "' not found in project '"
                            + project.projectId()
                            + "' of org '"
                            + project.orgId()
                            + "'"));
    Pipeline pipeline = parser.parse(stored.key(), stored.yaml());
    CodebaseRef ref = trigger.codebase();
    String refName = ref == null ? null : ref.tag() == null ? ref.branch() : ref.tag();
    if (refName != null && !GitRefNames.isValid(refName)) {
      throw new InvalidInputException(
          (ref.tag() == null ? "branch" : "tag")
              + ": '"
              + GitRefNames.printable(refName)
              + "' is not a valid "
              + (ref.tag() == null ? "branch" : "tag")
              + " name");
    }
    if (ref != null && pipeline.codebaseIfPresent().isEmpty()) {
      throw new InvalidInputException(
          (ref.tag() == null ? "branch" : "tag")
              + ": pipeline '"
              + pipelineIdentifier
              + "' has no codebase (properties.ci.codebase) to build "
              + (ref.tag() == null ? "a branch" : "a tag")
              + " of");
    }
    return enqueue(trigger, project, pipeline, null);
  }

  /**
   * Re-runs {@code original}: a new MANUAL run of the same pipeline YAML (as it was for the
   * original, later edits do not count), the same branch request, and the commit the original built
   * (when it cloned one).
   */
  public Execution rerun(Caller caller, Scope project, Execution original) {
    Pipeline pipeline =
        parser.parse(
            new dev.cimanager.app.pipelines.PipelineKey(
                original.orgIdentifier(),
                original.projectIdentifier(),
                original.pipelineIdentifier()),
            original.pipelineYaml());
    String commit = original.codebaseIfPresent().map(c -> c.commitSha()).orElse(null);
    // a webhook run's ref (a tag, a pull request) is asked again; its commit comes with it or from
    // the pin
    CodebaseRef ref =
        original.trigger().codebase() != null
            ? original.trigger().codebase()
            : original.branch() == null ? null : CodebaseRef.branchTip(original.branch());
    return enqueue(
        new Execution.Trigger(TriggerType.MANUAL, caller.userName(), null, null, ref),
        project,
        pipeline,
        commit);
  }

  private Execution enqueue(
      Execution.Trigger trigger, Scope project, Pipeline pipeline, String commit) {
    CodebaseRef ref = trigger.codebase();
    // the sequence id is taken only once the queue has room: a refused start leaves no gap and no
    // record
    return engine.enqueue(
        project.accountId(),
        () -> {
          long sequenceId = store.nextSequenceId(project.accountId(), pipeline.key());
          Execution execution =
              new Execution(
                  newExecutionId(),
                  project.accountId(),
                  project.orgId(),
                  project.projectId(),
                  pipeline.identifier(),
                  sequenceId,
                  ExecutionStatus.QUEUED,
                  trigger,
                  ref == null ? null : ref.branch(),
                  pipeline.yaml(),
                  clock.instant().truncatedTo(ChronoUnit.MILLIS),
                  null,
                  null,
                  null,
                  plan(pipeline),
                  null);
          if (commit != null) {
            rerunCommits.pin(
                execution.executionId(), commit); // before the runner can see the execution
          }
          store.insert(execution);
          return execution;
        });
  }

  private static List<StageRun> plan(Pipeline pipeline) {
    return pipeline.stages().stream()
        .map(
            stage ->
                new StageRun(
                    stage.identifier(),
                    stage.name(),
                    ExecutionStatus.QUEUED,
                    null,
                    null,
                    null,
                    stage.steps().stream()
                        .map(
                            step ->
                                new StepRun(
                                    step.identifier(),
                                    step.name(),
                                    step.type(),
                                    ExecutionStatus.QUEUED,
                                    null,
                                    null,
                                    null,
                                    null))
                        .toList()))
        .toList();
  }

  /** 22 URL-safe characters from 128 random bits, like Harness execution ids. */
  private String newExecutionId() {
    byte[] bytes = new byte[16];
    random.nextBytes(bytes);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }
}
