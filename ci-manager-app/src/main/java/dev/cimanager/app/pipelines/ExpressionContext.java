package dev.cimanager.app.pipelines;

import java.util.Objects;

/**
 * The values one execution gives to expressions. {@code branch} and {@code tag} are null when the
 * codebase is built from the other kind of ref; {@code commitSha} is null before the clone.
 */
public record ExpressionContext(
    long sequenceId,
    String executionId,
    String pipelineIdentifier,
    String commitSha,
    String branch,
    String tag,
    String triggerType) {

  public ExpressionContext {
    Objects.requireNonNull(executionId, "executionId");
    Objects.requireNonNull(pipelineIdentifier, "pipelineIdentifier");
    Objects.requireNonNull(triggerType, "triggerType");
  }
}
