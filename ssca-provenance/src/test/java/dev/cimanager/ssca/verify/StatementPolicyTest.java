package dev.cimanager.ssca.verify;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cimanager.ssca.spi.Digest;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class StatementPolicyTest {
  private static final Digest IMAGE = Digest.of(new byte[] {1});

  /**
   * Two parsers that keep different duplicates see different statements: a signed one must have
   * none.
   */
  @Test
  void aSignedStatementWithARepeatedKeyIsRejected() {
    String json =
        "{\"_type\":\"https://in-toto.io/Statement/v1\",\"predicateType\":\"https://slsa.dev/provenance/v1\","
            + "\"predicateType\":\"https://example.com/other\",\"subject\":[],\"predicate\":{}}";

    assertThatThrownBy(() -> StatementPolicy.check(json.getBytes(StandardCharsets.UTF_8), IMAGE))
        .isInstanceOf(LayerRejectedException.class)
        .hasMessageContaining("not JSON");
  }
}
