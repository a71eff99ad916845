package dev.cimanager.ssca.testing;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import org.bouncycastle.crypto.generators.OpenBSDBCrypt;

/** htpasswd-style bcrypt ($2y$) hashes for the registry's basic auth. */
final class Bcrypt {
  private Bcrypt() {}

  static String hash(String password) {
    byte[] salt = new byte[16];
    new SecureRandom().nextBytes(salt);
    return OpenBSDBCrypt.generate("2y", password.getBytes(StandardCharsets.UTF_8), salt, 10);
  }
}
