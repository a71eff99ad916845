package dev.cimanager.ssca.policy;

import com.fasterxml.jackson.databind.JsonNode;
import com.google.protobuf.Timestamp;
import dev.cimanager.ssca.json.SscaJson;
import java.io.IOException;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;

/**
 * The variables one verified provenance gives every policy: converted once, shared by all policies.
 */
public record PolicyInput(Map<String, Object> variables) {

  public PolicyInput {
    variables = Map.copyOf(variables);
  }

  /**
   * @param image {@code registry/repository}
   * @param digest {@code sha256:<hex>}
   * @throws IllegalArgumentException when the statement is not a JSON object
   */
  public static PolicyInput of(byte[] statementJson, String image, String digest, Instant now) {
    JsonNode statement;
    try {
      statement = SscaJson.read(statementJson);
    } catch (IOException e) {
      throw new IllegalArgumentException("the statement is not JSON", e);
    }
    if (statement == null || !statement.isObject()) {
      throw new IllegalArgumentException("the statement is not a JSON object");
    }
    Objects.requireNonNull(now, "now");
    return new PolicyInput(
        Map.of(
            CelEnvironment.STATEMENT, JsonValues.of(statement),
            CelEnvironment.PREDICATE, JsonValues.of(statement.get("predicate")),
            CelEnvironment.PREDICATE_TYPE, statement.path("predicateType").asText(""),
            CelEnvironment.IMAGE,
                Map.of(
                    "name",
                    Objects.requireNonNull(image, "image"),
                    "digest",
                    Objects.requireNonNull(digest, "digest")),
            CelEnvironment.NOW,
                Timestamp.newBuilder()
                    .setSeconds(now.getEpochSecond())
                    .setNanos(now.getNano())
                    .build()));
  }
}
