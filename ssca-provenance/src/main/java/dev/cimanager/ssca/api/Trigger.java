package dev.cimanager.ssca.api;

import dev.cimanager.contracts.executions.TriggerType;

/**
 * What started the execution.
 *
 * @param type manual run, webhook or schedule
 * @param triggeredBy the user name, or the webhook/schedule identity
 * @param event the webhook event (e.g. {@code push}, {@code pull_request}); null when none
 */
public record Trigger(TriggerType type, String triggeredBy, String event) {
  public Trigger {
    Require.present(type, "trigger.type");
    triggeredBy = Require.text(triggeredBy, "trigger.triggeredBy");
    event = Require.optional(event);
  }
}
