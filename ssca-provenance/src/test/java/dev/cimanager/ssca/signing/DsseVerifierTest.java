package dev.cimanager.ssca.signing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cimanager.ssca.signing.SignatureVerificationException.Reason;
import java.nio.charset.StandardCharsets;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import java.util.List;
import org.bouncycastle.util.io.pem.PemReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class DsseVerifierTest {

  /** The DER form of the DSSE spec vector's r||s signature, as its README states. */
  private static final String SPEC_DER_SIGNATURE =
      "MEQCIANyarEBrVbCdjtsaqyOSHJ14qeRk6CdxfhZ2fjvPEo7AiBR6rDAajabZKciJTfUiHqJPcIAriEGAHTVeCUjW2JIZA==";

  /** Parses a PEM public key with the JDK alone, independent of the code under test. */
  static PublicKey jdkPublicKey(String vector) throws Exception {
    byte[] der;
    try (PemReader reader =
        new PemReader(
            new java.io.StringReader(
                new String(TestVectors.read(vector), StandardCharsets.US_ASCII)))) {
      der = reader.readPemObject().getContent();
    }
    return KeyFactory.getInstance("EC").generatePublic(new X509EncodedKeySpec(der));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "cosign-blob-slsa02-envelope.json",
        "cosign-blob-slsa02-multiple-subjects-envelope.json",
        "cosign-blob-NEGATIVE-empty-subject-envelope.json",
        "cosign-blob-NEGATIVE-missing-sha256-envelope.json",
        "cosign-blob-NEGATIVE-no-matching-subject-envelope.json"
      })
  void verify_cosignEnvelope_verifiesWithCosignsPublicKey(String file) throws Exception {
    // The NEGATIVE envelopes fail cosign's claim checks, but their signatures are valid.
    DsseVerifier verifier = DsseVerifier.forKey(jdkPublicKey("dsse/cosign-blob-test.pub"));

    VerifiedEnvelope verified = verifier.verify(TestVectors.read("dsse/" + file));

    assertThat(verified.payloadType()).isEqualTo(Envelope.IN_TOTO_PAYLOAD_TYPE);
    assertThat(verified.signature().keyid()).isEmpty();
  }

  @Test
  void verify_dsseSpecVectorRawSignature_verifies() throws Exception {
    DsseVerifier verifier = DsseVerifier.forKey(jdkPublicKey("dsse/dsse-spec-p256.derived.pub"));
    Envelope envelope =
        Envelope.fromJson(TestVectors.read("dsse/dsse-spec-helloworld-envelope.json"));
    assertThat(envelope.signatures().get(0).sig()).hasSize(64);

    VerifiedEnvelope verified = verifier.verify(envelope);

    assertThat(verified.payload()).isEqualTo("hello world".getBytes(StandardCharsets.US_ASCII));
  }

  @Test
  void verify_dsseSpecVectorDerSignature_verifies() throws Exception {
    DsseVerifier verifier = DsseVerifier.forKey(jdkPublicKey("dsse/dsse-spec-p256.derived.pub"));
    Envelope envelope =
        new Envelope(
            "http://example.com/HelloWorld",
            "hello world".getBytes(StandardCharsets.US_ASCII),
            List.of(new Envelope.Signature("", Base64.getDecoder().decode(SPEC_DER_SIGNATURE))));

    assertThat(verifier.verify(envelope).envelope()).isEqualTo(envelope);
  }

  @Test
  void verify_tamperedPayload_throwsSignatureMismatch() throws Exception {
    DsseVerifier verifier = DsseVerifier.forKey(jdkPublicKey("dsse/cosign-blob-test.pub"));
    Envelope original =
        Envelope.fromJson(TestVectors.read("dsse/cosign-blob-slsa02-envelope.json"));
    byte[] payload = original.payload();
    payload[payload.length - 2] ^= 1;
    Envelope tampered = new Envelope(original.payloadType(), payload, original.signatures());

    assertThatThrownBy(() -> verifier.verify(tampered))
        .isInstanceOfSatisfying(
            SignatureVerificationException.class,
            e -> assertThat(e.reason()).isEqualTo(Reason.SIGNATURE_MISMATCH))
        .hasMessage(
            "DSSE envelope verification failed: none of the 1 signature(s) verifies with the "
                + "ECDSA_P256_SHA256 public key over payload type \"application/vnd.in-toto+json\" and its payload");
  }

  @Test
  void verify_changedPayloadType_throwsSignatureMismatch() throws Exception {
    DsseVerifier verifier = DsseVerifier.forKey(jdkPublicKey("dsse/cosign-blob-test.pub"));
    Envelope original =
        Envelope.fromJson(TestVectors.read("dsse/cosign-blob-slsa02-envelope.json"));
    Envelope retyped = new Envelope("application/json", original.payload(), original.signatures());

    assertThatThrownBy(() -> verifier.verify(retyped))
        .isInstanceOfSatisfying(
            SignatureVerificationException.class,
            e -> assertThat(e.reason()).isEqualTo(Reason.SIGNATURE_MISMATCH));
  }

  @Test
  void verify_otherKey_throwsSignatureMismatch() throws Exception {
    DsseVerifier verifier = DsseVerifier.forKey(jdkPublicKey("dsse/dsse-spec-p256.derived.pub"));

    assertThatThrownBy(
            () -> verifier.verify(TestVectors.read("dsse/cosign-blob-slsa02-envelope.json")))
        .isInstanceOfSatisfying(
            SignatureVerificationException.class,
            e -> assertThat(e.reason()).isEqualTo(Reason.SIGNATURE_MISMATCH));
  }

  @Test
  void verify_oneValidSignatureAmongInvalidOnes_returnsTheValidOneIgnoringKeyid() throws Exception {
    DsseVerifier verifier = DsseVerifier.forKey(jdkPublicKey("dsse/cosign-blob-test.pub"));
    Envelope original =
        Envelope.fromJson(TestVectors.read("dsse/cosign-blob-slsa02-envelope.json"));
    Envelope.Signature valid =
        new Envelope.Signature("some-other-key-name", original.signatures().get(0).sig());
    Envelope envelope =
        new Envelope(
            original.payloadType(),
            original.payload(),
            List.of(
                new Envelope.Signature("", new byte[] {0x30, 0x00}),
                new Envelope.Signature("", new byte[64]),
                valid));

    assertThat(verifier.verify(envelope).signature()).isEqualTo(valid);
  }

  @Test
  void verify_malformedJson_throwsMalformedEnvelope() throws Exception {
    DsseVerifier verifier = DsseVerifier.forKey(jdkPublicKey("dsse/cosign-blob-test.pub"));

    assertThatThrownBy(() -> verifier.verify("{}".getBytes(StandardCharsets.US_ASCII)))
        .isInstanceOfSatisfying(
            SignatureVerificationException.class,
            e -> assertThat(e.reason()).isEqualTo(Reason.MALFORMED_ENVELOPE));
  }

  @Test
  void forKey_rsa1024_throwsUnsupportedKey() {
    PublicKey weak = TestVectors.generate("RSA", 1024).getPublic();

    assertThatThrownBy(() -> DsseVerifier.forKey(weak))
        .isInstanceOfSatisfying(
            SignatureVerificationException.class,
            e -> assertThat(e.reason()).isEqualTo(Reason.UNSUPPORTED_KEY))
        .hasMessage(
            "DSSE envelope verification failed: unsupported public key, RSA key of 1024 bits; "
                + "supported are ECDSA P-256, P-384 or P-521, RSA of 2048 to 4096 bits, or Ed25519");
  }
}
