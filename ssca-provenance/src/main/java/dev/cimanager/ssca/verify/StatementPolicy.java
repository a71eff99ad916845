package dev.cimanager.ssca.verify;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cimanager.ssca.json.SscaJson;
import dev.cimanager.ssca.spi.Digest;
import java.io.IOException;

/**
 * What {@code cosign verify-attestation --type slsaprovenance1} requires of a verified payload: an
 * in-toto Statement v1 about the image, with an SLSA v1 predicate.
 */
final class StatementPolicy {
  static final String STATEMENT_TYPE = "https://in-toto.io/Statement/v1";
  static final String SLSA_PROVENANCE_V1 = "https://slsa.dev/provenance/v1";

  private StatementPolicy() {}

  /**
   * @return the statement's predicateType
   */
  static String check(byte[] statementJson, Digest imageDigest) throws LayerRejectedException {
    JsonNode statement;
    try {
      statement = SscaJson.read(statementJson);
    } catch (IOException e) {
      throw new LayerRejectedException("the signed payload is not JSON");
    }
    if (statement == null || !statement.isObject()) {
      throw new LayerRejectedException("the signed payload is not a JSON object");
    }
    String type = statement.path("_type").asText(null);
    if (!STATEMENT_TYPE.equals(type)) {
      throw new LayerRejectedException(
          "statement _type is " + quoted(type) + ", expected " + STATEMENT_TYPE);
    }
    boolean subjectMatches = false;
    for (JsonNode subject : statement.path("subject")) {
      subjectMatches |=
          imageDigest.hex().equals(subject.path("digest").path("sha256").asText(null));
    }
    if (!subjectMatches) {
      throw new LayerRejectedException(
          "no subject has digest.sha256 " + imageDigest.hex() + " (the image digest)");
    }
    String predicateType = statement.path("predicateType").asText(null);
    if (!SLSA_PROVENANCE_V1.equals(predicateType)) {
      throw new LayerRejectedException(
          "predicateType is " + quoted(predicateType) + ", expected " + SLSA_PROVENANCE_V1);
    }
    if (!statement.path("predicate").isObject()) {
      throw new LayerRejectedException("the statement has no predicate object");
    }
    return predicateType;
  }

  static String quoted(String value) {
    return value == null ? "missing" : "\"" + value + "\"";
  }
}
