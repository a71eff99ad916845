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
    String triggerType,
    TriggerValues trigger) {

  public ExpressionContext {
    Objects.requireNonNull(executionId, "executionId");
    Objects.requireNonNull(pipelineIdentifier, "pipelineIdentifier");
    Objects.requireNonNull(triggerType, "triggerType");
    trigger = trigger == null ? TriggerValues.NONE : trigger;
  }

  /** A run without a trigger's event (MANUAL, SCHEDULED). */
  public ExpressionContext(
      long sequenceId,
      String executionId,
      String pipelineIdentifier,
      String commitSha,
      String branch,
      String tag,
      String triggerType) {
    this(
        sequenceId,
        executionId,
        pipelineIdentifier,
        commitSha,
        branch,
        tag,
        triggerType,
        TriggerValues.NONE);
  }

  /**
   * What the trigger's event named, each null when it named none.
   *
   * @param event the webhook event, e.g. {@code push}, {@code pull_request}
   * @param branch the pushed branch, or a pull request's source branch
   * @param prNumber the pull request number
   * @param commitSha the commit the event named
   */
  public record TriggerValues(String event, String branch, String prNumber, String commitSha) {
    public static final TriggerValues NONE = new TriggerValues(null, null, null, null);
  }
}
