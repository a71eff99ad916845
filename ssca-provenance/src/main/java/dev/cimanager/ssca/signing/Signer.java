package dev.cimanager.ssca.signing;

import java.security.PublicKey;

/**
 * Signs bytes with one private key. Implementations are thread-safe and never expose the private
 * key, not even in {@code toString}. Made by {@link SigningKeys#load} and {@link
 * CosignKeyPairGenerator}.
 */
public interface Signer {

  /** Signs {@code data} as {@link #algorithm()} says (ECDSA: ASN.1 DER signature). */
  byte[] sign(byte[] data);

  PublicKey publicKey();

  /**
   * The DSSE {@code keyid} hint. Always {@code ""}, as cosign writes: verifiers (ours and cosign's)
   * ignore it, and the key is identified by the secret that holds it, not by a name in the
   * envelope.
   */
  String keyId();

  SignatureAlgorithm algorithm();
}
