package dev.cimanager.app.pipelines;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A validated pipeline (Harness v0 YAML shape). Built only by {@link PipelineParser}, which reports
 * every problem of the YAML at once; the compact constructor guards the invariants the rest of the
 * app relies on.
 *
 * @param yaml the original text, stored and served back byte for byte
 */
public record Pipeline(
    String identifier,
    String name,
    String orgIdentifier,
    String projectIdentifier,
    Codebase codebase,
    List<Stage> stages,
    String yaml) {

  public Pipeline {
    Objects.requireNonNull(identifier, "identifier");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(orgIdentifier, "orgIdentifier");
    Objects.requireNonNull(projectIdentifier, "projectIdentifier");
    Objects.requireNonNull(yaml, "yaml");
    stages = List.copyOf(stages);
    if (stages.isEmpty()) {
      throw new IllegalArgumentException("a pipeline has at least one stage");
    }
  }

  /** The codebase, absent when the pipeline has no {@code properties.ci.codebase}. */
  public Optional<Codebase> codebaseIfPresent() {
    return Optional.ofNullable(codebase);
  }

  public PipelineKey key() {
    return new PipelineKey(orgIdentifier, projectIdentifier, identifier);
  }
}
