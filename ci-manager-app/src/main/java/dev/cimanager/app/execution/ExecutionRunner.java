package dev.cimanager.app.execution;

import dev.cimanager.app.accounts.Scope;
import dev.cimanager.app.connectors.ConnectorAuth;
import dev.cimanager.app.connectors.ConnectorService;
import dev.cimanager.app.connectors.GitConnector;
import dev.cimanager.app.execution.StageHandle.StepHandle;
import dev.cimanager.app.execution.steps.StepContext;
import dev.cimanager.app.execution.steps.StepRunner;
import dev.cimanager.app.execution.tools.ClonedSource;
import dev.cimanager.app.execution.tools.GitCloner;
import dev.cimanager.app.execution.tools.GitSource;
import dev.cimanager.app.execution.tools.StepFailedException;
import dev.cimanager.app.execution.tools.StepLog;
import dev.cimanager.app.failures.DomainException;
import dev.cimanager.app.pipelines.Codebase;
import dev.cimanager.app.pipelines.ExpressionContext;
import dev.cimanager.app.pipelines.ExpressionException;
import dev.cimanager.app.pipelines.ExpressionResolver;
import dev.cimanager.app.pipelines.Pipeline;
import dev.cimanager.app.pipelines.PipelineKey;
import dev.cimanager.app.pipelines.PipelineParser;
import dev.cimanager.app.pipelines.Stage;
import dev.cimanager.app.pipelines.Step;
import dev.cimanager.app.secrets.ResolvedSecret;
import dev.cimanager.contracts.executions.ExecutionStatus;
import dev.cimanager.ssca.spi.Credentials;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs one execution to its end: RUNNING, then each stage (clone, then its steps in order), then
 * SUCCESS or FAILED, saving the execution after every transition. A failed step fails its stage;
 * the stage's remaining steps and all later stages become SKIPPED. Whatever goes wrong, the
 * execution ends in a final status with a message, and its workspace is deleted. Every write
 * carries the run's lease version, and between steps (or when the engine interrupts a step's
 * command) the run stops if the engine asks it to: ABORTED, FAILED because the instance stops, or
 * silently when another instance took it over.
 */
@Singleton
public final class ExecutionRunner {

  private static final Logger LOG = LoggerFactory.getLogger(ExecutionRunner.class);

  private final ExecutionStore store;
  private final StepLogStore logStore;
  private final RunningStepLogs runningLogs;
  private final PipelineParser parser;
  private final ConnectorService connectors;
  private final GitCloner cloner;
  private final Map<String, StepRunner> runners;
  private final ExecutionWorkspaces workspaces;
  private final Clock clock;
  private final RerunCommits rerunCommits;

  @Inject
  ExecutionRunner(
      ExecutionStore store,
      StepLogStore logStore,
      RunningStepLogs runningLogs,
      PipelineParser parser,
      ConnectorService connectors,
      GitCloner cloner,
      Map<String, StepRunner> runners,
      ExecutionWorkspaces workspaces,
      Clock clock,
      RerunCommits rerunCommits) {
    this.store = store;
    this.logStore = logStore;
    this.runningLogs = runningLogs;
    this.parser = parser;
    this.connectors = connectors;
    this.cloner = cloner;
    this.runners = runners;
    this.workspaces = workspaces;
    this.clock = clock;
    this.rerunCommits = rerunCommits;
  }

  /**
   * Runs the stored QUEUED execution {@code executionId} under {@code control}; returns when it has
   * ended.
   */
  void run(String executionId, RunControl control) {
    Optional<Execution> queued = store.find(executionId);
    if (queued.isEmpty() || queued.get().status() != ExecutionStatus.QUEUED) {
      LOG.warn("execution {} is not queued any more; not running it", executionId);
      return;
    }
    new Run(queued.get(), control).run();
  }

  /** The mutable state of one run; only its worker thread touches it. */
  private final class Run {

    private Execution execution;
    private final ExecutionSecrets secrets = new ExecutionSecrets();
    private final Path workspace;
    private final RunControl control;

    Run(Execution queued, RunControl control) {
      this.execution = queued;
      this.control = control;
      this.workspace = workspaces.of(queued.executionId());
    }

    void run() {
      try {
        Pipeline pipeline =
            parser.parse(
                new PipelineKey(
                    execution.orgIdentifier(),
                    execution.projectIdentifier(),
                    execution.pipelineIdentifier()),
                execution.pipelineYaml());
        save(execution.withStatus(ExecutionStatus.RUNNING, null, null));
        String failure = null;
        for (StageHandle stage : StageHandle.of(pipeline, this::save)) {
          if (failure == null) {
            failure = runStage(pipeline, stage);
          } else {
            stage.skip();
          }
        }
        save(
            failure == null
                ? execution.withStatus(ExecutionStatus.SUCCESS, null, now())
                : execution.withStatus(ExecutionStatus.FAILED, failure, now()));
      } catch (RunStoppedException e) {
        end(e.stop());
      } catch (LeaseLostException e) {
        LOG.warn(
            "execution {} was taken over by another instance; this one stops running it",
            execution.executionId());
      } catch (RuntimeException | Error e) {
        Optional<RunStop> stop = control.stop();
        if (stop.isPresent()) {
          // the engine's interrupt surfaced from a database call instead of a step's command
          end(stop.get());
        } else {
          LOG.error("execution {} failed unexpectedly", execution.executionId(), e);
          saveQuietly(
              execution.interrupted(
                  secrets.apply("tried to run the pipeline but failed unexpectedly: " + e), now()));
        }
      } finally {
        workspaces.delete(execution.executionId());
      }
    }

    private void end(RunStop stop) {
      // the interrupt that stopped a command must not fail the final writes too
      Thread.interrupted();
      if (stop instanceof RunStop.Aborted aborted) {
        saveQuietly(execution.aborted(aborted.by(), now()));
        LOG.info("execution {} aborted by {}", execution.executionId(), aborted.by());
      } else if (stop instanceof RunStop.Failed failed) {
        saveQuietly(execution.interrupted(failed.reason(), now()));
      } else {
        LOG.warn(
            "execution {} was taken over by another instance; this one stops running it",
            execution.executionId());
      }
    }

    private void stopIfAsked() {
      Optional<RunStop> stop = control.stop();
      if (stop.isPresent()) {
        throw new RunStoppedException(stop.get());
      }
    }

    /** Runs one stage; returns null when it succeeded, else the execution's failure message. */
    private String runStage(Pipeline pipeline, StageHandle handle) {
      stopIfAsked();
      Stage stage = handle.stage();
      Instant startedAt = now();
      handle.update(run -> run.withStatus(ExecutionStatus.RUNNING, null, startedAt, null));
      Path stageWorkspace = workspace.resolve(stage.identifier());
      StepLog cloneLog = new StepLog(secrets);
      String failure = null;
      try {
        if (stage.cloneCodebase()) {
          // the parser rejects a stage that clones without pipeline.properties.ci.codebase
          clone(pipeline.codebaseIfPresent().orElseThrow(), stageWorkspace, cloneLog);
        } else {
          Files.createDirectories(stageWorkspace);
        }
      } catch (StepFailedException e) {
        failure = secrets.apply(e.getMessage());
      } catch (IOException e) {
        failure =
            secrets.apply(
                "tried to prepare the workspace of stage '"
                    + stage.identifier()
                    + "' but failed because "
                    + e.getMessage());
      } catch (RuntimeException e) {
        LOG.error(
            "preparing stage {} of execution {} failed unexpectedly",
            stage.identifier(),
            execution.executionId(),
            e);
        failure =
            secrets.apply(
                "tried to prepare the workspace of stage '"
                    + stage.identifier()
                    + "' but it failed unexpectedly: "
                    + e);
      }
      if (failure != null) {
        // an abort interrupts the clone too: the run was stopped, not failed by its codebase
        stopIfAsked();
      }
      for (StepHandle step : handle.steps()) {
        StepLog log =
            logStore.open(
                execution.executionId(), stage.identifier(), step.step().identifier(), secrets);
        if (step.index() == 0) {
          // the implicit clone has no step of its own: its lines open the first step's log
          cloneLog.lines().forEach(log::append);
        }
        if (failure == null) {
          failure = runStep(stage, step, stageWorkspace, log);
        } else {
          log.close();
          step.skip();
        }
      }
      String stageFailure = failure;
      handle.update(
          run ->
              run.withStatus(
                  stageFailure == null ? ExecutionStatus.SUCCESS : ExecutionStatus.FAILED,
                  stageFailure,
                  startedAt,
                  now()));
      return failure == null ? null : "stage '" + stage.identifier() + "' failed: " + failure;
    }

    private void clone(Codebase codebase, Path stageWorkspace, StepLog log) {
      GitConnector connector;
      Credentials credentials = null;
      try {
        connector = connectors.resolveGit(projectScope(), codebase.connectorRef());
        if (connector.auth() instanceof ConnectorAuth.UsernamePassword auth) {
          Optional<ResolvedSecret> password = connectors.password(connector);
          password.ifPresent(secrets::add);
          credentials =
              new Credentials(
                  auth.username(), password.map(ResolvedSecret::valueAsString).orElse(""));
        }
      } catch (DomainException e) {
        throw new StepFailedException(
            "tried to resolve the codebase's Git connector '"
                + codebase.connectorRef()
                + "' (pipeline.properties.ci.codebase.connectorRef) but failed because "
                + e.getMessage(),
            e);
      }
      CodebaseRef asked = execution.trigger().codebase();
      GitSource source =
          asked != null
              ? new GitSource(
                  connector.url().toString(),
                  asked.tag() == null ? Codebase.BuildType.BRANCH : Codebase.BuildType.TAG,
                  asked.tag() == null ? asked.branch() : asked.tag(),
                  credentials,
                  asked.fetchRef(),
                  asked.commitSha())
              : execution.branch() != null
                  ? new GitSource(
                      connector.url().toString(),
                      Codebase.BuildType.BRANCH,
                      execution.branch(),
                      credentials)
                  : new GitSource(
                      connector.url().toString(),
                      codebase.buildType(),
                      codebase.ref(),
                      credentials);
      ClonedSource cloned =
          cloner.cloneInto(
              source, stageWorkspace, log, rerunCommits.find(execution.executionId()).orElse(null));
      if (execution.codebase() == null) {
        save(execution.withCodebase(cloned));
      }
    }

    /** Runs one step; returns null when it succeeded, else its failure message. */
    private String runStep(Stage stage, StepHandle handle, Path stageWorkspace, StepLog log) {
      stopIfAsked();
      Step step = handle.step();
      Instant startedAt = now();
      handle.status(ExecutionStatus.RUNNING, null, startedAt, null);
      runningLogs.put(execution.executionId(), stage.identifier(), step.identifier(), log);
      String failure = null;
      try {
        StepContext context =
            new StepContext(
                execution,
                projectScope(),
                stage,
                step,
                stageWorkspace,
                execution.codebase(),
                expressions(),
                secrets,
                log,
                startedAt,
                handle::record);
        runners.get(step.type()).run(context);
      } catch (StepFailedException e) {
        failure = e.getMessage();
      } catch (ExpressionException e) {
        failure =
            "tried to resolve the expressions of step '"
                + step.identifier()
                + "' but failed: "
                + e.getMessage();
      } catch (DomainException e) {
        failure =
            "tried to run step '" + step.identifier() + "' but failed because " + e.getMessage();
      } catch (RuntimeException | Error e) {
        LOG.error(
            "step {} of execution {} failed unexpectedly",
            step.identifier(),
            execution.executionId(),
            e);
        failure = "tried to run step '" + step.identifier() + "' but it failed unexpectedly: " + e;
      }
      Optional<RunStop> stop = control.stop();
      if (stop.isPresent()) {
        Thread.interrupted();
        runningLogs.remove(execution.executionId(), stage.identifier(), step.identifier());
        if (!(stop.get() instanceof RunStop.LeaseLost)) {
          // the execution is no longer this instance's to write once another took it over
          log.append("Step stopped: " + describe(stop.get()));
          log.close();
        }
        throw new RunStoppedException(stop.get());
      }
      String stepFailure = failure == null ? null : secrets.apply(failure);
      if (stepFailure != null) {
        log.append("Step failed: " + stepFailure);
      }
      log.close();
      runningLogs.remove(execution.executionId(), stage.identifier(), step.identifier());
      handle.status(
          stepFailure == null ? ExecutionStatus.SUCCESS : ExecutionStatus.FAILED,
          stepFailure,
          startedAt,
          now());
      return stepFailure;
    }

    private ExpressionResolver expressions() {
      ClonedSource codebase = execution.codebase();
      return new ExpressionResolver(
          new ExpressionContext(
              execution.sequenceId(),
              execution.executionId(),
              execution.pipelineIdentifier(),
              codebase == null ? null : codebase.commitSha(),
              codebase == null ? execution.branch() : codebase.branch(),
              codebase == null ? null : codebase.tag(),
              execution.trigger().type().name(),
              TriggerExpressions.of(execution.trigger())));
    }

    private Scope projectScope() {
      return Scope.project(
          execution.accountId(), execution.orgIdentifier(), execution.projectIdentifier());
    }

    private String describe(RunStop stop) {
      return stop instanceof RunStop.Aborted aborted
          ? "aborted by " + aborted.by()
          : ((RunStop.Failed) stop).reason();
    }

    private void save(Execution next) {
      store.saveFenced(next, control.leaseVersion());
      execution = next;
    }

    private void save(UnaryOperator<Execution> change) {
      save(change.apply(execution));
    }

    private void saveQuietly(Execution next) {
      try {
        save(next);
      } catch (RuntimeException e) {
        // its queue entry stays until the lease expires; the instance taking it over then marks it
        // FAILED
        LOG.error("could not save the failure of execution {}", next.executionId(), e);
      }
    }
  }

  private Instant now() {
    return clock.instant().truncatedTo(ChronoUnit.MILLIS);
  }
}
