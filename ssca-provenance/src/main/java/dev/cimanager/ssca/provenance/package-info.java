/**
 * The SLSA v1.0 provenance predicate and in-toto Statement v1 model, the builders from {@code
 * api.ExecutionContext}, and the one JSON mapping ({@link dev.cimanager.ssca.provenance.ProvenanceJson}).
 * Pure functions of their input: no I/O, no clock.
 */
package dev.cimanager.ssca.provenance;
