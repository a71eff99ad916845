/**
 * What the host implements for the SSCA module: secrets by reference ({@link
 * dev.cimanager.ssca.spi.SecretResolver}), the provenance records' store ({@link
 * dev.cimanager.ssca.spi.ProvenanceStore}, MongoDB in {@code ssca-storage}) and the locks that let
 * publishers take turns on one {@code .att} ({@link dev.cimanager.ssca.spi.AttestationLocks}, MongoDB
 * in {@code ssca-storage}, or {@link dev.cimanager.ssca.spi.InProcessAttestationLocks} for one
 * process). Depends on nothing else of the module.
 */
package dev.cimanager.ssca.spi;
