package dev.cimanager.ssca.signing;

import dev.cimanager.ssca.signing.SignatureVerificationException.Reason;
import java.io.IOException;
import java.security.PublicKey;
import org.bouncycastle.crypto.params.AsymmetricKeyParameter;
import org.bouncycastle.crypto.signers.DSAEncoding;
import org.bouncycastle.crypto.signers.PlainDSAEncoding;
import org.bouncycastle.crypto.signers.StandardDSAEncoding;

/**
 * Verifies DSSE envelopes against one public key, as cosign does: {@code keyid} is ignored, at
 * least one signature must verify over the PAE. ECDSA signatures may be ASN.1 DER (what cosign
 * writes) or IEEE P1363 r||s (the DSSE spec's vector); RSA is PKCS#1 v1.5 SHA-256, Ed25519 is pure
 * Ed25519. Thread-safe.
 */
public final class DsseVerifier {

  private static final String ACTION = "DSSE envelope verification failed";

  private final SignatureAlgorithm algorithm;
  private final AsymmetricKeyParameter key;

  private DsseVerifier(SignatureAlgorithm algorithm, AsymmetricKeyParameter key) {
    this.algorithm = algorithm;
    this.key = key;
  }

  /**
   * @throws SignatureVerificationException UNSUPPORTED_KEY for a key type, curve or size we do not
   *     verify
   */
  public static DsseVerifier forKey(PublicKey publicKey) throws SignatureVerificationException {
    AsymmetricKeyParameter key;
    try {
      key = BcKeys.toBc(publicKey);
    } catch (IOException e) {
      throw new SignatureVerificationException(
          Reason.UNSUPPORTED_KEY,
          ACTION
              + ": unsupported "
              + publicKey.getAlgorithm()
              + " public key; supported are "
              + SignatureAlgorithm.SUPPORTED,
          e);
    }
    SignatureAlgorithm algorithm =
        SignatureAlgorithm.forKey(key)
            .orElseThrow(
                () ->
                    new SignatureVerificationException(
                        Reason.UNSUPPORTED_KEY,
                        ACTION
                            + ": unsupported public key, "
                            + SignatureAlgorithm.describe(key)
                            + "; supported are "
                            + SignatureAlgorithm.SUPPORTED));
    return new DsseVerifier(algorithm, key);
  }

  /**
   * Parses then verifies envelope JSON; see {@link Envelope#fromJson} and {@link
   * #verify(Envelope)}.
   */
  public VerifiedEnvelope verify(byte[] envelopeJson) throws SignatureVerificationException {
    return verify(Envelope.fromJson(envelopeJson));
  }

  /**
   * @throws SignatureVerificationException SIGNATURE_MISMATCH when no signature verifies
   */
  public VerifiedEnvelope verify(Envelope envelope) throws SignatureVerificationException {
    byte[] pae = envelope.pae();
    for (Envelope.Signature signature : envelope.signatures()) {
      if (verifies(pae, signature.sig())) {
        return new VerifiedEnvelope(envelope, signature);
      }
    }
    throw new SignatureVerificationException(
        Reason.SIGNATURE_MISMATCH,
        ACTION
            + ": none of the "
            + envelope.signatures().size()
            + " signature(s) verifies with the "
            + algorithm
            + " public key over payload type \""
            + envelope.payloadType()
            + "\" and its payload");
  }

  private boolean verifies(byte[] pae, byte[] signature) {
    if (check(StandardDSAEncoding.INSTANCE, pae, signature)) {
      return true;
    }
    return algorithm.isEcdsa() && check(PlainDSAEncoding.INSTANCE, pae, signature);
  }

  private boolean check(DSAEncoding ecdsaEncoding, byte[] data, byte[] signature) {
    org.bouncycastle.crypto.Signer verifier = algorithm.newBcSigner(ecdsaEncoding);
    verifier.init(false, key);
    verifier.update(data, 0, data.length);
    return verifier.verifySignature(signature);
  }
}
