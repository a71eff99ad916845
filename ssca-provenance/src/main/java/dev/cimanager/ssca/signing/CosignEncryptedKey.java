package dev.cimanager.ssca.signing;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.cimanager.ssca.json.SscaJson;
import dev.cimanager.ssca.signing.KeyLoadingException.Reason;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.Set;
import org.bouncycastle.crypto.generators.SCrypt;

/**
 * The JSON inside a Cosign encrypted key (go-securesystemslib's {@code encrypted} package): {@code
 * {"kdf":{"name":"scrypt","params":{"N","r","p"},"salt"},"cipher":{"name":"nacl/secretbox",
 * "nonce"},"ciphertext"}}. Parsing refuses unsupported parameters, so a parsed key never runs an
 * unbounded KDF: {@link #decrypt} costs at most N=131072 (128 MiB, ~0.4 s).
 */
final class CosignEncryptedKey {

  /** What cosign generate-key-pair uses today (go-securesystemslib's "standard" profile). */
  static final int DEFAULT_N = 65536;

  private static final Set<Integer> SUPPORTED_N = Set.of(32768, 65536, 131072);
  private static final int R = 8;
  private static final int P = 1;
  private static final int SALT_BYTES = 32;
  private static final String ACTION = "failed to load the signing key";

  private final int n;
  private final byte[] salt;
  private final byte[] nonce;
  private final byte[] ciphertext;

  private CosignEncryptedKey(int n, byte[] salt, byte[] nonce, byte[] ciphertext) {
    this.n = n;
    this.salt = salt;
    this.nonce = nonce;
    this.ciphertext = ciphertext;
  }

  /**
   * Reads and checks the JSON; runs no KDF.
   *
   * @throws KeyLoadingException MALFORMED, or UNSUPPORTED_ENCRYPTION for another KDF, cipher or
   *     scrypt parameters
   */
  static CosignEncryptedKey parse(byte[] json) throws KeyLoadingException {
    JsonNode root;
    try {
      root = SscaJson.read(json);
    } catch (JsonProcessingException e) {
      throw malformed("the encrypted key is not valid JSON");
    } catch (IOException e) {
      throw new UncheckedIOException("reading JSON from memory cannot fail", e);
    }
    if (root == null || !root.isObject()) {
      throw malformed("the encrypted key is not a JSON object");
    }
    String kdf = text(root.path("kdf"), "name", "kdf.name");
    if (!kdf.equals("scrypt")) {
      throw new KeyLoadingException(
          Reason.UNSUPPORTED_ENCRYPTION,
          ACTION
              + ": unsupported key derivation function \""
              + Pem.printableType(kdf)
              + "\"; Cosign keys use scrypt");
    }
    JsonNode params = root.path("kdf").path("params");
    long n = integer(params, "N");
    long r = integer(params, "r");
    long p = integer(params, "p");
    if (!SUPPORTED_N.contains((int) n) || n != (int) n || r != R || p != P) {
      throw new KeyLoadingException(
          Reason.UNSUPPORTED_ENCRYPTION,
          ACTION
              + ": unsupported scrypt parameters N="
              + n
              + ", r="
              + r
              + ", p="
              + p
              + "; supported are N=32768, 65536 or 131072 with r=8 and p=1");
    }
    String cipher = text(root.path("cipher"), "name", "cipher.name");
    if (!cipher.equals("nacl/secretbox")) {
      throw new KeyLoadingException(
          Reason.UNSUPPORTED_ENCRYPTION,
          ACTION
              + ": unsupported cipher \""
              + Pem.printableType(cipher)
              + "\"; Cosign keys use nacl/secretbox");
    }
    byte[] salt = base64(root.path("kdf"), "salt", "kdf.salt");
    byte[] nonce = base64(root.path("cipher"), "nonce", "cipher.nonce");
    if (nonce.length != SecretBox.NONCE_BYTES) {
      throw malformed("field \"cipher.nonce\" is " + nonce.length + " bytes, not 24");
    }
    byte[] ciphertext = base64(root, "ciphertext", "ciphertext");
    if (ciphertext.length < SecretBox.TAG_BYTES) {
      throw malformed(
          "field \"ciphertext\" is " + ciphertext.length + " bytes, shorter than the 16-byte tag");
    }
    return new CosignEncryptedKey((int) n, salt, nonce, ciphertext);
  }

  /** Encrypts as cosign does, with a fresh random salt and nonce. */
  static CosignEncryptedKey encrypt(byte[] plaintext, byte[] password, int n, SecureRandom random) {
    if (!SUPPORTED_N.contains(n)) {
      throw new IllegalArgumentException("scrypt N must be 32768, 65536 or 131072");
    }
    byte[] salt = new byte[SALT_BYTES];
    byte[] nonce = new byte[SecretBox.NONCE_BYTES];
    random.nextBytes(salt);
    random.nextBytes(nonce);
    byte[] key = SCrypt.generate(password, salt, n, R, P, SecretBox.KEY_BYTES);
    try {
      return new CosignEncryptedKey(n, salt, nonce, SecretBox.seal(key, nonce, plaintext));
    } finally {
      Arrays.fill(key, (byte) 0);
    }
  }

  /**
   * scrypt then secretbox open. The password is used byte for byte; empty is valid.
   *
   * @throws KeyLoadingException WRONG_PASSWORD when the box does not authenticate
   */
  byte[] decrypt(byte[] password) throws KeyLoadingException {
    byte[] key = SCrypt.generate(password, salt, n, R, P, SecretBox.KEY_BYTES);
    try {
      return SecretBox.open(key, nonce, ciphertext)
          .orElseThrow(
              () ->
                  new KeyLoadingException(
                      Reason.WRONG_PASSWORD,
                      ACTION
                          + ": decryption failed, the password is wrong (or the encrypted key was altered)"));
    } finally {
      Arrays.fill(key, (byte) 0);
    }
  }

  /**
   * Compact JSON in go-securesystemslib's field order, standard padded base64, as cosign writes it.
   */
  byte[] toJson() {
    Base64.Encoder base64 = Base64.getEncoder();
    ByteArrayOutputStream out = new ByteArrayOutputStream(256 + ciphertext.length * 4 / 3);
    try (JsonGenerator generator = SscaJson.factory().createGenerator(out)) {
      generator.writeStartObject();
      generator.writeObjectFieldStart("kdf");
      generator.writeStringField("name", "scrypt");
      generator.writeObjectFieldStart("params");
      generator.writeNumberField("N", n);
      generator.writeNumberField("r", R);
      generator.writeNumberField("p", P);
      generator.writeEndObject();
      generator.writeStringField("salt", base64.encodeToString(salt));
      generator.writeEndObject();
      generator.writeObjectFieldStart("cipher");
      generator.writeStringField("name", "nacl/secretbox");
      generator.writeStringField("nonce", base64.encodeToString(nonce));
      generator.writeEndObject();
      generator.writeStringField("ciphertext", base64.encodeToString(ciphertext));
      generator.writeEndObject();
    } catch (IOException e) {
      throw new UncheckedIOException("writing JSON to memory cannot fail", e);
    }
    return out.toByteArray();
  }

  @Override
  public String toString() {
    return "CosignEncryptedKey[scrypt N=" + n + ", ciphertext=" + ciphertext.length + " bytes]";
  }

  private static String text(JsonNode node, String name, String path) throws KeyLoadingException {
    JsonNode value = node.get(name);
    if (value == null || !value.isTextual()) {
      throw malformed("field \"" + path + "\" is missing or not a string");
    }
    return value.textValue();
  }

  private static long integer(JsonNode params, String name) throws KeyLoadingException {
    JsonNode value = params.get(name);
    if (value == null || !value.canConvertToLong() || !value.isIntegralNumber()) {
      throw malformed("field \"kdf.params." + name + "\" is missing or not an integer");
    }
    return value.longValue();
  }

  private static byte[] base64(JsonNode node, String name, String path) throws KeyLoadingException {
    try {
      return Base64.getDecoder().decode(text(node, name, path));
    } catch (IllegalArgumentException e) {
      throw malformed("field \"" + path + "\" is not base64");
    }
  }

  private static KeyLoadingException malformed(String why) {
    return new KeyLoadingException(Reason.MALFORMED, ACTION + ": " + why);
  }
}
