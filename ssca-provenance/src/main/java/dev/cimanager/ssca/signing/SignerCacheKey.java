package dev.cimanager.ssca.signing;

import java.util.Arrays;
import java.util.Objects;

/**
 * Identifies one loaded key: the secret that holds the key file, its version, and a salted SHA-256
 * of the password (never the password). Made by {@link SignerCache#key}; a new secret version or a
 * changed password gives a different key, so the key is loaded again.
 */
public record SignerCacheKey(String secretReference, String secretVersion, byte[] passwordDigest) {

  public SignerCacheKey {
    Objects.requireNonNull(secretReference, "secretReference");
    Objects.requireNonNull(secretVersion, "secretVersion");
    passwordDigest = Objects.requireNonNull(passwordDigest, "passwordDigest").clone();
  }

  @Override
  public byte[] passwordDigest() {
    return passwordDigest.clone();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof SignerCacheKey other
        && secretReference.equals(other.secretReference)
        && secretVersion.equals(other.secretVersion)
        && Arrays.equals(passwordDigest, other.passwordDigest);
  }

  @Override
  public int hashCode() {
    return Objects.hash(secretReference, secretVersion, Arrays.hashCode(passwordDigest));
  }

  @Override
  public String toString() {
    return "SignerCacheKey[secretReference="
        + secretReference
        + ", secretVersion="
        + secretVersion
        + "]";
  }
}
