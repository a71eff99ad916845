package dev.cimanager.ssca.signing;

import java.io.IOException;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.spec.X509EncodedKeySpec;
import org.bouncycastle.asn1.edec.EdECObjectIdentifiers;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.asn1.x9.X9ObjectIdentifiers;
import org.bouncycastle.crypto.params.AsymmetricKeyParameter;
import org.bouncycastle.crypto.util.PublicKeyFactory;
import org.bouncycastle.crypto.util.SubjectPublicKeyInfoFactory;

/**
 * Converts between Bouncy Castle's lightweight key parameters (which we compute with) and JDK
 * {@link PublicKey}s (which we hand out, because every caller understands them).
 */
final class BcKeys {

  private BcKeys() {}

  /**
   * A JDK public key for supported BC public key parameters, through the JDK's own key factories.
   */
  static PublicKey toJdk(AsymmetricKeyParameter publicKey) {
    try {
      SubjectPublicKeyInfo info = SubjectPublicKeyInfoFactory.createSubjectPublicKeyInfo(publicKey);
      String algorithm;
      if (info.getAlgorithm().getAlgorithm().equals(X9ObjectIdentifiers.id_ecPublicKey)) {
        algorithm = "EC";
      } else if (info.getAlgorithm().getAlgorithm().equals(PKCSObjectIdentifiers.rsaEncryption)) {
        algorithm = "RSA";
      } else if (info.getAlgorithm().getAlgorithm().equals(EdECObjectIdentifiers.id_Ed25519)) {
        algorithm = "Ed25519";
      } else {
        throw new IllegalArgumentException(
            "no JDK key factory for " + info.getAlgorithm().getAlgorithm());
      }
      return KeyFactory.getInstance(algorithm)
          .generatePublic(new X509EncodedKeySpec(info.getEncoded()));
    } catch (IOException | GeneralSecurityException e) {
      // Only reachable for keys SignatureAlgorithm.forKey accepted, which every JDK 17 supports.
      throw new IllegalStateException(
          "tried to convert a supported public key to a JDK key but failed", e);
    }
  }

  /** BC parameters for a JDK (or any provider's) public key, through its X.509 encoding. */
  static AsymmetricKeyParameter toBc(PublicKey publicKey) throws IOException {
    byte[] encoded = publicKey.getEncoded();
    if (encoded == null) {
      throw new IOException("the public key has no X.509 encoding");
    }
    try {
      return PublicKeyFactory.createKey(encoded);
    } catch (RuntimeException e) {
      throw new IOException("the public key's X.509 encoding is not one Bouncy Castle reads", e);
    }
  }
}
