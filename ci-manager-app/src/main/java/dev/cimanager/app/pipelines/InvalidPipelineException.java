package dev.cimanager.app.pipelines;

import java.util.List;

/** The pipeline YAML has problems; the message lists every one with its YAML path. */
public final class InvalidPipelineException extends InvalidYamlException {
  public InvalidPipelineException(List<PipelineProblem> problems) {
    super("pipeline", problems);
  }
}
