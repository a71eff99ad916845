/**
 * OCI Distribution client and the cosign {@code .att} publisher.
 *
 * <p>Public: the value types ({@link dev.cimanager.ssca.spi.Digest}, {@link
 * dev.cimanager.ssca.spi.RepositoryRef}, {@link dev.cimanager.ssca.spi.ImageReference}), {@link
 * dev.cimanager.ssca.oci.RegistryClients} / {@link dev.cimanager.ssca.oci.RegistryClient} with
 * {@link dev.cimanager.ssca.oci.RegistryConfig}, the {@link
 * dev.cimanager.ssca.oci.AttestationPublisher} and {@link
 * dev.cimanager.ssca.oci.RegistryException}. Each Registry API call is a package-private {@code
 * RegistryCall}. Depends on {@code spi} and {@code json} only; {@code verify} depends on this
 * package and on {@code signing}.
 */
package dev.cimanager.ssca.oci;
