package dev.cimanager.ssca.signing;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import dev.cimanager.ssca.json.SscaJson;
import dev.cimanager.ssca.signing.SignatureVerificationException.Reason;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Objects;

/**
 * A DSSE envelope: a payload, its type, and at least one signature over {@link Pae#encode}. The
 * payload and signatures are bytes; base64 exists only in the JSON form.
 */
public record Envelope(String payloadType, byte[] payload, List<Signature> signatures) {

  /** The payload type of in-toto statements, what cosign attest writes. */
  public static final String IN_TOTO_PAYLOAD_TYPE = "application/vnd.in-toto+json";

  public Envelope {
    Objects.requireNonNull(payloadType, "payloadType");
    payload = Objects.requireNonNull(payload, "payload").clone();
    signatures = List.copyOf(signatures);
    if (signatures.isEmpty()) {
      throw new IllegalArgumentException("a DSSE envelope needs at least one signature");
    }
  }

  /** One signature; {@code keyid} is an unauthenticated hint, {@code ""} when absent. */
  public record Signature(String keyid, byte[] sig) {
    public Signature {
      Objects.requireNonNull(keyid, "keyid");
      sig = Objects.requireNonNull(sig, "sig").clone();
    }

    @Override
    public byte[] sig() {
      return sig.clone();
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof Signature other
          && keyid.equals(other.keyid)
          && Arrays.equals(sig, other.sig);
    }

    @Override
    public int hashCode() {
      return 31 * keyid.hashCode() + Arrays.hashCode(sig);
    }

    @Override
    public String toString() {
      return "Signature[keyid=" + keyid + ", sig=" + Base64.getEncoder().encodeToString(sig) + "]";
    }
  }

  @Override
  public byte[] payload() {
    return payload.clone();
  }

  /**
   * Reads envelope JSON. Accepts standard and URL-safe base64, padded or not (the DSSE spec allows
   * both); a missing or null {@code keyid} reads as {@code ""}; unknown fields are ignored.
   *
   * @throws SignatureVerificationException MALFORMED_ENVELOPE, or NO_SIGNATURES for an empty list
   */
  public static Envelope fromJson(byte[] json) throws SignatureVerificationException {
    JsonNode root;
    try {
      root = SscaJson.read(json);
    } catch (JsonProcessingException e) {
      throw malformed("it is not valid JSON (" + e.getOriginalMessage() + ")");
    } catch (IOException e) {
      throw new UncheckedIOException("reading JSON from memory cannot fail", e);
    }
    if (root == null || !root.isObject()) {
      throw malformed("it is not a JSON object");
    }
    String payloadType = text(root, "payloadType");
    byte[] payload = base64(text(root, "payload"), "payload");
    if (!(root.get("signatures") instanceof ArrayNode array)) {
      throw malformed("field \"signatures\" is missing or not an array");
    }
    if (array.isEmpty()) {
      throw new SignatureVerificationException(
          Reason.NO_SIGNATURES, "failed to read the DSSE envelope: field \"signatures\" is empty");
    }
    List<Signature> signatures = new ArrayList<>(array.size());
    for (int i = 0; i < array.size(); i++) {
      JsonNode entry = array.get(i);
      String field = "signatures[" + i + "]";
      if (!entry.isObject()) {
        throw malformed("field \"" + field + "\" is not an object");
      }
      JsonNode keyid = entry.get("keyid");
      if (keyid != null && !keyid.isNull() && !keyid.isTextual()) {
        throw malformed("field \"" + field + ".keyid\" is not a string");
      }
      String keyidText = keyid == null || keyid.isNull() ? "" : keyid.textValue();
      signatures.add(
          new Signature(keyidText, base64(text(entry, "sig", field + ".sig"), field + ".sig")));
    }
    return new Envelope(payloadType, payload, signatures);
  }

  /**
   * Compact JSON exactly as cosign writes it: {@code payloadType}, {@code payload}, {@code
   * signatures[{keyid, sig}]} in that order, standard padded base64, {@code keyid} always present.
   */
  public byte[] toJson() {
    ByteArrayOutputStream out = new ByteArrayOutputStream(payload.length * 4 / 3 + 256);
    Base64.Encoder base64 = Base64.getEncoder();
    try (JsonGenerator generator = SscaJson.factory().createGenerator(out)) {
      generator.writeStartObject();
      generator.writeStringField("payloadType", payloadType);
      generator.writeStringField("payload", base64.encodeToString(payload));
      generator.writeArrayFieldStart("signatures");
      for (Signature signature : signatures) {
        generator.writeStartObject();
        generator.writeStringField("keyid", signature.keyid());
        generator.writeStringField("sig", base64.encodeToString(signature.sig));
        generator.writeEndObject();
      }
      generator.writeEndArray();
      generator.writeEndObject();
    } catch (IOException e) {
      throw new UncheckedIOException("writing JSON to memory cannot fail", e);
    }
    return out.toByteArray();
  }

  /** The PAE bytes that each signature signs. */
  public byte[] pae() {
    return Pae.encode(payloadType, payload);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Envelope other
        && payloadType.equals(other.payloadType)
        && Arrays.equals(payload, other.payload)
        && signatures.equals(other.signatures);
  }

  @Override
  public int hashCode() {
    return Objects.hash(payloadType, Arrays.hashCode(payload), signatures);
  }

  @Override
  public String toString() {
    return "Envelope[payloadType="
        + payloadType
        + ", payload="
        + payload.length
        + " bytes, signatures="
        + signatures
        + "]";
  }

  private static String text(JsonNode node, String name) throws SignatureVerificationException {
    return text(node, name, name);
  }

  private static String text(JsonNode node, String name, String path)
      throws SignatureVerificationException {
    JsonNode value = node.get(name);
    if (value == null || !value.isTextual()) {
      throw malformed("field \"" + path + "\" is missing or not a string");
    }
    return value.textValue();
  }

  private static byte[] base64(String text, String field) throws SignatureVerificationException {
    boolean urlSafe = text.indexOf('-') >= 0 || text.indexOf('_') >= 0;
    try {
      return (urlSafe ? Base64.getUrlDecoder() : Base64.getDecoder()).decode(text);
    } catch (IllegalArgumentException e) {
      throw malformed("field \"" + field + "\" is not base64");
    }
  }

  private static SignatureVerificationException malformed(String why) {
    return new SignatureVerificationException(
        Reason.MALFORMED_ENVELOPE, "failed to read the DSSE envelope: " + why);
  }
}
