package dev.cimanager.ssca.api;

import dev.cimanager.ssca.signing.CosignKeyPairGenerator;
import dev.cimanager.ssca.spi.CosignKeyPair;

/**
 * Key pairs as {@code cosign generate-key-pair} writes them, for the host's key endpoints and CLI.
 */
public final class CosignKeys {
  private CosignKeys() {}

  /**
   * Takes ~0.2 s (one scrypt). The password is used byte for byte; empty is valid, as in cosign.
   */
  public static CosignKeyPair generate(byte[] password) {
    return CosignKeyPairGenerator.generate(password);
  }
}
