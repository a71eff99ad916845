package dev.cimanager.app.pipelines;

import java.util.List;
import java.util.stream.Collectors;

/** The pipeline YAML has problems; the message lists every one with its YAML path. */
public final class InvalidPipelineException extends RuntimeException {

  private final List<PipelineProblem> problems;

  public InvalidPipelineException(List<PipelineProblem> problems) {
    super(message(problems));
    this.problems = List.copyOf(problems);
  }

  public List<PipelineProblem> problems() {
    return problems;
  }

  private static String message(List<PipelineProblem> problems) {
    return "The pipeline YAML has "
        + problems.size()
        + (problems.size() == 1 ? " problem: " : " problems: ")
        + problems.stream().map(PipelineProblem::toString).collect(Collectors.joining("; "));
  }
}
