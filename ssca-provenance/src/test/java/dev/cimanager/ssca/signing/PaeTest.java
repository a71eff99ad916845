package dev.cimanager.ssca.signing;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class PaeTest {

  @Test
  void encode_dsseSpecHelloWorld_matchesSpecBytes() {
    byte[] pae =
        Pae.encode(
            "http://example.com/HelloWorld", "hello world".getBytes(StandardCharsets.US_ASCII));

    assertThat(pae).isEqualTo(TestVectors.read("dsse/dsse-spec-helloworld-pae.bin"));
  }

  @Test
  void encode_cosignSlsaPayload_matchesTheBytesCosignSigned() {
    byte[] pae =
        Pae.encode(
            Envelope.IN_TOTO_PAYLOAD_TYPE,
            TestVectors.read("dsse/cosign-blob-slsa02-payload.json"));

    assertThat(pae).isEqualTo(TestVectors.read("dsse/cosign-blob-slsa02-pae.bin"));
  }

  @Test
  void encode_nonAsciiTypeAndPayload_usesUtf8ByteLengths() {
    // "é" and "ü" are 2 UTF-8 bytes each, "✓" is 3: String.length() would say 8 and 7.
    byte[] pae = Pae.encode("tüpe/ü", "héllo ✓".getBytes(StandardCharsets.UTF_8));

    assertThat(new String(pae, StandardCharsets.UTF_8)).isEqualTo("DSSEv1 8 tüpe/ü 10 héllo ✓");
  }

  @Test
  void encode_emptyTypeAndPayload_keepsAllSeparators() {
    assertThat(Pae.encode("", new byte[0]))
        .isEqualTo("DSSEv1 0  0 ".getBytes(StandardCharsets.US_ASCII));
  }
}
