package dev.cimanager.app.pipelines;

import dev.cimanager.app.accounts.Scope;
import java.time.Instant;
import java.util.Objects;

/**
 * A pipeline as saved: where it lives, the YAML exactly as sent, and when it was created and last
 * replaced. To run it, parse it again ({@code parser.parse(stored.key(), stored.yaml())}) so what
 * runs is always what {@code GET} shows and a stored pipeline can always be read back, whatever the
 * parser says.
 */
public record StoredPipeline(
    Scope project,
    String identifier,
    String name,
    String yaml,
    Instant createdAt,
    Instant updatedAt) {

  public StoredPipeline {
    Objects.requireNonNull(project, "project");
    Objects.requireNonNull(identifier, "identifier");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(yaml, "yaml");
    Objects.requireNonNull(createdAt, "createdAt");
    Objects.requireNonNull(updatedAt, "updatedAt");
    if (project.level() != Scope.Level.PROJECT) {
      throw new IllegalArgumentException("pipelines live in a project, not in " + project);
    }
  }

  public PipelineKey key() {
    return new PipelineKey(project.orgId(), project.projectId(), identifier);
  }
}
