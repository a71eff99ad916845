package dev.cimanager.app.execution;

import dev.cimanager.app.execution.Execution.StageRun;
import dev.cimanager.app.execution.Execution.StepRun;
import dev.cimanager.app.pipelines.Pipeline;
import dev.cimanager.app.pipelines.Stage;
import dev.cimanager.app.pipelines.Step;
import dev.cimanager.contracts.executions.ExecutionStatus;
import java.time.Instant;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;
import java.util.stream.IntStream;

/**
 * One stage of a run with the place of its {@link StageRun} in the execution, so the runner walks
 * stages and steps as objects and each saves its own status through the run's fenced {@code save}.
 */
record StageHandle(Stage stage, int index, Consumer<UnaryOperator<Execution>> save) {

  static List<StageHandle> of(Pipeline pipeline, Consumer<UnaryOperator<Execution>> save) {
    return IntStream.range(0, pipeline.stages().size())
        .mapToObj(index -> new StageHandle(pipeline.stages().get(index), index, save))
        .toList();
  }

  List<StepHandle> steps() {
    return IntStream.range(0, stage.steps().size())
        .mapToObj(index -> new StepHandle(stage.steps().get(index), this, index))
        .toList();
  }

  void update(UnaryOperator<StageRun> change) {
    save.accept(execution -> execution.withStage(index, change));
  }

  /** The stage and all its steps SKIPPED, in one save. */
  void skip() {
    update(
        run -> {
          StageRun skipped = run.withStatus(ExecutionStatus.SKIPPED, null, null, null);
          for (int step = 0; step < run.steps().size(); step++) {
            skipped = skipped.withStep(step, StepHandle.SKIPPED);
          }
          return skipped;
        });
  }

  /** One step of the stage with the place of its {@link StepRun}. */
  record StepHandle(Step step, StageHandle stage, int index) {

    static final UnaryOperator<StepRun> SKIPPED =
        run -> run.withStatus(ExecutionStatus.SKIPPED, null, null, null);

    void update(UnaryOperator<StepRun> change) {
      stage.update(run -> run.withStep(index, change));
    }

    void status(ExecutionStatus status, String failure, Instant startedAt, Instant endedAt) {
      update(run -> run.withStatus(status, failure, startedAt, endedAt));
    }

    void record(Execution.ImageOutcome outcome) {
      update(run -> run.withOutcome(outcome));
    }

    void skip() {
      update(SKIPPED);
    }
  }
}
