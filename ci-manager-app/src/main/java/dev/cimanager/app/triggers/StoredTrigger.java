package dev.cimanager.app.triggers;

import dev.cimanager.app.accounts.Scope;
import java.time.Instant;
import java.util.Objects;

/**
 * A saved trigger: where it lives, its YAML, and what it last did.
 *
 * @param project the project scope of its pipeline
 * @param scheduleSince when the trigger was last saved: a schedule fires only for due times after
 *     it
 * @param lastFire its latest run start (or failure to start), or null
 */
public record StoredTrigger(
    Scope project,
    TriggerKey key,
    String yaml,
    Instant createdAt,
    Instant updatedAt,
    Instant scheduleSince,
    LastFire lastFire) {

  public StoredTrigger {
    Objects.requireNonNull(project, "project");
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(yaml, "yaml");
  }

  /**
   * @param executionId the execution started, or null when none could be
   * @param result {@code STARTED} or {@code FAILED}
   * @param message why it failed, or null
   */
  public record LastFire(Instant at, String executionId, String result, String message) {}
}
