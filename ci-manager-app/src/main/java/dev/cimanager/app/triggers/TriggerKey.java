package dev.cimanager.app.triggers;

import java.util.Objects;

/** A trigger's place: the org, project and pipeline it belongs to, and its identifier. */
public record TriggerKey(
    String orgIdentifier,
    String projectIdentifier,
    String pipelineIdentifier,
    String triggerIdentifier) {

  public TriggerKey {
    Objects.requireNonNull(orgIdentifier, "orgIdentifier");
    Objects.requireNonNull(projectIdentifier, "projectIdentifier");
    Objects.requireNonNull(pipelineIdentifier, "pipelineIdentifier");
    Objects.requireNonNull(triggerIdentifier, "triggerIdentifier");
  }
}
