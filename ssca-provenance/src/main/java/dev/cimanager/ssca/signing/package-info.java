/**
 * Cosign-compatible keys and DSSE signatures: {@link dev.cimanager.ssca.signing.SigningKeys} loads
 * a key file into a {@link dev.cimanager.ssca.signing.Signer}, {@link
 * dev.cimanager.ssca.signing.DsseSigner} wraps it to sign envelopes, {@link
 * dev.cimanager.ssca.signing.DsseVerifier} checks them, and {@link
 * dev.cimanager.ssca.signing.SignerCache} keeps loaded keys so scrypt runs once per key version.
 *
 * <p>Depends on Bouncy Castle, the module's {@code json} mapper and {@code spi}'s values; used by
 * the provenance flow, the OCI publisher and verification, never the other way round. See the
 * module README, section "Keys and signatures".
 */
package dev.cimanager.ssca.signing;
