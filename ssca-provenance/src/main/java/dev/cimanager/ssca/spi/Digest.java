package dev.cimanager.ssca.spi;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A content digest {@code sha256:<64 lowercase hex>}, the only algorithm OCI registries must
 * support.
 */
public record Digest(String hex) {
  private static final Pattern HEX = Pattern.compile("[0-9a-f]{64}");
  private static final String PREFIX = "sha256:";

  public Digest {
    Objects.requireNonNull(hex, "hex");
    if (!HEX.matcher(hex).matches()) {
      throw new IllegalArgumentException(
          "digest hex must be 64 lowercase hex characters, got '" + hex + "'");
    }
  }

  /**
   * Whether {@code value} is {@code sha256:<64 lowercase hex>}: the one rule every layer checks
   * digests by.
   */
  public static boolean isValid(String value) {
    return value != null
        && value.startsWith(PREFIX)
        && HEX.matcher(value).region(PREFIX.length(), value.length()).matches();
  }

  /** Parses {@code sha256:<64 lowercase hex>}. */
  public static Digest parse(String value) {
    Objects.requireNonNull(value, "digest");
    if (!value.startsWith(PREFIX)) {
      throw new IllegalArgumentException(
          "digest must look like sha256:<64 lowercase hex>, got '" + value + "'");
    }
    return new Digest(value.substring(PREFIX.length()));
  }

  /** The SHA-256 digest of these bytes. */
  public static Digest of(byte[] content) {
    try {
      return new Digest(
          HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java runtime has SHA-256", e);
    }
  }

  /**
   * The tag cosign gives the attestations of the image with this digest: {@code sha256-<hex>.att}.
   */
  public String attestationTag() {
    return "sha256-" + hex + ".att";
  }

  @Override
  public String toString() {
    return PREFIX + hex;
  }
}
