package dev.cimanager.ssca.provenance;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.cimanager.ssca.json.SscaJson;
import java.io.IOException;

/**
 * The one JSON mapping of the provenance model: compact UTF-8, fields in the declared order, empty
 * values omitted (in SLSA an empty field means unset), instants as RFC 3339 UTC strings.
 */
public final class ProvenanceJson {

  private ProvenanceJson() {}

  /** The statement as the bytes that get signed. */
  public static byte[] toBytes(Statement statement) {
    try {
      return SscaJson.MAPPER.writeValueAsBytes(statement);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(
          "tried to serialize the provenance statement but failed because "
              + e.getOriginalMessage(),
          e);
    }
  }

  /** Reads a statement this module wrote (e.g. back from the store). */
  public static Statement readStatement(byte[] json) {
    try {
      return SscaJson.MAPPER.readValue(json, Statement.class);
    } catch (IOException e) {
      throw new IllegalArgumentException(
          "tried to read a provenance statement but failed because " + e.getMessage(), e);
    }
  }
}
