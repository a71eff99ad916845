package dev.cimanager.ssca.spi;

import java.util.Arrays;

/**
 * A secret's value at one version. {@link #toString()} never prints the value.
 *
 * @param reference the reference it was resolved from ({@code account.cosign_password})
 * @param version the secret's version; a new version means a new value
 * @param value the raw value: file content, or the text's UTF-8 bytes (never trimmed)
 */
public record ResolvedSecret(String reference, long version, byte[] value) {
  public ResolvedSecret {
    if (reference == null || reference.isBlank()) {
      throw new IllegalArgumentException("reference is required");
    }
    if (value == null) {
      throw new IllegalArgumentException("the value of " + reference + " is missing");
    }
    value = value.clone();
  }

  @Override
  public byte[] value() {
    return value.clone();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof ResolvedSecret other
        && reference.equals(other.reference)
        && version == other.version
        && Arrays.equals(value, other.value);
  }

  @Override
  public int hashCode() {
    return reference.hashCode() * 31 + Long.hashCode(version);
  }

  @Override
  public String toString() {
    return "ResolvedSecret[reference=" + reference + ", version=" + version + ", value=**********]";
  }
}
