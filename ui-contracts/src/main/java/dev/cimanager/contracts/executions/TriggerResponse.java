package dev.cimanager.contracts.executions;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * {@code triggeredBy}: the user name for MANUAL runs, the pusher or pull request author for WEBHOOK
 * runs, the trigger's identifier for SCHEDULED ones. The other fields are set only when the trigger
 * named them.
 *
 * @param event the webhook event ({@code push}, {@code pull_request}, GitLab's {@code Push Hook},
 *     ...)
 * @param triggerIdentifier the trigger that started the run
 * @param branch the branch built (a pull request's source branch)
 * @param tag the tag built
 * @param prNumber the pull or merge request number
 * @param commitSha the commit the event named
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record TriggerResponse(
    TriggerType type,
    String triggeredBy,
    String event,
    String triggerIdentifier,
    String branch,
    String tag,
    String prNumber,
    String commitSha) {

  public TriggerResponse(TriggerType type, String triggeredBy) {
    this(type, triggeredBy, null, null, null, null, null, null);
  }
}
