package dev.cimanager.ssca.signing;

import dev.cimanager.ssca.signing.KeyLoadingException.Reason;
import java.io.IOException;
import java.security.PublicKey;
import org.bouncycastle.asn1.DERNull;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.pkcs.RSAPublicKey;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.crypto.params.AsymmetricKeyParameter;
import org.bouncycastle.crypto.util.PublicKeyFactory;
import org.bouncycastle.util.io.pem.PemObject;

/**
 * Reads and writes public keys as PEM: {@code PUBLIC KEY} (PKIX) and {@code RSA PUBLIC KEY}
 * (PKCS#1).
 */
public final class PublicKeys {

  private static final String ACTION = "failed to load the public key";

  private PublicKeys() {}

  /**
   * Parses the first PEM block of {@code pem} into a public key we can verify with.
   *
   * @throws KeyLoadingException NOT_PEM, TOO_LARGE, UNSUPPORTED_PEM_TYPE, MALFORMED or
   *     UNSUPPORTED_KEY
   */
  public static PublicKey parse(byte[] pem) throws KeyLoadingException {
    PemObject block = Pem.readFirst(pem, ACTION);
    SubjectPublicKeyInfo info;
    try {
      info =
          switch (block.getType()) {
            case "PUBLIC KEY" -> SubjectPublicKeyInfo.getInstance(block.getContent());
            case "RSA PUBLIC KEY" ->
                new SubjectPublicKeyInfo(
                    new AlgorithmIdentifier(PKCSObjectIdentifiers.rsaEncryption, DERNull.INSTANCE),
                    RSAPublicKey.getInstance(block.getContent()));
            default ->
                throw new KeyLoadingException(
                    Reason.UNSUPPORTED_PEM_TYPE,
                    ACTION
                        + ": unsupported PEM type \""
                        + Pem.printableType(block.getType())
                        + "\"; expected PUBLIC KEY or RSA PUBLIC KEY");
          };
    } catch (IOException | IllegalArgumentException e) {
      throw new KeyLoadingException(
          Reason.MALFORMED,
          ACTION + ": the " + block.getType() + " block is not valid ASN.1 DER",
          e);
    }
    AsymmetricKeyParameter key;
    try {
      key = PublicKeyFactory.createKey(info);
    } catch (IOException | RuntimeException e) {
      throw new KeyLoadingException(
          Reason.UNSUPPORTED_KEY,
          ACTION
              + ": unsupported key algorithm "
              + info.getAlgorithm().getAlgorithm().getId()
              + "; supported are "
              + SignatureAlgorithm.SUPPORTED);
    }
    if (SignatureAlgorithm.forKey(key).isEmpty()) {
      throw new KeyLoadingException(
          Reason.UNSUPPORTED_KEY,
          ACTION
              + ": unsupported "
              + SignatureAlgorithm.describe(key)
              + "; supported are "
              + SignatureAlgorithm.SUPPORTED);
    }
    return BcKeys.toJdk(key);
  }

  /**
   * The {@code PUBLIC KEY} PEM (PKIX, 64-column lines, LF endings) that cosign writes as {@code
   * cosign.pub}.
   */
  public static String toPem(PublicKey publicKey) {
    byte[] encoded = publicKey.getEncoded();
    if (encoded == null || !"X.509".equals(publicKey.getFormat())) {
      throw new IllegalArgumentException("the public key has no X.509 (PKIX) encoding");
    }
    return Pem.encode("PUBLIC KEY", encoded);
  }
}
