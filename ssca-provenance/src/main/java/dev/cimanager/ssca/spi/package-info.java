/**
 * The bottom of the module. What the host implements for the SSCA module: secrets by reference
 * ({@link dev.cimanager.ssca.spi.SecretResolver}), the module's write side ({@link
 * dev.cimanager.ssca.spi.ProvenanceStore}, MongoDB in {@code ssca-storage}), the locks that let
 * publishers take turns on one {@code .att} ({@link dev.cimanager.ssca.spi.AttestationLocks}) and
 * the guard every outbound registry URL passes ({@link dev.cimanager.ssca.spi.DestinationGuard});
 * and the values that cross the boundary both ways, each defined once: {@link
 * dev.cimanager.ssca.spi.Digest}, {@link dev.cimanager.ssca.spi.ImageReference}, {@link
 * dev.cimanager.ssca.spi.Credentials}, {@link dev.cimanager.ssca.spi.CosignKeyPair}. Depends on
 * nothing else of the module.
 */
package dev.cimanager.ssca.spi;
