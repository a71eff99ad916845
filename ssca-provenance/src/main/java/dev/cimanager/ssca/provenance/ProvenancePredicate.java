package dev.cimanager.ssca.provenance;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/** The SLSA v1.0 provenance predicate ({@code https://slsa.dev/provenance/v1}). */
@JsonPropertyOrder({"buildDefinition", "runDetails"})
public record ProvenancePredicate(BuildDefinition buildDefinition, RunDetails runDetails) {
  public static final String PREDICATE_TYPE = "https://slsa.dev/provenance/v1";
}
