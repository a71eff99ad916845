package dev.cimanager.contracts.pipelines;

import java.util.List;

/**
 * 400 {@code INVALID_PIPELINE}: the usual {@code code} and {@code message} (which lists every
 * problem), plus the problems one by one for the UI to place next to the YAML.
 */
public record InvalidPipelineResponse(String code, String message, List<Problem> errors) {

  /**
   * {@code path} is the YAML path, e.g. {@code pipeline.stages[0].stage.identifier}, or {@code line
   * L, column C}.
   */
  public record Problem(String path, String message) {}
}
