package dev.cimanager.ssca.provenance;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.List;

/**
 * SLSA {@code buildDefinition}: the inputs of the build, described by the page {@code buildType}
 * names.
 */
@JsonPropertyOrder({
  "buildType",
  "externalParameters",
  "internalParameters",
  "resolvedDependencies"
})
public record BuildDefinition(
    String buildType,
    ExternalParameters externalParameters,
    InternalParameters internalParameters,
    List<ResourceDescriptor> resolvedDependencies) {
  public BuildDefinition {
    resolvedDependencies =
        resolvedDependencies == null ? List.of() : List.copyOf(resolvedDependencies);
  }
}
