package dev.cimanager.ssca.signing;

import dev.cimanager.ssca.signing.KeyLoadingException.Reason;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.ASN1Primitive;
import org.bouncycastle.asn1.DERNull;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.asn1.pkcs.RSAPrivateKey;
import org.bouncycastle.asn1.sec.ECPrivateKey;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.asn1.x9.X9ObjectIdentifiers;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.bouncycastle.openssl.jcajce.JceOpenSSLPKCS8DecryptorProviderBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.pkcs.PKCS8EncryptedPrivateKeyInfo;
import org.bouncycastle.pkcs.PKCSException;
import org.bouncycastle.util.io.pem.PemHeader;
import org.bouncycastle.util.io.pem.PemObject;

/**
 * Loads a private key file into a {@link Signer}. The one entry point for every key format we read:
 *
 * <ul>
 *   <li>{@code ENCRYPTED SIGSTORE PRIVATE KEY} and {@code ENCRYPTED COSIGN PRIVATE KEY} (what
 *       cosign generate-key-pair writes): scrypt + nacl/secretbox around PKCS#8;
 *   <li>{@code PRIVATE KEY} (PKCS#8) and {@code ENCRYPTED PRIVATE KEY} (PKCS#8, PBES2 and friends);
 *   <li>{@code EC PRIVATE KEY} (SEC1) and {@code RSA PRIVATE KEY} (PKCS#1), unencrypted.
 * </ul>
 *
 * <p>The password is used byte for byte (never trimmed; empty is valid) and ignored for unencrypted
 * formats. Loading a Cosign key runs scrypt (0.1-0.4 s, up to 128 MiB): cache the result with
 * {@link SignerCache}.
 */
public final class SigningKeys {

  /** Larger inputs are refused before parsing; an RSA 4096 Cosign key is under 5 KiB. */
  public static final int MAX_KEY_FILE_BYTES = Pem.MAX_BYTES;

  private static final String ACTION = "failed to load the signing key";
  private static final String SUPPORTED_TYPES =
      "ENCRYPTED SIGSTORE PRIVATE KEY, ENCRYPTED COSIGN PRIVATE KEY, "
          + "PRIVATE KEY, ENCRYPTED PRIVATE KEY, EC PRIVATE KEY or RSA PRIVATE KEY";

  private SigningKeys() {}

  /**
   * @throws KeyLoadingException with a {@link Reason} for every way loading can fail; its message
   *     never contains key bytes or the password
   */
  public static Signer load(byte[] keyFile, byte[] password) throws KeyLoadingException {
    PemObject pem = Pem.readFirst(keyFile, ACTION);
    String type = pem.getType();
    if (isLegacyEncrypted(pem)) {
      throw new KeyLoadingException(
          Reason.UNSUPPORTED_ENCRYPTION,
          ACTION
              + ": the "
              + type
              + " is encrypted the legacy OpenSSL way (Proc-Type: 4,ENCRYPTED), which is not supported; "
              + "convert it with \"openssl pkcs8 -topk8\"");
    }
    PrivateKeyInfo info =
        switch (type) {
          case "ENCRYPTED SIGSTORE PRIVATE KEY", "ENCRYPTED COSIGN PRIVATE KEY" ->
              cosign(pem.getContent(), password, type);
          case "PRIVATE KEY" ->
              pkcs8(pem.getContent(), Reason.MALFORMED, "the PRIVATE KEY is not valid PKCS#8");
          case "ENCRYPTED PRIVATE KEY" -> encryptedPkcs8(pem.getContent(), password);
          case "EC PRIVATE KEY" -> sec1(pem.getContent());
          case "RSA PRIVATE KEY" -> pkcs1(pem.getContent());
          default ->
              throw new KeyLoadingException(
                  Reason.UNSUPPORTED_PEM_TYPE,
                  ACTION
                      + ": unsupported PEM type \""
                      + Pem.printableType(type)
                      + "\"; expected "
                      + SUPPORTED_TYPES);
        };
    return signer(info);
  }

  /** Cosign keys must hold PKCS#8, as cosign (Go's x509.ParsePKCS8PrivateKey) requires. */
  private static PrivateKeyInfo cosign(byte[] body, byte[] password, String type)
      throws KeyLoadingException {
    byte[] plaintext = CosignEncryptedKey.parse(body).decrypt(password);
    try {
      return pkcs8(
          plaintext,
          Reason.NOT_PKCS8,
          "the "
              + type
              + " decrypts, but its content is not a PKCS#8 private key (cosign accepts only PKCS#8 there)");
    } finally {
      Arrays.fill(plaintext, (byte) 0);
    }
  }

  private static PrivateKeyInfo pkcs8(byte[] der, Reason reason, String why)
      throws KeyLoadingException {
    try {
      return PrivateKeyInfo.getInstance(ASN1Primitive.fromByteArray(der));
    } catch (IOException | RuntimeException e) {
      // No cause: a parser's message could quote key bytes.
      throw new KeyLoadingException(reason, ACTION + ": " + why);
    }
  }

  private static PrivateKeyInfo encryptedPkcs8(byte[] der, byte[] password)
      throws KeyLoadingException {
    PKCS8EncryptedPrivateKeyInfo encrypted;
    try {
      encrypted = new PKCS8EncryptedPrivateKeyInfo(der);
    } catch (IOException | RuntimeException e) {
      throw new KeyLoadingException(
          Reason.MALFORMED, ACTION + ": the ENCRYPTED PRIVATE KEY is not valid PKCS#8");
    }
    char[] chars = utf8Password(password);
    try {
      // Bouncy Castle's provider is passed explicitly (never registered): it covers every PBES2
      // variant OpenSSL writes, including scrypt.
      return encrypted.decryptPrivateKeyInfo(
          new JceOpenSSLPKCS8DecryptorProviderBuilder()
              .setProvider(BouncyCastle.PROVIDER)
              .build(chars));
    } catch (PKCSException | RuntimeException e) {
      // A wrong password fails the padding check or, rarely, yields garbage that is not PKCS#8.
      throw new KeyLoadingException(
          Reason.WRONG_PASSWORD,
          ACTION + ": decryption of the ENCRYPTED PRIVATE KEY failed, the password is wrong");
    } catch (OperatorCreationException e) {
      throw new KeyLoadingException(
          Reason.UNSUPPORTED_ENCRYPTION,
          ACTION + ": the ENCRYPTED PRIVATE KEY uses an encryption scheme that is not supported");
    } finally {
      Arrays.fill(chars, '\0');
    }
  }

  /** PKCS#8 passwords are text (PBES2 hashes their UTF-8 bytes), so the bytes must be UTF-8. */
  private static char[] utf8Password(byte[] password) throws KeyLoadingException {
    try {
      CharBuffer chars =
          StandardCharsets.UTF_8
              .newDecoder()
              .onMalformedInput(CodingErrorAction.REPORT)
              .onUnmappableCharacter(CodingErrorAction.REPORT)
              .decode(ByteBuffer.wrap(password));
      char[] result = new char[chars.remaining()];
      chars.get(result);
      return result;
    } catch (CharacterCodingException e) {
      throw new KeyLoadingException(
          Reason.WRONG_PASSWORD,
          ACTION + ": the password of an ENCRYPTED PRIVATE KEY must be UTF-8 text, and it is not");
    }
  }

  private static PrivateKeyInfo sec1(byte[] der) throws KeyLoadingException {
    try {
      ECPrivateKey key = ECPrivateKey.getInstance(ASN1Primitive.fromByteArray(der));
      if (!(key.getParametersObject() instanceof ASN1ObjectIdentifier curve)) {
        throw new KeyLoadingException(
            Reason.UNSUPPORTED_KEY,
            ACTION
                + ": the EC PRIVATE KEY does not name its curve; supported are "
                + SignatureAlgorithm.SUPPORTED);
      }
      return new PrivateKeyInfo(
          new AlgorithmIdentifier(X9ObjectIdentifiers.id_ecPublicKey, curve), key);
    } catch (IOException | RuntimeException e) {
      throw new KeyLoadingException(
          Reason.MALFORMED, ACTION + ": the EC PRIVATE KEY is not valid SEC1");
    }
  }

  private static PrivateKeyInfo pkcs1(byte[] der) throws KeyLoadingException {
    try {
      RSAPrivateKey key = RSAPrivateKey.getInstance(ASN1Primitive.fromByteArray(der));
      return new PrivateKeyInfo(
          new AlgorithmIdentifier(PKCSObjectIdentifiers.rsaEncryption, DERNull.INSTANCE), key);
    } catch (IOException | RuntimeException e) {
      throw new KeyLoadingException(
          Reason.MALFORMED, ACTION + ": the RSA PRIVATE KEY is not valid PKCS#1");
    }
  }

  private static Signer signer(PrivateKeyInfo info) throws KeyLoadingException {
    try {
      return Signers.fromPrivateKeyInfo(info);
    } catch (Signers.UnsupportedKeyException e) {
      throw new KeyLoadingException(
          Reason.UNSUPPORTED_KEY,
          ACTION
              + ": unsupported "
              + e.getMessage()
              + "; supported are "
              + SignatureAlgorithm.SUPPORTED);
    } catch (IOException | RuntimeException e) {
      throw new KeyLoadingException(
          Reason.MALFORMED,
          ACTION
              + ": the private key is not valid for its algorithm "
              + info.getPrivateKeyAlgorithm().getAlgorithm().getId());
    }
  }

  private static boolean isLegacyEncrypted(PemObject pem) {
    for (Object header : pem.getHeaders()) {
      if (header instanceof PemHeader h
          && h.getName().equalsIgnoreCase("Proc-Type")
          && h.getValue().toUpperCase(java.util.Locale.ROOT).contains("ENCRYPTED")) {
        return true;
      }
    }
    return false;
  }

  /**
   * Created on first use of an encrypted PKCS#8 key only; never added to {@code
   * java.security.Security}.
   */
  private static final class BouncyCastle {
    static final BouncyCastleProvider PROVIDER = new BouncyCastleProvider();
  }
}
