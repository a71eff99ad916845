package dev.cimanager.ssca.oci;

import dev.cimanager.ssca.spi.Digest;
import dev.cimanager.ssca.spi.RepositoryRef;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.ECGenParameterSpec;
import java.util.Base64;
import java.util.HexFormat;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Builds signed DSSE envelopes for registry tests with the JDK alone (EC P-256, DER signatures), so
 * the OCI tests do not depend on the signing package.
 */
public final class TestEnvelopes {
  public static final String PAYLOAD_TYPE = "application/vnd.in-toto+json";
  public static final String SLSA_V1 = "https://slsa.dev/provenance/v1";

  private final KeyPair keys;

  private TestEnvelopes(KeyPair keys) {
    this.keys = keys;
  }

  public static TestEnvelopes withNewKey() {
    try {
      KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
      generator.initialize(new ECGenParameterSpec("secp256r1"));
      return new TestEnvelopes(generator.generateKeyPair());
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  public PublicKey publicKey() {
    return keys.getPublic();
  }

  public String publicKeyPem() {
    return "-----BEGIN PUBLIC KEY-----\n"
        + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
            .encodeToString(keys.getPublic().getEncoded())
        + "\n-----END PUBLIC KEY-----\n";
  }

  public static Digest randomDigest() {
    byte[] bytes = new byte[32];
    ThreadLocalRandom.current().nextBytes(bytes);
    return new Digest(HexFormat.of().formatHex(bytes));
  }

  /**
   * An in-toto Statement v1 with an SLSA v1 predicate about the image; {@code note} makes it
   * unique.
   */
  public static String statement(
      String subjectName, Digest subject, String predicateType, String note) {
    return "{\"_type\":\"https://in-toto.io/Statement/v1\",\"subject\":[{\"name\":\""
        + subjectName
        + "\",\"digest\":{\"sha256\":\""
        + subject.hex()
        + "\"}}],\"predicateType\":\""
        + predicateType
        + "\",\"predicate\":{\"buildDefinition\":{\"buildType\":\"https://cimanager.dev/buildtypes/ci-build/v1\","
        + "\"externalParameters\":{\"note\":\""
        + note
        + "\"}},\"runDetails\":{\"builder\":{\"id\":\"https://cimanager.dev/ci-manager\"}}}}";
  }

  public byte[] envelope(String statementJson) {
    return envelope(PAYLOAD_TYPE, statementJson.getBytes(StandardCharsets.UTF_8));
  }

  public byte[] envelope(String payloadType, byte[] payload) {
    try {
      Signature signature = Signature.getInstance("SHA256withECDSA");
      signature.initSign(keys.getPrivate());
      signature.update(pae(payloadType, payload));
      String sig = Base64.getEncoder().encodeToString(signature.sign());
      return ("{\"payloadType\":\""
              + payloadType
              + "\",\"payload\":\""
              + Base64.getEncoder().encodeToString(payload)
              + "\",\"signatures\":[{\"keyid\":\"\",\"sig\":\""
              + sig
              + "\"}]}")
          .getBytes(StandardCharsets.UTF_8);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  /** A statement about {@code subject} with an SLSA v1 predicate, signed. */
  public byte[] provenanceEnvelope(RepositoryRef repo, Digest subject, String note) {
    return envelope(statement(repo.toString(), subject, SLSA_V1, note));
  }

  private static byte[] pae(String payloadType, byte[] payload) {
    byte[] type = payloadType.getBytes(StandardCharsets.UTF_8);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.writeBytes(("DSSEv1 " + type.length + " ").getBytes(StandardCharsets.US_ASCII));
    out.writeBytes(type);
    out.writeBytes((" " + payload.length + " ").getBytes(StandardCharsets.US_ASCII));
    out.writeBytes(payload);
    return out.toByteArray();
  }
}
