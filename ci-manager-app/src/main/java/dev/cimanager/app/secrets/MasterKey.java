package dev.cimanager.app.secrets;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The AES-256 key that wraps every secret's data key: from {@code security.masterKey}
 * (CI_MANAGER_MASTER_KEY, base64 of 32 bytes) or, when that is empty, a dev key generated once into
 * {@code <dataDir>/master.key}. A malformed key stops start-up with a message naming the setting.
 */
public final class MasterKey {
  static final String DEV_KEY_FILE = "master.key";
  private static final int KEY_BYTES = 32;
  private static final Logger LOG = LoggerFactory.getLogger(MasterKey.class);

  private final SecretKey key;

  private MasterKey(byte[] bytes) {
    this.key = new SecretKeySpec(bytes, "AES");
  }

  /** Loads the configured key, or the dev key of {@code dataDir} (generated on first use). */
  public static MasterKey load(String setting, Path dataDir) {
    if (setting != null && !setting.isBlank()) {
      return new MasterKey(decode(setting, "security.masterKey (CI_MANAGER_MASTER_KEY)"));
    }
    Path file = dataDir.resolve(DEV_KEY_FILE);
    try {
      if (!Files.exists(file)) {
        generate(file);
        LOG.warn(
            "CI_MANAGER_MASTER_KEY is empty: generated a development master key in {}. Secrets are only as"
                + " safe as that file; set CI_MANAGER_MASTER_KEY in production.",
            file);
      } else {
        LOG.warn("CI_MANAGER_MASTER_KEY is empty: using the development master key in {}", file);
      }
      return new MasterKey(
          decode(
              Files.readString(file, StandardCharsets.US_ASCII).trim(),
              "dev master key file " + file));
    } catch (IOException e) {
      throw new UncheckedIOException(
          "tried to read or create the dev master key " + file + " but failed", e);
    }
  }

  private static void generate(Path file) throws IOException {
    byte[] bytes = new byte[KEY_BYTES];
    new SecureRandom().nextBytes(bytes);
    String encoded = Base64.getEncoder().encodeToString(bytes) + "\n";
    Arrays.fill(bytes, (byte) 0);
    Path tmp = file.resolveSibling(DEV_KEY_FILE + ".tmp");
    Files.writeString(tmp, encoded, StandardCharsets.US_ASCII);
    try {
      Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString("rw-------"));
    } catch (UnsupportedOperationException e) {
      // Not a POSIX file system: keep the default permissions.
    }
    Files.move(tmp, file, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
  }

  private static byte[] decode(String base64, String source) {
    byte[] bytes;
    try {
      bytes = Base64.getDecoder().decode(base64.trim());
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(
          source + " is not valid base64 (expected base64 of 32 random bytes)");
    }
    if (bytes.length != KEY_BYTES) {
      throw new IllegalArgumentException(
          source + " must decode to 32 bytes (AES-256) but decodes to " + bytes.length + " bytes");
    }
    return bytes;
  }

  SecretKey secretKey() {
    return key;
  }

  @Override
  public String toString() {
    return "MasterKey[***]";
  }
}
