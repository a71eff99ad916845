/**
 * The SSCA module's facades ({@link dev.cimanager.ssca.api.ProvenanceService}, {@link
 * dev.cimanager.ssca.api.AttestationVerification}, {@link dev.cimanager.ssca.api.CosignKeys}), the
 * types that cross into the application, and the orchestration that maps them onto the model
 * (predicate and statement builders, image verification, policy compilation and evaluation). The
 * top of the module: it uses every other package and none uses it. The application depends on this
 * package and {@code spi} only ({@code ArchitectureTest} in the app checks it).
 */
package dev.cimanager.ssca.api;
