package dev.cimanager.ssca.signing;

import java.io.IOException;
import java.security.PublicKey;
import java.util.Optional;
import java.util.Set;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.edec.EdECObjectIdentifiers;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.asn1.x9.X9ObjectIdentifiers;
import org.bouncycastle.crypto.params.AsymmetricKeyParameter;
import org.bouncycastle.crypto.params.ECDomainParameters;
import org.bouncycastle.crypto.params.ECPrivateKeyParameters;
import org.bouncycastle.crypto.params.ECPublicKeyParameters;
import org.bouncycastle.crypto.params.Ed25519PrivateKeyParameters;
import org.bouncycastle.crypto.params.RSAKeyParameters;
import org.bouncycastle.crypto.params.RSAPrivateCrtKeyParameters;
import org.bouncycastle.crypto.signers.StandardDSAEncoding;
import org.bouncycastle.crypto.util.PrivateKeyFactory;
import org.bouncycastle.math.ec.FixedPointCombMultiplier;

/**
 * Makes {@link Signer}s from PKCS#8 private keys; the algorithm follows the key (see {@link
 * SignatureAlgorithm}).
 */
final class Signers {

  private static final Set<ASN1ObjectIdentifier> KEY_ALGORITHMS =
      Set.of(
          X9ObjectIdentifiers.id_ecPublicKey,
          PKCSObjectIdentifiers.rsaEncryption,
          EdECObjectIdentifiers.id_Ed25519);

  private Signers() {}

  /**
   * A signer for a PKCS#8 private key.
   *
   * @throws IOException when Bouncy Castle cannot read the key
   * @throws UnsupportedKeyException when it is not a key we sign with
   */
  static Signer fromPrivateKeyInfo(PrivateKeyInfo info)
      throws IOException, UnsupportedKeyException {
    ASN1ObjectIdentifier keyAlgorithm = info.getPrivateKeyAlgorithm().getAlgorithm();
    if (!KEY_ALGORITHMS.contains(keyAlgorithm)) {
      throw new UnsupportedKeyException("key algorithm " + keyAlgorithm.getId());
    }
    AsymmetricKeyParameter privateKey;
    try {
      privateKey = PrivateKeyFactory.createKey(info);
    } catch (RuntimeException e) {
      throw new IOException("Bouncy Castle cannot read the private key", e);
    }
    if (privateKey instanceof ECPrivateKeyParameters ec
        && (ec.getD().signum() <= 0 || ec.getD().compareTo(ec.getParameters().getN()) >= 0)) {
      throw new IOException("the EC private scalar is out of range");
    }
    Optional<SignatureAlgorithm> algorithm = SignatureAlgorithm.forKey(privateKey);
    if (algorithm.isEmpty() || !privateKey.isPrivate()) {
      throw new UnsupportedKeyException(SignatureAlgorithm.describe(privateKey));
    }
    return new KeySigner(algorithm.get(), privateKey, BcKeys.toJdk(publicKeyOf(privateKey)));
  }

  /** The public half, computed from the private key (PKCS#8 does not always carry it). */
  private static AsymmetricKeyParameter publicKeyOf(AsymmetricKeyParameter privateKey) {
    if (privateKey instanceof ECPrivateKeyParameters ec) {
      ECDomainParameters domain = ec.getParameters();
      return new ECPublicKeyParameters(
          new FixedPointCombMultiplier().multiply(domain.getG(), ec.getD()).normalize(), domain);
    }
    if (privateKey instanceof RSAPrivateCrtKeyParameters rsa) {
      return new RSAKeyParameters(false, rsa.getModulus(), rsa.getPublicExponent());
    }
    if (privateKey instanceof Ed25519PrivateKeyParameters ed) {
      return ed.generatePublicKey();
    }
    // RSA keys without CRT parameters have no public exponent to recover.
    throw new IllegalArgumentException(
        "cannot derive the public key of a " + SignatureAlgorithm.describe(privateKey));
  }

  /** The private key is of a type, curve or size we do not sign with; the message describes it. */
  static final class UnsupportedKeyException extends Exception {
    UnsupportedKeyException(String description) {
      super(description);
    }
  }

  private record KeySigner(
      SignatureAlgorithm algorithm, AsymmetricKeyParameter privateKey, PublicKey publicKey)
      implements Signer {

    @Override
    public byte[] sign(byte[] data) {
      // Bouncy Castle signers are stateful: one per call keeps this thread-safe at negligible cost.
      org.bouncycastle.crypto.Signer signer = algorithm.newBcSigner(StandardDSAEncoding.INSTANCE);
      signer.init(true, privateKey);
      signer.update(data, 0, data.length);
      try {
        return signer.generateSignature();
      } catch (org.bouncycastle.crypto.CryptoException e) {
        throw new IllegalStateException(
            "tried to sign with a " + algorithm + " key but Bouncy Castle failed", e);
      }
    }

    @Override
    public String keyId() {
      return "";
    }

    @Override
    public String toString() {
      return "Signer[" + algorithm + "]";
    }
  }
}
