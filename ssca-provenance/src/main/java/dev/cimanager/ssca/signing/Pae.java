package dev.cimanager.ssca.signing;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * DSSE v1 Pre-Authentication Encoding, the bytes that are actually signed: {@code "DSSEv1" SP
 * LEN(type) SP type SP LEN(payload) SP payload}, where LEN is the decimal byte length. Built from
 * bytes, never from {@code String.length()}, so non-ASCII types and payloads are encoded exactly as
 * the spec and cosign encode them.
 */
public final class Pae {

  private static final byte[] PREFIX = "DSSEv1 ".getBytes(StandardCharsets.US_ASCII);

  private Pae() {}

  public static byte[] encode(String payloadType, byte[] payload) {
    byte[] type = payloadType.getBytes(StandardCharsets.UTF_8);
    ByteArrayOutputStream out =
        new ByteArrayOutputStream(PREFIX.length + type.length + payload.length + 24);
    out.writeBytes(PREFIX);
    out.writeBytes(ascii(type.length + " "));
    out.writeBytes(type);
    out.writeBytes(ascii(" " + payload.length + " "));
    out.writeBytes(payload);
    return out.toByteArray();
  }

  private static byte[] ascii(String text) {
    return text.getBytes(StandardCharsets.US_ASCII);
  }
}
