package dev.cimanager.ssca.signing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cimanager.ssca.signing.KeyLoadingException.Reason;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class CosignEncryptedKeyTest {

  private static final byte[] SUPERSECRET = ascii("supersecret");

  private static byte[] ascii(String text) {
    return text.getBytes(StandardCharsets.US_ASCII);
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '`',
      value = {
        "gosslib-decrypt-N32768.json      | 32768  | reallyimportant",
        "gosslib-kdf-legacy-N32768.json   | 32768  | \"cmVhbGx5aW1wb3J0YW50\"",
        "gosslib-kdf-standard-N65536.json | 65536  | \"cmVhbGx5aW1wb3J0YW50\"",
        "gosslib-kdf-owasp-N131072.json   | 131072 | \"cmVhbGx5aW1wb3J0YW50\""
      })
  void decrypt_goSecureSystemsLibVector_yieldsItsPlaintextBytes(
      String file, int n, String plaintext) throws Exception {
    byte[] json = TestVectors.read("encrypted-json/" + file);
    assertThat(new String(json, StandardCharsets.US_ASCII)).contains("\"N\":" + n + ",");

    assertThat(CosignEncryptedKey.parse(json).decrypt(SUPERSECRET)).isEqualTo(ascii(plaintext));
  }

  @Test
  void parse_unsupportedParametersVector_isRefusedBeforeAnyKdfRuns() {
    // parse() never runs scrypt (only decrypt() does), so refusing here proves the KDF never ran.
    assertThatThrownBy(
            () ->
                CosignEncryptedKey.parse(
                    TestVectors.read("encrypted-json/gosslib-NEGATIVE-unsupported-params.json")))
        .isInstanceOfSatisfying(
            KeyLoadingException.class,
            e -> assertThat(e.reason()).isEqualTo(Reason.UNSUPPORTED_ENCRYPTION))
        .hasMessage(
            "failed to load the signing key: unsupported scrypt parameters N=99, r=99, p=99; "
                + "supported are N=32768, 65536 or 131072 with r=8 and p=1");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "\"N\":1048576,\"r\":8,\"p\":1",
        "\"N\":16384,\"r\":8,\"p\":1",
        "\"N\":32768,\"r\":16,\"p\":1",
        "\"N\":32768,\"r\":8,\"p\":2",
        "\"N\":4295000064,\"r\":8,\"p\":1"
      })
  void parse_otherScryptParameters_areRefused(String params) {
    String json =
        "{\"kdf\":{\"name\":\"scrypt\",\"params\":{"
            + params
            + "},\"salt\":\"AA==\"},"
            + "\"cipher\":{\"name\":\"nacl/secretbox\",\"nonce\":\"AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA\"},\"ciphertext\":\"\"}";

    assertThatThrownBy(() -> CosignEncryptedKey.parse(ascii(json)))
        .hasMessageContaining("unsupported scrypt parameters");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "gosslib-decrypt-N32768.json",
        "gosslib-kdf-legacy-N32768.json",
        "gosslib-kdf-standard-N65536.json",
        "gosslib-kdf-owasp-N131072.json"
      })
  void toJson_goSecureSystemsLibVector_writesTheSameBytes(String file) throws Exception {
    byte[] json = TestVectors.read("encrypted-json/" + file);

    assertThat(CosignEncryptedKey.parse(json).toJson()).isEqualTo(json);
  }

  @Test
  void decrypt_wrongPassword_throwsWrongPassword() throws Exception {
    CosignEncryptedKey key =
        CosignEncryptedKey.parse(TestVectors.read("encrypted-json/gosslib-decrypt-N32768.json"));

    assertThatThrownBy(() -> key.decrypt(ascii("supersecret\n")))
        .isInstanceOfSatisfying(
            KeyLoadingException.class, e -> assertThat(e.reason()).isEqualTo(Reason.WRONG_PASSWORD))
        .hasMessage(
            "failed to load the signing key: decryption failed, the password is wrong "
                + "(or the encrypted key was altered)");
  }

  @Test
  void decrypt_tamperedCiphertext_throwsWrongPassword() throws Exception {
    String json =
        new String(
                TestVectors.read("encrypted-json/gosslib-decrypt-N32768.json"),
                StandardCharsets.US_ASCII)
            .replace("\"ciphertext\":\"SEW6", "\"ciphertext\":\"SEW7");

    assertThatThrownBy(() -> CosignEncryptedKey.parse(ascii(json)).decrypt(SUPERSECRET))
        .isInstanceOfSatisfying(
            KeyLoadingException.class,
            e -> assertThat(e.reason()).isEqualTo(Reason.WRONG_PASSWORD));
  }

  @Test
  void encrypt_emptyPassword_roundTripsThroughJson() throws Exception {
    byte[] plaintext = ascii("a PKCS#8 key would be here");
    CosignEncryptedKey encrypted =
        CosignEncryptedKey.encrypt(plaintext, new byte[0], 32768, new SecureRandom());

    assertThat(CosignEncryptedKey.parse(encrypted.toJson()).decrypt(new byte[0]))
        .isEqualTo(plaintext);
  }

  @Test
  void parse_otherKdf_throwsUnsupportedEncryption() {
    assertThatThrownBy(() -> CosignEncryptedKey.parse(ascii("{\"kdf\":{\"name\":\"pbkdf2\"}}")))
        .isInstanceOfSatisfying(
            KeyLoadingException.class,
            e -> assertThat(e.reason()).isEqualTo(Reason.UNSUPPORTED_ENCRYPTION))
        .hasMessage(
            "failed to load the signing key: unsupported key derivation function \"pbkdf2\"; "
                + "Cosign keys use scrypt");
  }

  @Test
  void parse_otherCipher_throwsUnsupportedEncryption() {
    String json =
        "{\"kdf\":{\"name\":\"scrypt\",\"params\":{\"N\":32768,\"r\":8,\"p\":1},\"salt\":\"AA==\"},"
            + "\"cipher\":{\"name\":\"aes-gcm\",\"nonce\":\"AA==\"},\"ciphertext\":\"\"}";

    assertThatThrownBy(() -> CosignEncryptedKey.parse(ascii(json)))
        .hasMessage(
            "failed to load the signing key: unsupported cipher \"aes-gcm\"; Cosign keys use nacl/secretbox");
  }

  @Test
  void parse_shortNonce_throwsMalformed() {
    String json =
        "{\"kdf\":{\"name\":\"scrypt\",\"params\":{\"N\":32768,\"r\":8,\"p\":1},\"salt\":\"AA==\"},"
            + "\"cipher\":{\"name\":\"nacl/secretbox\",\"nonce\":\"AA==\"},\"ciphertext\":\"\"}";

    assertThatThrownBy(() -> CosignEncryptedKey.parse(ascii(json)))
        .isInstanceOfSatisfying(
            KeyLoadingException.class, e -> assertThat(e.reason()).isEqualTo(Reason.MALFORMED))
        .hasMessage("failed to load the signing key: field \"cipher.nonce\" is 1 bytes, not 24");
  }

  @Test
  void parse_missingSalt_throwsMalformedNamingTheField() {
    String json =
        "{\"kdf\":{\"name\":\"scrypt\",\"params\":{\"N\":32768,\"r\":8,\"p\":1}},"
            + "\"cipher\":{\"name\":\"nacl/secretbox\",\"nonce\":\"AA==\"},\"ciphertext\":\"\"}";

    assertThatThrownBy(() -> CosignEncryptedKey.parse(ascii(json)))
        .hasMessage(
            "failed to load the signing key: field \"kdf.salt\" is missing or not a string");
  }

  @Test
  void parse_fractionalN_throwsMalformed() {
    String json = "{\"kdf\":{\"name\":\"scrypt\",\"params\":{\"N\":32768.5,\"r\":8,\"p\":1}}}";

    assertThatThrownBy(() -> CosignEncryptedKey.parse(ascii(json)))
        .hasMessage(
            "failed to load the signing key: field \"kdf.params.N\" is missing or not an integer");
  }

  @Test
  void parse_notJson_throwsMalformed() {
    assertThatThrownBy(() -> CosignEncryptedKey.parse(ascii("\u0001\u0002")))
        .hasMessage("failed to load the signing key: the encrypted key is not valid JSON");
  }
}
