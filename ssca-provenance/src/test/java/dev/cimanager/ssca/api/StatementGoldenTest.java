package dev.cimanager.ssca.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cimanager.ssca.provenance.ProvenanceJson;
import dev.cimanager.ssca.provenance.ProvenancePredicate;
import dev.cimanager.ssca.provenance.Statement;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class StatementGoldenTest {
  private static final ObjectMapper TREES = new ObjectMapper();

  static byte[] statementBytes(ExecutionContext ctx) {
    ProvenancePredicate predicate = new PredicateBuilder().build(ctx);
    return ProvenanceJson.toBytes(new StatementBuilder().build(ctx.image(), predicate));
  }

  @Test
  void toBytes_goldenContext_matchesGoldenFile() throws IOException {
    JsonNode actual = TREES.readTree(statementBytes(ExecutionContexts.golden()));
    JsonNode expected;
    try (InputStream in = getClass().getResourceAsStream("/golden/provenance-statement.json")) {
      expected = TREES.readTree(in);
    }
    // pretty-printed both sides so a failure shows a line diff, not two one-line blobs
    assertThat(TREES.writerWithDefaultPrettyPrinter().writeValueAsString(actual))
        .isEqualTo(TREES.writerWithDefaultPrettyPrinter().writeValueAsString(expected));
  }

  @Test
  void toBytes_goldenContext_keepsSpecFieldOrder() {
    String json = new String(statementBytes(ExecutionContexts.golden()), StandardCharsets.UTF_8);
    assertThat(json)
        .startsWith(
            "{\"_type\":\"https://in-toto.io/Statement/v1\",\"subject\":[{\"name\":"
                + "\"127.0.0.1:5000/demo/app\",\"digest\":{\"sha256\":\""
                + "3f".repeat(32)
                + "\"}}],"
                + "\"predicateType\":\"https://slsa.dev/provenance/v1\",\"predicate\":{\"buildDefinition\":");
  }

  @Test
  void toBytes_sameContextTwice_sameBytes() {
    assertThat(statementBytes(ExecutionContexts.golden()))
        .isEqualTo(statementBytes(ExecutionContexts.golden()));
  }

  @Test
  void readStatement_writtenStatement_roundTrips() {
    ExecutionContext ctx = ExecutionContexts.golden();
    Statement statement =
        new StatementBuilder().build(ctx.image(), new PredicateBuilder().build(ctx));
    assertThat(ProvenanceJson.readStatement(ProvenanceJson.toBytes(statement)))
        .isEqualTo(statement);
  }
}
