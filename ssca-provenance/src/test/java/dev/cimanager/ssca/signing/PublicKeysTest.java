package dev.cimanager.ssca.signing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cimanager.ssca.signing.KeyLoadingException.Reason;
import java.nio.charset.StandardCharsets;
import java.security.PublicKey;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PublicKeysTest {

  @ParameterizedTest
  @ValueSource(
      strings = {
        "dsse/cosign-blob-test.pub",
        "dsse/dsse-spec-p256.derived.pub",
        "encrypted-keys/cosign-keystest-sigstore-p256-pw-hello.derived.pub",
        "encrypted-keys/sigstore-rs-sigstore-rsa4096-pw-123.derived.pub",
        "encrypted-keys/sigstore-rs-sigstore-ed25519-pw-123.derived.pub"
      })
  void toPem_parsedVector_writesTheSameBytes(String vector) throws Exception {
    byte[] pem = TestVectors.read(vector);

    assertThat(PublicKeys.toPem(PublicKeys.parse(pem)))
        .isEqualTo(new String(pem, StandardCharsets.US_ASCII));
  }

  @Test
  void parse_rsaPublicKeyPkcs1_equalsItsPkixForm() throws Exception {
    PublicKey pkcs1 = PublicKeys.parse(TestVectors.openssl("openssl-rsa2048-pkcs1.pub"));

    assertThat(pkcs1).isEqualTo(PublicKeys.parse(TestVectors.openssl("openssl-rsa2048.pub")));
    assertThat(pkcs1.getAlgorithm()).isEqualTo("RSA");
  }

  @Test
  void parse_cosignPublicKey_equalsTheJdksParse() throws Exception {
    assertThat(PublicKeys.parse(TestVectors.read("dsse/cosign-blob-test.pub")))
        .isEqualTo(DsseVerifierTest.jdkPublicKey("dsse/cosign-blob-test.pub"));
  }

  @Test
  void parse_secp256k1_throwsUnsupportedKey() {
    assertThatThrownBy(() -> PublicKeys.parse(TestVectors.openssl("openssl-secp256k1.pub")))
        .isInstanceOfSatisfying(
            KeyLoadingException.class,
            e -> assertThat(e.reason()).isEqualTo(Reason.UNSUPPORTED_KEY))
        .hasMessage(
            "failed to load the public key: unsupported EC key on curve 1.3.132.0.10; "
                + "supported are ECDSA P-256, P-384 or P-521, RSA of 2048 to 4096 bits, or Ed25519");
  }

  @Test
  void parse_privateKey_throwsUnsupportedPemType() {
    assertThatThrownBy(() -> PublicKeys.parse(TestVectors.openssl("openssl-p256-pkcs8.pem")))
        .isInstanceOfSatisfying(
            KeyLoadingException.class,
            e -> assertThat(e.reason()).isEqualTo(Reason.UNSUPPORTED_PEM_TYPE))
        .hasMessage(
            "failed to load the public key: unsupported PEM type \"PRIVATE KEY\"; "
                + "expected PUBLIC KEY or RSA PUBLIC KEY");
  }

  @Test
  void parse_notPem_throwsNotPem() {
    assertThatThrownBy(
            () -> PublicKeys.parse("ssh-ed25519 AAAA".getBytes(StandardCharsets.US_ASCII)))
        .isInstanceOfSatisfying(
            KeyLoadingException.class, e -> assertThat(e.reason()).isEqualTo(Reason.NOT_PEM))
        .hasMessage(
            "failed to load the public key: the input is not PEM (no \"-----BEGIN ...-----\" line found)");
  }

  @Test
  void parse_notDer_throwsMalformed() {
    byte[] pem = Pem.encode("PUBLIC KEY", new byte[] {1, 2, 3}).getBytes(StandardCharsets.US_ASCII);

    assertThatThrownBy(() -> PublicKeys.parse(pem))
        .isInstanceOfSatisfying(
            KeyLoadingException.class, e -> assertThat(e.reason()).isEqualTo(Reason.MALFORMED))
        .hasMessage("failed to load the public key: the PUBLIC KEY block is not valid ASN.1 DER");
  }

  @Test
  void parse_typeWithControlCharacters_isSanitizedInTheMessage() {
    byte[] pem =
        "-----BEGIN EVIL\u001b[31m-----\nAAAA\n-----END EVIL\u001b[31m-----\n"
            .getBytes(StandardCharsets.ISO_8859_1);

    assertThatThrownBy(() -> PublicKeys.parse(pem)).hasMessageContaining("\"EVIL?[31m\"");
  }
}
