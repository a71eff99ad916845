package dev.cimanager.app.pipelines;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A CI stage ({@code type: CI}).
 *
 * @param yamlPath where the stage sits in the YAML, e.g. {@code pipeline.stages[0].stage}, for
 *     messages
 * @param slsaProvenance the {@code slsa_provenance} block, or null when the stage has none
 */
public record Stage(
    String identifier,
    String name,
    boolean cloneCodebase,
    SlsaProvenance slsaProvenance,
    List<Step> steps,
    String yamlPath) {

  public Stage {
    Objects.requireNonNull(identifier, "identifier");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(yamlPath, "yamlPath");
    steps = List.copyOf(steps);
  }

  public Optional<SlsaProvenance> slsaProvenanceIfPresent() {
    return Optional.ofNullable(slsaProvenance);
  }
}
