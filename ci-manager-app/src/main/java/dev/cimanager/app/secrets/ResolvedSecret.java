package dev.cimanager.app.secrets;

import dev.cimanager.contracts.secrets.SecretType;
import java.nio.charset.StandardCharsets;

/**
 * A secret value resolved for the engine. {@code version} changes on every update, so callers may
 * cache derived material (a decrypted signing key) per {@code (reference, version)}. Never printed.
 */
public final class ResolvedSecret {
  private final String reference;
  private final SecretType type;
  private final long version;
  private final byte[] value;

  ResolvedSecret(String reference, SecretType type, long version, byte[] value) {
    this.reference = reference;
    this.type = type;
    this.version = version;
    this.value = value.clone();
  }

  /** The reference as written, e.g. {@code account.cosign_password}. */
  public String reference() {
    return reference;
  }

  public SecretType type() {
    return type;
  }

  public long version() {
    return version;
  }

  /** A copy of the value's bytes. */
  public byte[] value() {
    return value.clone();
  }

  /** The value as UTF-8 text, exactly as stored (never trimmed). */
  public String valueAsString() {
    return new String(value, StandardCharsets.UTF_8);
  }

  @Override
  public String toString() {
    return "ResolvedSecret[" + reference + " v" + version + ", value=***]";
  }
}
