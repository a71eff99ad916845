package dev.cimanager.ssca.spi;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Objects;

/**
 * What {@code cosign generate-key-pair} writes: {@code cosign.key} ({@code ENCRYPTED SIGSTORE
 * PRIVATE KEY} PEM) and {@code cosign.pub} ({@code PUBLIC KEY} PEM).
 */
public record CosignKeyPair(byte[] privateKeyPem, byte[] publicKeyPem) {

  public CosignKeyPair {
    privateKeyPem = Objects.requireNonNull(privateKeyPem, "privateKeyPem").clone();
    publicKeyPem = Objects.requireNonNull(publicKeyPem, "publicKeyPem").clone();
  }

  @Override
  public byte[] privateKeyPem() {
    return privateKeyPem.clone();
  }

  @Override
  public byte[] publicKeyPem() {
    return publicKeyPem.clone();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof CosignKeyPair other
        && Arrays.equals(privateKeyPem, other.privateKeyPem)
        && Arrays.equals(publicKeyPem, other.publicKeyPem);
  }

  @Override
  public int hashCode() {
    return 31 * Arrays.hashCode(privateKeyPem) + Arrays.hashCode(publicKeyPem);
  }

  /** The private key is encrypted, but still a secret: only its size is shown. */
  @Override
  public String toString() {
    return "CosignKeyPair[privateKeyPem=("
        + privateKeyPem.length
        + " bytes, not shown), publicKeyPem="
        + new String(publicKeyPem, StandardCharsets.US_ASCII).strip()
        + "]";
  }
}
