package dev.cimanager.app.triggers;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Locale;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** The providers' ways of proving a delivery comes from them, compared in constant time. */
final class WebhookSignatures {

  static final String GITHUB_PREFIX = "sha256=";

  private WebhookSignatures() {}

  /**
   * GitHub: {@code X-Hub-Signature-256: sha256=<hex HMAC-SHA256 of the raw body keyed by the
   * secret>}.
   */
  static boolean githubValid(String header, byte[] body, byte[] secret) {
    if (header == null || !header.startsWith(GITHUB_PREFIX)) {
      return false;
    }
    byte[] sent;
    try {
      sent =
          HexFormat.of()
              .parseHex(header.substring(GITHUB_PREFIX.length()).toLowerCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      return false;
    }
    return MessageDigest.isEqual(hmacSha256(secret, body), sent);
  }

  /**
   * GitLab: {@code X-Gitlab-Token} is the secret itself; digests first, so the length leaks nothing
   * either.
   */
  static boolean gitlabValid(String header, byte[] secret) {
    if (header == null) {
      return false;
    }
    return MessageDigest.isEqual(sha256(header.getBytes(StandardCharsets.UTF_8)), sha256(secret));
  }

  static byte[] hmacSha256(byte[] key, byte[] body) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(key.length == 0 ? new byte[1] : key, "HmacSHA256"));
      return mac.doFinal(body);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is not available", e);
    }
  }

  private static byte[] sha256(byte[] value) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(value);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("SHA-256 is not available", e);
    }
  }
}
