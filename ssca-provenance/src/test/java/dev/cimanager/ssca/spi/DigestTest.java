package dev.cimanager.ssca.spi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class DigestTest {
  private static final String HEX =
      "5529c10be460c5e240b991e765e69546f6329829a18ec1bbb1c606f02b8ca5d5";

  @Test
  void parse_validSha256_roundTrips() {
    Digest d = Digest.parse("sha256:" + HEX);
    assertThat(d.hex()).isEqualTo(HEX);
    assertThat(d).hasToString("sha256:" + HEX);
    assertThat(d.attestationTag()).isEqualTo("sha256-" + HEX + ".att");
  }

  @Test
  void parse_uppercaseHex_isRejected() {
    assertThatThrownBy(() -> Digest.parse("sha256:" + HEX.toUpperCase()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("64 lowercase hex");
  }

  @Test
  void parse_otherAlgorithmOrShortHex_isRejected() {
    assertThatThrownBy(() -> Digest.parse("sha512:" + HEX))
        .hasMessageContaining("sha256:<64 lowercase hex>");
    assertThatThrownBy(() -> Digest.parse("sha256:abc")).hasMessageContaining("64 lowercase hex");
  }

  @Test
  void of_bytes_isTheirSha256() {
    assertThat(Digest.of("".getBytes(StandardCharsets.UTF_8)).hex())
        .isEqualTo("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
  }
}
