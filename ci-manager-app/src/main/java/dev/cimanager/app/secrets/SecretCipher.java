package dev.cimanager.app.secrets;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Envelope encryption of secret values: a fresh random AES-256 data key per secret version encrypts
 * the value (AES-GCM), and the master key wraps the data key (AES-GCM). Both use the secret's
 * storage id and version as associated data, so a ciphertext copied onto another secret, or an old
 * version's ciphertext replayed onto the current version, fails to decrypt.
 */
@Singleton
final class SecretCipher {
  private static final int NONCE_BYTES = 12;
  private static final int TAG_BITS = 128;
  private final MasterKey masterKey;
  private final SecureRandom random = new SecureRandom();

  @Inject
  SecretCipher(MasterKey masterKey) {
    this.masterKey = masterKey;
  }

  EncryptedValue encrypt(byte[] value, String secretId, long version) {
    byte[] dataKey = new byte[32];
    random.nextBytes(dataKey);
    try {
      byte[] aad = aad(secretId, version);
      byte[] ciphertext = seal(new SecretKeySpec(dataKey, "AES"), value, aad);
      byte[] wrappedKey = seal(masterKey.secretKey(), dataKey, aad);
      return new EncryptedValue(wrappedKey, ciphertext);
    } finally {
      Arrays.fill(dataKey, (byte) 0);
    }
  }

  byte[] decrypt(EncryptedValue encrypted, String secretId, long version) {
    byte[] aad = aad(secretId, version);
    String what = secretId + " version " + version;
    byte[] dataKey = open(masterKey.secretKey(), encrypted.wrappedKey(), aad, what);
    try {
      return open(new SecretKeySpec(dataKey, "AES"), encrypted.ciphertext(), aad, what);
    } finally {
      Arrays.fill(dataKey, (byte) 0);
    }
  }

  /** The id's UTF-8 bytes, a NUL (never in an id), then the version as 8 big-endian bytes. */
  private static byte[] aad(String secretId, long version) {
    byte[] id = secretId.getBytes(StandardCharsets.UTF_8);
    return ByteBuffer.allocate(id.length + 1 + Long.BYTES)
        .put(id)
        .put((byte) 0)
        .putLong(version)
        .array();
  }

  private byte[] seal(SecretKey key, byte[] plaintext, byte[] aad) {
    byte[] nonce = new byte[NONCE_BYTES];
    random.nextBytes(nonce);
    try {
      Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
      cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, nonce));
      cipher.updateAAD(aad);
      byte[] sealed = cipher.doFinal(plaintext);
      return ByteBuffer.allocate(NONCE_BYTES + sealed.length).put(nonce).put(sealed).array();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("tried to encrypt a secret with AES-256-GCM but failed", e);
    }
  }

  private static byte[] open(SecretKey key, byte[] sealed, byte[] aad, String secret) {
    try {
      Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
      cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, sealed, 0, NONCE_BYTES));
      cipher.updateAAD(aad);
      return cipher.doFinal(sealed, NONCE_BYTES, sealed.length - NONCE_BYTES);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(
          "tried to decrypt secret "
              + secret
              + " but failed: wrong master key, or the stored ciphertext is not"
              + " this secret version's (tampered, or copied from another secret or version)",
          e);
    }
  }
}
