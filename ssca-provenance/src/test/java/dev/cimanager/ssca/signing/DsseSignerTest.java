package dev.cimanager.ssca.signing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.AlgorithmParameters;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.PrivateKey;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.ECParameterSpec;
import java.security.spec.ECPrivateKeySpec;
import java.util.Base64;
import java.util.stream.Stream;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class DsseSignerTest {

  private static final byte[] PAYLOAD =
      "{\"_type\":\"https://in-toto.io/Statement/v1\",\"ünï\":\"✓\"}"
          .getBytes(StandardCharsets.UTF_8);

  static Signer signerFor(PrivateKey privateKey) throws Exception {
    return Signers.fromPrivateKeyInfo(PrivateKeyInfo.getInstance(privateKey.getEncoded()));
  }

  static Stream<Arguments> keyTypes() {
    return Stream.of(
        Arguments.of("EC", "secp256r1", SignatureAlgorithm.ECDSA_P256_SHA256),
        Arguments.of("EC", "secp384r1", SignatureAlgorithm.ECDSA_P384_SHA384),
        Arguments.of("EC", "secp521r1", SignatureAlgorithm.ECDSA_P521_SHA512),
        Arguments.of("RSA", 2048, SignatureAlgorithm.RSA_PKCS1V15_SHA256),
        Arguments.of("Ed25519", null, SignatureAlgorithm.ED25519));
  }

  @ParameterizedTest
  @MethodSource("keyTypes")
  void sign_everyAlgorithm_roundTripsThroughTheVerifierAndJson(
      String type, Object parameter, SignatureAlgorithm expected) throws Exception {
    KeyPair keyPair = TestVectors.generate(type, parameter);
    Signer signer = signerFor(keyPair.getPrivate());
    assertThat(signer.algorithm()).isEqualTo(expected);
    assertThat(signer.publicKey().getEncoded()).isEqualTo(keyPair.getPublic().getEncoded());

    Envelope envelope = new DsseSigner(signer).sign(Envelope.IN_TOTO_PAYLOAD_TYPE, PAYLOAD);
    VerifiedEnvelope verified = DsseVerifier.forKey(keyPair.getPublic()).verify(envelope.toJson());

    assertThat(verified.payload()).isEqualTo(PAYLOAD);
    assertThat(verified.envelope()).isEqualTo(envelope);
  }

  @ParameterizedTest
  @MethodSource("keyTypes")
  void sign_everyAlgorithm_verifiesWithTheJdk(
      String type, Object parameter, SignatureAlgorithm algorithm) throws Exception {
    KeyPair keyPair = TestVectors.generate(type, parameter);
    Envelope envelope = new DsseSigner(signerFor(keyPair.getPrivate())).sign("text/plain", PAYLOAD);
    String jdkName =
        switch (algorithm) {
          case ECDSA_P256_SHA256 -> "SHA256withECDSA";
          case ECDSA_P384_SHA384 -> "SHA384withECDSA";
          case ECDSA_P521_SHA512 -> "SHA512withECDSA";
          case RSA_PKCS1V15_SHA256 -> "SHA256withRSA";
          case ED25519 -> "Ed25519";
        };
    java.security.Signature jdk = java.security.Signature.getInstance(jdkName);
    jdk.initVerify(keyPair.getPublic());
    jdk.update(Pae.encode("text/plain", PAYLOAD));

    assertThat(jdk.verify(envelope.signatures().get(0).sig())).isTrue();
  }

  @Test
  void sign_dsseSpecKey_reproducesTheSpecsDeterministicSignature() throws Exception {
    // The spec signed with RFC 6979 nonces, as we do, so the signature must be byte-identical.
    AlgorithmParameters p256 = AlgorithmParameters.getInstance("EC");
    p256.init(new ECGenParameterSpec("secp256r1"));
    PrivateKey specKey =
        KeyFactory.getInstance("EC")
            .generatePrivate(
                new ECPrivateKeySpec(
                    new BigInteger(
                        "97358161215184420915383655311931858321456579547487070936769975997791359926199"),
                    p256.getParameterSpec(ECParameterSpec.class)));
    Signer signer = signerFor(specKey);

    Envelope envelope =
        new DsseSigner(signer)
            .sign(
                "http://example.com/HelloWorld", "hello world".getBytes(StandardCharsets.US_ASCII));

    assertThat(Base64.getEncoder().encodeToString(envelope.signatures().get(0).sig()))
        .isEqualTo(
            "MEQCIANyarEBrVbCdjtsaqyOSHJ14qeRk6CdxfhZ2fjvPEo7AiBR6rDAajabZKciJTfUiHqJPcIAriEGAHTVeCUjW2JIZA==");
    assertThat(signer.publicKey().getEncoded())
        .isEqualTo(DsseVerifierTest.jdkPublicKey("dsse/dsse-spec-p256.derived.pub").getEncoded());
  }

  @Test
  void sign_envelopeJson_carriesEmptyKeyidLikeCosign() throws Exception {
    Signer signer = signerFor(TestVectors.generate("EC", "secp256r1").getPrivate());

    String json =
        new String(
            new DsseSigner(signer).sign(Envelope.IN_TOTO_PAYLOAD_TYPE, PAYLOAD).toJson(),
            StandardCharsets.UTF_8);

    assertThat(json)
        .startsWith("{\"payloadType\":\"application/vnd.in-toto+json\",\"payload\":\"")
        .contains("\"signatures\":[{\"keyid\":\"\",\"sig\":\"ME")
        .endsWith("\"}]}");
  }

  @Test
  void sign_tamperedAfterSigning_failsVerification() throws Exception {
    KeyPair keyPair = TestVectors.generate("Ed25519", null);
    Envelope envelope = new DsseSigner(signerFor(keyPair.getPrivate())).sign("t", PAYLOAD);
    byte[] payload = envelope.payload();
    payload[0] ^= 1;

    assertThatThrownBy(
            () ->
                DsseVerifier.forKey(keyPair.getPublic())
                    .verify(new Envelope("t", payload, envelope.signatures())))
        .isInstanceOf(SignatureVerificationException.class);
  }

  @Test
  void toString_neverShowsKeyMaterial() throws Exception {
    Signer signer = signerFor(TestVectors.generate("EC", "secp256r1").getPrivate());

    assertThat(signer).hasToString("Signer[ECDSA_P256_SHA256]");
  }
}
