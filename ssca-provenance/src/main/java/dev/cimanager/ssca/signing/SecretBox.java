package dev.cimanager.ssca.signing;

import java.util.Arrays;
import java.util.Optional;
import org.bouncycastle.crypto.engines.XSalsa20Engine;
import org.bouncycastle.crypto.macs.Poly1305;
import org.bouncycastle.crypto.params.KeyParameter;
import org.bouncycastle.crypto.params.ParametersWithIV;

/**
 * NaCl {@code crypto_secretbox} (XSalsa20-Poly1305), the cipher inside Cosign encrypted keys. The
 * first 32 bytes of the XSalsa20 keystream are the one-time Poly1305 key, the message is encrypted
 * with the keystream from byte 32 on, and the box is {@code tag(16) || ciphertext}.
 */
final class SecretBox {

  static final int KEY_BYTES = 32;
  static final int NONCE_BYTES = 24;
  static final int TAG_BYTES = 16;

  private SecretBox() {}

  static byte[] seal(byte[] key, byte[] nonce, byte[] plaintext) {
    XSalsa20Engine cipher = start(key, nonce);
    byte[] macKey = nextKeystream(cipher, KEY_BYTES);
    byte[] box = new byte[TAG_BYTES + plaintext.length];
    cipher.processBytes(plaintext, 0, plaintext.length, box, TAG_BYTES);
    tag(macKey, box, box);
    return box;
  }

  /** The plaintext, or empty when the box does not authenticate (wrong key or tampered box). */
  static Optional<byte[]> open(byte[] key, byte[] nonce, byte[] box) {
    if (box.length < TAG_BYTES) {
      return Optional.empty();
    }
    XSalsa20Engine cipher = start(key, nonce);
    byte[] expectedTag = new byte[TAG_BYTES];
    tag(nextKeystream(cipher, KEY_BYTES), box, expectedTag);
    // Authenticate before decrypting anything, in constant time.
    if (!org.bouncycastle.util.Arrays.constantTimeAreEqual(TAG_BYTES, expectedTag, 0, box, 0)) {
      return Optional.empty();
    }
    byte[] plaintext = new byte[box.length - TAG_BYTES];
    cipher.processBytes(box, TAG_BYTES, plaintext.length, plaintext, 0);
    return Optional.of(plaintext);
  }

  private static XSalsa20Engine start(byte[] key, byte[] nonce) {
    if (key.length != KEY_BYTES || nonce.length != NONCE_BYTES) {
      throw new IllegalArgumentException("secretbox needs a 32-byte key and a 24-byte nonce");
    }
    XSalsa20Engine cipher = new XSalsa20Engine();
    cipher.init(true, new ParametersWithIV(new KeyParameter(key), nonce));
    return cipher;
  }

  private static byte[] nextKeystream(XSalsa20Engine cipher, int length) {
    byte[] keystream = new byte[length];
    cipher.processBytes(new byte[length], 0, length, keystream, 0);
    return keystream;
  }

  /**
   * Writes the Poly1305 tag of {@code box[16..]} under the one-time {@code macKey} into {@code
   * out[0..16]}.
   */
  private static void tag(byte[] macKey, byte[] box, byte[] out) {
    Poly1305 poly1305 = new Poly1305();
    poly1305.init(new KeyParameter(macKey));
    poly1305.update(box, TAG_BYTES, box.length - TAG_BYTES);
    poly1305.doFinal(out, 0);
    Arrays.fill(macKey, (byte) 0);
  }
}
