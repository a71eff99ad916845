package dev.cimanager.ssca.signing;

import java.util.Optional;
import java.util.function.Supplier;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.sec.SECObjectIdentifiers;
import org.bouncycastle.crypto.Digest;
import org.bouncycastle.crypto.digests.SHA256Digest;
import org.bouncycastle.crypto.digests.SHA384Digest;
import org.bouncycastle.crypto.digests.SHA512Digest;
import org.bouncycastle.crypto.params.AsymmetricKeyParameter;
import org.bouncycastle.crypto.params.ECKeyParameters;
import org.bouncycastle.crypto.params.ECNamedDomainParameters;
import org.bouncycastle.crypto.params.Ed25519PrivateKeyParameters;
import org.bouncycastle.crypto.params.Ed25519PublicKeyParameters;
import org.bouncycastle.crypto.params.RSAKeyParameters;
import org.bouncycastle.crypto.signers.DSADigestSigner;
import org.bouncycastle.crypto.signers.DSAEncoding;
import org.bouncycastle.crypto.signers.ECDSASigner;
import org.bouncycastle.crypto.signers.Ed25519Signer;
import org.bouncycastle.crypto.signers.HMacDSAKCalculator;
import org.bouncycastle.crypto.signers.RSADigestSigner;

/**
 * The signature algorithms we sign and verify with, one per supported key type, chosen as current
 * cosign (sigstore's default algorithm registry) chooses them: the hash follows the curve size, and
 * Ed25519 signs the message itself (pure Ed25519, not Ed25519ph).
 *
 * <p>Everything runs on Bouncy Castle's lightweight API: no JCA provider is registered or looked
 * up.
 */
public enum SignatureAlgorithm {
  ECDSA_P256_SHA256(SECObjectIdentifiers.secp256r1, SHA256Digest::new),
  ECDSA_P384_SHA384(SECObjectIdentifiers.secp384r1, SHA384Digest::new),
  ECDSA_P521_SHA512(SECObjectIdentifiers.secp521r1, SHA512Digest::new),
  RSA_PKCS1V15_SHA256(null, SHA256Digest::new),
  ED25519(null, null);

  /** What the error messages list as supported. */
  static final String SUPPORTED =
      "ECDSA P-256, P-384 or P-521, RSA of 2048 to 4096 bits, or Ed25519";

  private static final int MIN_RSA_BITS = 2048;
  private static final int MAX_RSA_BITS = 4096;

  private final ASN1ObjectIdentifier curve;
  private final Supplier<Digest> digest;

  SignatureAlgorithm(ASN1ObjectIdentifier curve, Supplier<Digest> digest) {
    this.curve = curve;
    this.digest = digest;
  }

  /** The algorithm for a public or private key, or empty when we do not support the key. */
  static Optional<SignatureAlgorithm> forKey(AsymmetricKeyParameter key) {
    if (key instanceof ECKeyParameters ec) {
      if (!(ec.getParameters() instanceof ECNamedDomainParameters named)) {
        return Optional.empty();
      }
      for (SignatureAlgorithm algorithm : values()) {
        if (named.getName().equals(algorithm.curve)) {
          return Optional.of(algorithm);
        }
      }
      return Optional.empty();
    }
    if (key instanceof RSAKeyParameters rsa) {
      int bits = rsa.getModulus().bitLength();
      return bits >= MIN_RSA_BITS && bits <= MAX_RSA_BITS
          ? Optional.of(RSA_PKCS1V15_SHA256)
          : Optional.empty();
    }
    if (key instanceof Ed25519PublicKeyParameters || key instanceof Ed25519PrivateKeyParameters) {
      return Optional.of(ED25519);
    }
    return Optional.empty();
  }

  /** Names a key for "unsupported key" messages without printing any key material. */
  static String describe(AsymmetricKeyParameter key) {
    if (key instanceof ECKeyParameters ec) {
      return ec.getParameters() instanceof ECNamedDomainParameters named
          ? "EC key on curve " + named.getName().getId()
          : "EC key with explicit curve parameters";
    }
    if (key instanceof RSAKeyParameters rsa) {
      return "RSA key of " + rsa.getModulus().bitLength() + " bits";
    }
    return key.getClass()
            .getSimpleName()
            .replace("PrivateKeyParameters", "")
            .replace("PublicKeyParameters", "")
        + " key";
  }

  /**
   * A fresh (not thread-safe) Bouncy Castle signer. ECDSA uses deterministic nonces (RFC 6979), so
   * signing needs no random source and cannot be weakened by a bad one; {@code ecdsaEncoding} picks
   * DER or IEEE P1363 (r||s) signatures.
   */
  org.bouncycastle.crypto.Signer newBcSigner(DSAEncoding ecdsaEncoding) {
    return switch (this) {
      case ECDSA_P256_SHA256, ECDSA_P384_SHA384, ECDSA_P521_SHA512 ->
          new DSADigestSigner(
              new ECDSASigner(new HMacDSAKCalculator(digest.get())), digest.get(), ecdsaEncoding);
      case RSA_PKCS1V15_SHA256 -> new RSADigestSigner(digest.get());
      case ED25519 -> new Ed25519Signer();
    };
  }

  boolean isEcdsa() {
    return curve != null;
  }
}
