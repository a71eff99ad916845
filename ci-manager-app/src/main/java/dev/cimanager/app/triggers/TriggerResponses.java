package dev.cimanager.app.triggers;

import dev.cimanager.contracts.triggers.TriggerResponse;
import java.time.Instant;

/** {@link StoredTrigger} as the API shows it. */
final class TriggerResponses {

  static final int NEXT_DUE_TIMES = 3;

  private TriggerResponses() {}

  /**
   * The path Git providers post to: the trigger's full address, so a delivery is one key lookup.
   */
  static String webhookUrl(StoredTrigger stored) {
    TriggerKey key = stored.key();
    return "/api/v1/webhooks/"
        + stored.project().accountId()
        + "/"
        + key.orgIdentifier()
        + "/"
        + key.projectIdentifier()
        + "/"
        + key.pipelineIdentifier()
        + "/"
        + key.triggerIdentifier();
  }

  static TriggerResponse of(StoredTrigger stored, TriggerDefinition trigger, Instant now) {
    TriggerResponse.Schedule schedule = null;
    String webhookUrl = null;
    String provider = null;
    String event = null;
    if (trigger.source() instanceof TriggerDefinition.Schedule s) {
      schedule =
          new TriggerResponse.Schedule(
              s.cron().expression(),
              s.cron().zone().getId(),
              s.cron().nextDue(now, NEXT_DUE_TIMES).stream().map(Instant::toString).toList());
    } else if (trigger.source() instanceof TriggerDefinition.Webhook w) {
      webhookUrl = webhookUrl(stored);
      provider = w.provider().yamlName();
      event = w.event().yamlName();
    }
    StoredTrigger.LastFire fire = stored.lastFire();
    return new TriggerResponse(
        trigger.identifier(),
        trigger.name(),
        trigger.type(),
        trigger.enabled(),
        trigger.orgIdentifier(),
        trigger.projectIdentifier(),
        trigger.pipelineIdentifier(),
        webhookUrl,
        provider,
        event,
        schedule,
        fire == null
            ? null
            : new TriggerResponse.LastFired(
                fire.at().toString(), fire.executionId(), fire.result(), fire.message()),
        time(stored.createdAt()),
        time(stored.updatedAt()),
        stored.yaml());
  }

  private static String time(Instant instant) {
    return instant == null ? null : instant.toString();
  }
}
