package dev.cimanager.ssca.signing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cimanager.ssca.signing.KeyLoadingException.Reason;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import org.bouncycastle.util.io.pem.PemReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SigningKeysTest {

  private static final String SUPPORTED_KEYS =
      "supported are ECDSA P-256, P-384 or P-521, RSA of 2048 to 4096 bits, or Ed25519";

  private static byte[] ascii(String text) {
    return text.getBytes(StandardCharsets.US_ASCII);
  }

  private static byte[] pemBody(String vector) throws Exception {
    return pemBody(TestVectors.read(vector));
  }

  static byte[] pemBody(byte[] pem) throws Exception {
    try (PemReader reader =
        new PemReader(new StringReader(new String(pem, StandardCharsets.US_ASCII)))) {
      return reader.readPemObject().getContent();
    }
  }

  private static KeyLoadingException loadFailure(byte[] keyFile, String password) {
    try {
      SigningKeys.load(keyFile, ascii(password));
    } catch (KeyLoadingException e) {
      return e;
    }
    throw new AssertionError("the key loaded, but it must not");
  }

  /**
   * Signs and verifies with the loaded key, so a key that parses but cannot sign fails the test.
   */
  private static void assertSignsVerifiably(Signer signer) throws Exception {
    Envelope envelope = new DsseSigner(signer).sign(Envelope.IN_TOTO_PAYLOAD_TYPE, ascii("{}"));
    assertThat(DsseVerifier.forKey(signer.publicKey()).verify(envelope).payload())
        .isEqualTo(ascii("{}"));
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "cosign-keystest-sigstore-p256-pw-hello      | hello | ECDSA_P256_SHA256",
        "cosign-keystest-cosignlabel-p256-pw-hello   | hello | ECDSA_P256_SHA256",
        "sigstore-rs-cosign-generated-p256-pw-empty  | ''    | ECDSA_P256_SHA256",
        "sigstore-rs-cosignlabel-p256-pw-123         | 123   | ECDSA_P256_SHA256",
        "sigstore-rs-sigstore-rsa4096-pw-123         | 123   | RSA_PKCS1V15_SHA256",
        "sigstore-rs-sigstore-ed25519-pw-123         | 123   | ED25519"
      })
  void load_cosignEncryptedKey_decryptsToTheVectorsPkcs8AndPublicKey(
      String name, String password, SignatureAlgorithm algorithm) throws Exception {
    String prefix = "encrypted-keys/" + name;
    byte[] keyBody = pemBody(prefix + ".key");

    assertThat(CosignEncryptedKey.parse(keyBody).decrypt(ascii(password)))
        .isEqualTo(pemBody(prefix + ".decrypted-plaintext.pem"));

    Signer signer = SigningKeys.load(TestVectors.read(prefix + ".key"), ascii(password));
    assertThat(signer.algorithm()).isEqualTo(algorithm);
    assertThat(signer.publicKey().getEncoded()).isEqualTo(pemBody(prefix + ".derived.pub"));
    assertThat(signer.keyId()).isEmpty();
    assertSignsVerifiably(signer);
  }

  @ParameterizedTest
  @CsvSource({
    "cosign-keystest-sigstore-p256-pw-hello",
    "sigstore-rs-sigstore-rsa4096-pw-123",
    "sigstore-rs-sigstore-ed25519-pw-123"
  })
  void load_decryptedPkcs8Plaintext_hasTheSamePublicKey(String name) throws Exception {
    Signer signer =
        SigningKeys.load(
            TestVectors.read("encrypted-keys/" + name + ".decrypted-plaintext.pem"), new byte[0]);

    assertThat(signer.publicKey().getEncoded())
        .isEqualTo(pemBody("encrypted-keys/" + name + ".derived.pub"));
  }

  @Test
  void load_cosignKeyWithSec1Inside_decryptsButFailsAsNotPkcs8() throws Exception {
    String prefix = "encrypted-keys/cosign-keystest-cosignlabel-sec1-NEGATIVE-pw-hello";
    // It does decrypt, to the SEC1 bytes: the failure is the format, as in cosign.
    assertThat(CosignEncryptedKey.parse(pemBody(prefix + ".key")).decrypt(ascii("hello")))
        .isEqualTo(pemBody(prefix + ".decrypted-plaintext.pem"));

    KeyLoadingException e = loadFailure(TestVectors.read(prefix + ".key"), "hello");

    assertThat(e.reason()).isEqualTo(Reason.NOT_PKCS8);
    assertThat(e)
        .hasMessage(
            "failed to load the signing key: the ENCRYPTED COSIGN PRIVATE KEY decrypts, but its "
                + "content is not a PKCS#8 private key (cosign accepts only PKCS#8 there)");
  }

  @Test
  void load_cosignKeyWrongPassword_throwsWrongPasswordWithoutThePassword() {
    KeyLoadingException e =
        loadFailure(
            TestVectors.read("encrypted-keys/cosign-keystest-sigstore-p256-pw-hello.key"),
            "hunter2");

    assertThat(e.reason()).isEqualTo(Reason.WRONG_PASSWORD);
    assertThat(e)
        .hasMessage(
            "failed to load the signing key: decryption failed, the password is wrong "
                + "(or the encrypted key was altered)")
        .hasNoCause();
    assertThat(e.getMessage()).doesNotContain("hunter2");
  }

  @Test
  void load_passwordWithTrailingNewline_isNotTrimmed() {
    assertThat(
            loadFailure(
                    TestVectors.read("encrypted-keys/sigstore-rs-cosignlabel-p256-pw-123.key"),
                    "123\n")
                .reason())
        .isEqualTo(Reason.WRONG_PASSWORD);
  }

  @Test
  void load_emptyPasswordKeyWithSpace_isNotTrimmed() {
    assertThat(
            loadFailure(
                    TestVectors.read(
                        "encrypted-keys/sigstore-rs-cosign-generated-p256-pw-empty.key"),
                    " ")
                .reason())
        .isEqualTo(Reason.WRONG_PASSWORD);
  }

  @Test
  void load_cosignKeyWithUnsupportedScryptParameters_isRefusedBeforeTheKdf() {
    byte[] pem =
        ascii(
            Pem.encode(
                "ENCRYPTED SIGSTORE PRIVATE KEY",
                TestVectors.read("encrypted-json/gosslib-NEGATIVE-unsupported-params.json")));

    assertThatThrownBy(() -> SigningKeys.load(pem, ascii("supersecret")))
        .isInstanceOfSatisfying(
            KeyLoadingException.class,
            e -> assertThat(e.reason()).isEqualTo(Reason.UNSUPPORTED_ENCRYPTION))
        .hasMessage(
            "failed to load the signing key: unsupported scrypt parameters N=99, r=99, p=99; "
                + "supported are N=32768, 65536 or 131072 with r=8 and p=1");
  }

  @Test
  void load_cosignKeyBodyNotBase64Json_throwsMalformed() {
    byte[] pem = ascii(Pem.encode("ENCRYPTED COSIGN PRIVATE KEY", ascii("not json")));

    assertThatThrownBy(() -> SigningKeys.load(pem, ascii("x")))
        .isInstanceOfSatisfying(
            KeyLoadingException.class, e -> assertThat(e.reason()).isEqualTo(Reason.MALFORMED))
        .hasMessage("failed to load the signing key: the encrypted key is not valid JSON");
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "openssl-p256-pkcs8.pem                      | ''    | openssl-p256.pub    | ECDSA_P256_SHA256",
        "openssl-p256-sec1.pem                       | ''    | openssl-p256.pub    | ECDSA_P256_SHA256",
        "openssl-p256-pkcs8-encrypted-pw-hello.pem   | hello | openssl-p256.pub    | ECDSA_P256_SHA256",
        "openssl-rsa2048-pkcs8.pem                   | ''    | openssl-rsa2048.pub | RSA_PKCS1V15_SHA256",
        "openssl-rsa2048-pkcs1.pem                   | ''    | openssl-rsa2048.pub | RSA_PKCS1V15_SHA256",
        "openssl-ed25519-pkcs8.pem                   | ''    | openssl-ed25519.pub | ED25519"
      })
  void load_opensslKey_hasOpensslsPublicKey(
      String file, String password, String publicKey, SignatureAlgorithm algorithm)
      throws Exception {
    Signer signer = SigningKeys.load(TestVectors.openssl(file), ascii(password));

    assertThat(signer.algorithm()).isEqualTo(algorithm);
    assertThat(signer.publicKey().getEncoded()).isEqualTo(pemBody(TestVectors.openssl(publicKey)));
    assertSignsVerifiably(signer);
  }

  @Test
  void load_p384_signsWithSha384() throws Exception {
    Signer signer = SigningKeys.load(TestVectors.openssl("openssl-p384-pkcs8.pem"), new byte[0]);

    assertThat(signer.algorithm()).isEqualTo(SignatureAlgorithm.ECDSA_P384_SHA384);
    assertSignsVerifiably(signer);
  }

  @Test
  void load_encryptedPkcs8WrongPassword_throwsWrongPassword() {
    KeyLoadingException e =
        loadFailure(TestVectors.openssl("openssl-p256-pkcs8-encrypted-pw-hello.pem"), "hello ");

    assertThat(e.reason()).isEqualTo(Reason.WRONG_PASSWORD);
    assertThat(e)
        .hasMessage(
            "failed to load the signing key: decryption of the ENCRYPTED PRIVATE KEY failed, the password is wrong");
  }

  @Test
  void load_encryptedPkcs8PasswordNotUtf8_throwsWrongPassword() {
    assertThatThrownBy(
            () ->
                SigningKeys.load(
                    TestVectors.openssl("openssl-p256-pkcs8-encrypted-pw-hello.pem"),
                    new byte[] {(byte) 0xff}))
        .isInstanceOfSatisfying(
            KeyLoadingException.class, e -> assertThat(e.reason()).isEqualTo(Reason.WRONG_PASSWORD))
        .hasMessage(
            "failed to load the signing key: the password of an ENCRYPTED PRIVATE KEY must be UTF-8 text, "
                + "and it is not");
  }

  @Test
  void load_legacyOpensslEncryptedSec1_throwsUnsupportedEncryption() {
    KeyLoadingException e =
        loadFailure(
            TestVectors.openssl("openssl-p256-sec1-legacy-encrypted-pw-hello.pem"), "hello");

    assertThat(e.reason()).isEqualTo(Reason.UNSUPPORTED_ENCRYPTION);
    assertThat(e)
        .hasMessage(
            "failed to load the signing key: the EC PRIVATE KEY is encrypted the legacy OpenSSL "
                + "way (Proc-Type: 4,ENCRYPTED), which is not supported; convert it with \"openssl pkcs8 -topk8\"");
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "openssl-secp256k1-pkcs8.pem | unsupported EC key on curve 1.3.132.0.10",
        "openssl-rsa1024-pkcs8.pem   | unsupported RSA key of 1024 bits",
        "openssl-x25519-pkcs8.pem    | unsupported key algorithm 1.3.101.110"
      })
  void load_unsupportedCurveSizeOrAlgorithm_throwsUnsupportedKeyNamingIt(String file, String what) {
    KeyLoadingException e = loadFailure(TestVectors.openssl(file), "");

    assertThat(e.reason()).isEqualTo(Reason.UNSUPPORTED_KEY);
    assertThat(e).hasMessage("failed to load the signing key: " + what + "; " + SUPPORTED_KEYS);
  }

  @Test
  void load_certificate_throwsUnsupportedPemTypeNamingIt() {
    KeyLoadingException e = loadFailure(TestVectors.openssl("openssl-p256-cert.pem"), "");

    assertThat(e.reason()).isEqualTo(Reason.UNSUPPORTED_PEM_TYPE);
    assertThat(e)
        .hasMessage(
            "failed to load the signing key: unsupported PEM type \"CERTIFICATE\"; expected "
                + "ENCRYPTED SIGSTORE PRIVATE KEY, ENCRYPTED COSIGN PRIVATE KEY, PRIVATE KEY, ENCRYPTED PRIVATE KEY, "
                + "EC PRIVATE KEY or RSA PRIVATE KEY");
  }

  @Test
  void load_publicKeyInsteadOfPrivate_throwsUnsupportedPemType() {
    assertThat(loadFailure(TestVectors.read("dsse/cosign-blob-test.pub"), "").reason())
        .isEqualTo(Reason.UNSUPPORTED_PEM_TYPE);
  }

  @Test
  void load_notPem_throwsNotPem() {
    KeyLoadingException e = loadFailure(ascii("hello, I am a password, not a key"), "");

    assertThat(e.reason()).isEqualTo(Reason.NOT_PEM);
    assertThat(e)
        .hasMessage(
            "failed to load the signing key: the input is not PEM (no \"-----BEGIN ...-----\" line found)");
  }

  @Test
  void load_tooLarge_throwsTooLargeBeforeParsing() {
    byte[] huge = new byte[SigningKeys.MAX_KEY_FILE_BYTES + 1];
    Arrays.fill(huge, (byte) 'A');

    KeyLoadingException e = loadFailure(huge, "");

    assertThat(e.reason()).isEqualTo(Reason.TOO_LARGE);
    assertThat(e)
        .hasMessage(
            "failed to load the signing key: the input is 65537 bytes, more than the 65536-byte limit "
                + "for a key file");
  }

  @Test
  void load_brokenBase64Body_throwsMalformed() {
    byte[] pem =
        ascii("-----BEGIN PRIVATE KEY-----\n!!!not base64!!!\n-----END PRIVATE KEY-----\n");

    KeyLoadingException e = loadFailure(pem, "");

    assertThat(e.reason()).isEqualTo(Reason.MALFORMED);
    assertThat(e)
        .hasMessage(
            "failed to load the signing key: the PEM block is broken (missing END line or invalid base64 body)");
  }

  @Test
  void load_garbagePkcs8_throwsMalformedWithoutKeyBytes() {
    byte[] garbage = Base64.getDecoder().decode("MAMCAQA=");
    byte[] pem = ascii(Pem.encode("PRIVATE KEY", garbage));

    KeyLoadingException e = loadFailure(pem, "");

    assertThat(e.reason()).isEqualTo(Reason.MALFORMED);
    assertThat(e)
        .hasMessage("failed to load the signing key: the PRIVATE KEY is not valid PKCS#8")
        .hasNoCause();
  }

  @Test
  void load_textBeforeThePemBlock_isSkippedLikeGo() throws Exception {
    byte[] pem = TestVectors.openssl("openssl-p256-pkcs8.pem");
    byte[] withPreamble = new byte[pem.length + 20];
    System.arraycopy(ascii("Key for CI builds:\n\n"), 0, withPreamble, 0, 20);
    System.arraycopy(pem, 0, withPreamble, 20, pem.length);

    assertThat(SigningKeys.load(withPreamble, new byte[0]).publicKey().getEncoded())
        .isEqualTo(pemBody(TestVectors.openssl("openssl-p256.pub")));
  }
}
