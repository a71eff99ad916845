package dev.cimanager.app.pipelines;

import java.util.Objects;

/**
 * One thing wrong with a pipeline YAML.
 *
 * @param path the YAML path, e.g. {@code pipeline.stages[0].stage.identifier}; {@code $} for the
 *     document as a whole (malformed YAML, whose message then says the line and column, or no
 *     {@code pipeline} map)
 */
public record PipelineProblem(String path, String message) {

  public PipelineProblem {
    Objects.requireNonNull(path, "path");
    Objects.requireNonNull(message, "message");
  }

  @Override
  public String toString() {
    return path + ": " + message;
  }
}
