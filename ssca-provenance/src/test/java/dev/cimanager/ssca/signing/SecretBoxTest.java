package dev.cimanager.ssca.signing;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class SecretBoxTest {

  private static final byte[] KEY = new byte[32];
  private static final byte[] NONCE = new byte[24];

  static {
    for (int i = 0; i < 32; i++) {
      KEY[i] = (byte) i;
    }
    NONCE[23] = 7;
  }

  @Test
  void open_sealedBox_returnsThePlaintext() {
    byte[] plaintext =
        "attack at dawn, but spanning more than one 64-byte Salsa20 block of keystream"
            .getBytes(StandardCharsets.US_ASCII);

    byte[] box = SecretBox.seal(KEY, NONCE, plaintext);

    assertThat(box).hasSize(16 + plaintext.length);
    assertThat(SecretBox.open(KEY, NONCE, box)).hasValue(plaintext);
  }

  @Test
  void open_emptyPlaintext_isJustTheTag() {
    byte[] box = SecretBox.seal(KEY, NONCE, new byte[0]);

    assertThat(box).hasSize(16);
    assertThat(SecretBox.open(KEY, NONCE, box)).hasValue(new byte[0]);
  }

  @Test
  void open_anyFlippedBit_isRefused() {
    byte[] box = SecretBox.seal(KEY, NONCE, new byte[40]);
    for (int i = 0; i < box.length; i++) {
      byte[] tampered = box.clone();
      tampered[i] ^= 0x01;
      assertThat(SecretBox.open(KEY, NONCE, tampered)).as("byte %d flipped", i).isEmpty();
    }
  }

  @Test
  void open_otherNonce_isRefused() {
    byte[] otherNonce = NONCE.clone();
    otherNonce[0] = 1;

    assertThat(SecretBox.open(KEY, otherNonce, SecretBox.seal(KEY, NONCE, new byte[8]))).isEmpty();
  }

  @Test
  void open_shorterThanTag_isRefused() {
    assertThat(SecretBox.open(KEY, NONCE, new byte[15])).isEmpty();
  }
}
