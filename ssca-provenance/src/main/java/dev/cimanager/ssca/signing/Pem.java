package dev.cimanager.ssca.signing;

import dev.cimanager.ssca.signing.KeyLoadingException.Reason;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.bouncycastle.util.io.pem.PemObject;
import org.bouncycastle.util.io.pem.PemReader;

/** Reads and writes PEM blocks the way Go's {@code encoding/pem} (and so cosign) does. */
final class Pem {

  /** Keys and their PEM wrapping are a few KiB at most (RSA 4096 encrypted: under 5 KiB). */
  static final int MAX_BYTES = 64 * 1024;

  private static final int LINE_LENGTH = 64;
  private static final int MAX_TYPE_IN_MESSAGE = 60;

  private Pem() {}

  /** The first PEM block in {@code input}; text before it is skipped, as Go's pem.Decode does. */
  static PemObject readFirst(byte[] input, String action) throws KeyLoadingException {
    if (input.length > MAX_BYTES) {
      throw new KeyLoadingException(
          Reason.TOO_LARGE,
          action
              + ": the input is "
              + input.length
              + " bytes, more than the "
              + MAX_BYTES
              + "-byte limit for a key file");
    }
    // ISO-8859-1 maps every byte to one char, so no input can make decoding itself fail.
    String text = new String(input, StandardCharsets.ISO_8859_1);
    PemObject pem;
    try (PemReader reader = new PemReader(new StringReader(text))) {
      pem = reader.readPemObject();
    } catch (IOException | RuntimeException e) {
      throw new KeyLoadingException(
          Reason.MALFORMED,
          action + ": the PEM block is broken (missing END line or invalid base64 body)");
    }
    if (pem == null) {
      throw new KeyLoadingException(
          Reason.NOT_PEM,
          action + ": the input is not PEM (no \"-----BEGIN ...-----\" line found)");
    }
    return pem;
  }

  /** The PEM type safe to echo in a message: printable ASCII only, bounded length. */
  static String printableType(String type) {
    String printable = type.replaceAll("[^\\x20-\\x7e]", "?");
    return printable.length() > MAX_TYPE_IN_MESSAGE
        ? printable.substring(0, MAX_TYPE_IN_MESSAGE) + "..."
        : printable;
  }

  /**
   * {@code -----BEGIN type-----}, base64 in 64-column lines, {@code -----END type-----}, each line
   * ending in LF.
   */
  static String encode(String type, byte[] der) {
    String base64 = Base64.getEncoder().encodeToString(der);
    StringBuilder out = new StringBuilder(base64.length() + 2 * type.length() + 64);
    out.append("-----BEGIN ").append(type).append("-----\n");
    for (int i = 0; i < base64.length(); i += LINE_LENGTH) {
      out.append(base64, i, Math.min(base64.length(), i + LINE_LENGTH)).append('\n');
    }
    return out.append("-----END ").append(type).append("-----\n").toString();
  }
}
