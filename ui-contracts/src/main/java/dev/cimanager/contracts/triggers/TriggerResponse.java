package dev.cimanager.contracts.triggers;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * A saved trigger. Times RFC 3339 UTC. Fields that do not apply to the trigger's type are left out.
 *
 * @param type {@code Webhook} or {@code Scheduled}
 * @param webhookUrl for webhook triggers: the absolute path ({@code /api/...}) the Git provider
 *     posts to
 * @param provider for webhook triggers: {@code Github} or {@code Gitlab}
 * @param event for webhook triggers: {@code Push}, {@code PullRequest} or {@code Tag}
 * @param schedule for schedules: the expression, the zone and the next three due times
 * @param lastFired what the trigger last started, or null when it never fired
 * @param yaml the YAML as saved
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record TriggerResponse(
    String identifier,
    String name,
    String type,
    boolean enabled,
    String orgIdentifier,
    String projectIdentifier,
    String pipelineIdentifier,
    String webhookUrl,
    String provider,
    String event,
    Schedule schedule,
    LastFired lastFired,
    String createdAt,
    String updatedAt,
    String yaml) {

  public record Schedule(String expression, String timezone, List<String> nextDueTimes) {}

  /** {@code result}: {@code STARTED} (with the execution) or {@code FAILED} (with the reason). */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record LastFired(String at, String executionId, String result, String message) {}
}
