package dev.cimanager.ssca.signing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.cimanager.ssca.spi.CosignKeyPair;
import dev.cimanager.ssca.testing.IntegrationTest;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.HexFormat;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.crypto.params.ECPrivateKeyParameters;
import org.bouncycastle.crypto.params.ECPublicKeyParameters;
import org.bouncycastle.crypto.util.PrivateKeyFactory;
import org.bouncycastle.math.ec.FixedPointCombMultiplier;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@IntegrationTest
class CosignKeyPairGeneratorTest {

  private static final byte[] PASSWORD = "correct horse ✓".getBytes(StandardCharsets.UTF_8);

  /** One generated pair for the whole class: each generation runs scrypt N=65536. */
  private static CosignKeyPair pair;

  @BeforeAll
  static void generateOnce() {
    pair = CosignKeyPairGenerator.generate(PASSWORD);
  }

  /** The JSON with the random values blanked, so two keys of the same shape compare equal. */
  private static String shape(byte[] pem) throws Exception {
    String json = new String(SigningKeysTest.pemBody(pem), StandardCharsets.US_ASCII);
    return json.replaceAll("\"(salt|nonce|ciphertext)\":\"[A-Za-z0-9+/=]*\"", "\"$1\":\"…\"");
  }

  @Test
  void generate_loadsBackWithTheSamePasswordAndMatchesThePublicKey() throws Exception {
    Signer signer = SigningKeys.load(pair.privateKeyPem(), PASSWORD);

    assertThat(signer.algorithm()).isEqualTo(SignatureAlgorithm.ECDSA_P256_SHA256);
    assertThat(signer.publicKey()).isEqualTo(PublicKeys.parse(pair.publicKeyPem()));
    Envelope envelope = new DsseSigner(signer).sign(Envelope.IN_TOTO_PAYLOAD_TYPE, PASSWORD);
    assertThat(
            DsseVerifier.forKey(PublicKeys.parse(pair.publicKeyPem())).verify(envelope).payload())
        .isEqualTo(PASSWORD);
  }

  @Test
  void generate_wrongPassword_doesNotLoad() {
    assertThatThrownBy(
            () ->
                SigningKeys.load(
                    pair.privateKeyPem(), "correct horse".getBytes(StandardCharsets.UTF_8)))
        .isInstanceOfSatisfying(
            KeyLoadingException.class,
            e -> assertThat(e.reason()).isEqualTo(KeyLoadingException.Reason.WRONG_PASSWORD));
  }

  @Test
  void generate_privateKeyPem_hasCosignsExactJsonShapeAndLayout() throws Exception {
    String pem = new String(pair.privateKeyPem(), StandardCharsets.US_ASCII);
    byte[] cosignGenerated =
        TestVectors.read("encrypted-keys/sigstore-rs-cosign-generated-p256-pw-empty.key");

    assertThat(pem)
        .startsWith("-----BEGIN ENCRYPTED SIGSTORE PRIVATE KEY-----\n")
        .endsWith("\n-----END ENCRYPTED SIGSTORE PRIVATE KEY-----\n");
    assertThat(pem.lines().filter(line -> !line.startsWith("-----")).limit(8))
        .allMatch(line -> line.length() == 64);
    // Same fields, order, scrypt parameters and cipher as the key cosign generate-key-pair wrote.
    assertThat(shape(pair.privateKeyPem()))
        .isEqualTo(shape(cosignGenerated))
        .isEqualTo(
            "{\"kdf\":{\"name\":\"scrypt\",\"params\":{\"N\":65536,\"r\":8,\"p\":1},\"salt\":\"…\"},"
                + "\"cipher\":{\"name\":\"nacl/secretbox\",\"nonce\":\"…\"},\"ciphertext\":\"…\"}");
    // 32-byte salt, 24-byte nonce, 16-byte tag + 138-byte PKCS#8: the sizes in cosign's key.
    for (String field : new String[] {"salt", "nonce", "ciphertext"}) {
      assertThat(decodedLength(pair.privateKeyPem(), field))
          .as(field)
          .isEqualTo(decodedLength(cosignGenerated, field));
    }
    assertThat(decodedLength(pair.privateKeyPem(), "ciphertext")).isEqualTo(16 + 138);
  }

  private static int decodedLength(byte[] pem, String field) throws Exception {
    Matcher matcher =
        Pattern.compile("\"" + field + "\":\"([A-Za-z0-9+/=]*)\"")
            .matcher(new String(SigningKeysTest.pemBody(pem), StandardCharsets.US_ASCII));
    assertThat(matcher.find()).as(field).isTrue();
    return Base64.getDecoder().decode(matcher.group(1)).length;
  }

  @Test
  void generate_publicKeyPem_isPkixPemLikeCosignPub() {
    String pem = new String(pair.publicKeyPem(), StandardCharsets.US_ASCII);

    assertThat(pem)
        .matches(
            "-----BEGIN PUBLIC KEY-----\n[A-Za-z0-9+/]{64}\n[A-Za-z0-9+/]{58}==\n-----END PUBLIC KEY-----\n");
  }

  /**
   * A second, independent decryption: hashlib's scrypt, a Python XSalsa20 and
   * python3-cryptography's Poly1305 and PKCS#8 parser (Debian's /usr/bin/python3, as
   * shared/tools/verify-att uses).
   */
  @Test
  void generate_decryptsWithAnIndependentPythonImplementation(@TempDir Path dir) throws Exception {
    Path python = Path.of("/usr/bin/python3");
    assumeTrue(
        Files.isExecutable(python)
            && new ProcessBuilder(python.toString(), "-c", "import cryptography").start().waitFor()
                == 0,
        "needs /usr/bin/python3 with python3-cryptography");
    Path script = dir.resolve("cosign_key_decrypt.py");
    try (InputStream in = getClass().getResourceAsStream("/python/cosign_key_decrypt.py")) {
      Files.copy(in, script);
    }
    Path key = Files.write(dir.resolve("cosign.key"), pair.privateKeyPem());
    Path pub = Files.write(dir.resolve("cosign.pub"), pair.publicKeyPem());

    Process process =
        new ProcessBuilder(
                python.toString(),
                script.toString(),
                key.toString(),
                HexFormat.of().formatHex(PASSWORD),
                pub.toString())
            .redirectErrorStream(true)
            .start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);

    assertThat(process.waitFor()).as(output).isZero();
    assertThat(output).isEqualTo("plaintext 138 bytes, public key matches: True\n");
  }

  @Test
  void goPkcs8_cosignVectorsKey_isByteIdenticalToGosEncoding() throws Exception {
    byte[] cosignPkcs8 =
        SigningKeysTest.pemBody(
            TestVectors.read(
                "encrypted-keys/sigstore-rs-cosign-generated-p256-pw-empty.decrypted-plaintext.pem"));
    ECPrivateKeyParameters privateKey =
        (ECPrivateKeyParameters)
            PrivateKeyFactory.createKey(PrivateKeyInfo.getInstance(cosignPkcs8));
    ECPublicKeyParameters publicKey =
        new ECPublicKeyParameters(
            new FixedPointCombMultiplier()
                .multiply(privateKey.getParameters().getG(), privateKey.getD()),
            privateKey.getParameters());

    assertThat(CosignKeyPairGenerator.goPkcs8(privateKey, publicKey)).isEqualTo(cosignPkcs8);
  }

  @Test
  void toString_hidesThePrivateKey() {
    assertThat(pair.toString())
        .startsWith(
            "CosignKeyPair[privateKeyPem=("
                + pair.privateKeyPem().length
                + " bytes, not shown), "
                + "publicKeyPem=-----BEGIN PUBLIC KEY-----")
        .doesNotContain("SIGSTORE");
  }

  @Test
  void generate_twice_usesFreshKeySaltAndNonce() {
    CosignKeyPair other = CosignKeyPairGenerator.generate(PASSWORD);

    assertThat(other).isNotEqualTo(pair);
    assertThat(other.publicKeyPem()).isNotEqualTo(pair.publicKeyPem());
  }
}
