package dev.cimanager.ssca.signing;

import dev.cimanager.ssca.spi.CosignKeyPair;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Arrays;
import org.bouncycastle.asn1.DERBitString;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.asn1.sec.ECPrivateKey;
import org.bouncycastle.asn1.sec.SECObjectIdentifiers;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.asn1.x9.X9ObjectIdentifiers;
import org.bouncycastle.crypto.AsymmetricCipherKeyPair;
import org.bouncycastle.crypto.generators.ECKeyPairGenerator;
import org.bouncycastle.crypto.params.ECKeyGenerationParameters;
import org.bouncycastle.crypto.params.ECNamedDomainParameters;
import org.bouncycastle.crypto.params.ECPrivateKeyParameters;
import org.bouncycastle.crypto.params.ECPublicKeyParameters;

/**
 * Generates a key pair exactly as {@code cosign generate-key-pair} does: ECDSA P-256, PKCS#8 laid
 * out as Go's {@code x509.MarshalPKCS8PrivateKey} lays it out, encrypted with scrypt N=65536, r=8,
 * p=1 and nacl/secretbox under a random salt and nonce.
 */
public final class CosignKeyPairGenerator {

  private static final ECNamedDomainParameters P256 =
      ECNamedDomainParameters.lookup(SECObjectIdentifiers.secp256r1);
  private static final String PRIVATE_KEY_TYPE = "ENCRYPTED SIGSTORE PRIVATE KEY";

  private CosignKeyPairGenerator() {}

  /**
   * Takes ~0.2 s (one scrypt). The password is used byte for byte; empty is valid, as in cosign.
   */
  public static CosignKeyPair generate(byte[] password) {
    SecureRandom random = new SecureRandom();
    ECKeyPairGenerator generator = new ECKeyPairGenerator();
    generator.init(new ECKeyGenerationParameters(P256, random));
    AsymmetricCipherKeyPair keyPair = generator.generateKeyPair();
    byte[] pkcs8 =
        goPkcs8(
            (ECPrivateKeyParameters) keyPair.getPrivate(),
            (ECPublicKeyParameters) keyPair.getPublic());
    try {
      CosignEncryptedKey encrypted =
          CosignEncryptedKey.encrypt(pkcs8, password, CosignEncryptedKey.DEFAULT_N, random);
      String privatePem = Pem.encode(PRIVATE_KEY_TYPE, encrypted.toJson());
      String publicPem = PublicKeys.toPem(BcKeys.toJdk(keyPair.getPublic()));
      return new CosignKeyPair(
          privatePem.getBytes(StandardCharsets.US_ASCII),
          publicPem.getBytes(StandardCharsets.US_ASCII));
    } finally {
      Arrays.fill(pkcs8, (byte) 0);
    }
  }

  /**
   * PKCS#8 as Go writes it: the curve OID in the AlgorithmIdentifier only, the inner SEC1 key with
   * version 1, the 32-byte scalar and the uncompressed public point, no inner parameters.
   */
  static byte[] goPkcs8(ECPrivateKeyParameters privateKey, ECPublicKeyParameters publicKey) {
    ECPrivateKey sec1 =
        new ECPrivateKey(
            P256.getN().bitLength(),
            privateKey.getD(),
            new DERBitString(publicKey.getQ().getEncoded(false)),
            null);
    try {
      return new PrivateKeyInfo(
              new AlgorithmIdentifier(
                  X9ObjectIdentifiers.id_ecPublicKey, SECObjectIdentifiers.secp256r1),
              sec1)
          .getEncoded("DER");
    } catch (IOException e) {
      throw new UncheckedIOException("DER encoding to memory cannot fail", e);
    }
  }
}
