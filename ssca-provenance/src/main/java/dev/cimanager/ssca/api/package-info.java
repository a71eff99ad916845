/**
 * The SSCA module's facade ({@link dev.cimanager.ssca.api.ProvenanceService}) and the types that cross
 * into the application. The application depends on this package and {@code spi} only, never on
 * {@code provenance}, {@code signing}, {@code oci} or {@code verify}.
 */
package dev.cimanager.ssca.api;
