/**
 * The SLSA v1.0 provenance predicate and in-toto Statement v1 model (built from {@code
 * api.ExecutionContext} by {@code api.PredicateBuilder}), and its serialization ({@link
 * dev.cimanager.ssca.provenance.ProvenanceJson}). Pure functions of their input: no I/O, no clock.
 */
package dev.cimanager.ssca.provenance;
