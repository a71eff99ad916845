package dev.cimanager.app.triggers;

import dev.cimanager.app.pipelines.PipelineProblem;
import java.util.List;
import java.util.stream.Collectors;

/** The trigger YAML has problems; the message lists every one with its YAML path. */
public final class InvalidTriggerException extends RuntimeException {

  private final List<PipelineProblem> problems;

  public InvalidTriggerException(List<PipelineProblem> problems) {
    super(
        "The trigger YAML has "
            + problems.size()
            + (problems.size() == 1 ? " problem: " : " problems: ")
            + problems.stream().map(PipelineProblem::toString).collect(Collectors.joining("; ")));
    this.problems = List.copyOf(problems);
  }

  public List<PipelineProblem> problems() {
    return problems;
  }
}
