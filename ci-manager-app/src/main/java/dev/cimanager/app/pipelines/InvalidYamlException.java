package dev.cimanager.app.pipelines;

import java.util.List;
import java.util.stream.Collectors;

/**
 * A pipeline's or trigger's YAML has problems; the message lists every one with its YAML path, and
 * {@link #problems()} gives them one by one.
 */
public abstract class InvalidYamlException extends RuntimeException {
  private final List<PipelineProblem> problems;

  /**
   * @param what the kind of YAML, e.g. {@code pipeline}
   */
  protected InvalidYamlException(String what, List<PipelineProblem> problems) {
    super(
        "The "
            + what
            + " YAML has "
            + problems.size()
            + (problems.size() == 1 ? " problem: " : " problems: ")
            + problems.stream().map(PipelineProblem::toString).collect(Collectors.joining("; ")));
    this.problems = List.copyOf(problems);
  }

  public List<PipelineProblem> problems() {
    return problems;
  }
}
