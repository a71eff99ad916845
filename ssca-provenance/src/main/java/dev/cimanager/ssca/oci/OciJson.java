package dev.cimanager.ssca.oci;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;

/** The package's one JSON mapper. Object nodes keep insertion order, which the golden bytes rely on. */
final class OciJson {
  static final ObjectMapper MAPPER = new ObjectMapper();

  private OciJson() {}

  static ObjectNode object() {
    return MAPPER.createObjectNode();
  }

  static JsonNode read(byte[] json) throws IOException {
    return MAPPER.readTree(json);
  }

  static byte[] write(JsonNode node) {
    try {
      return MAPPER.writeValueAsBytes(node);
    } catch (IOException e) {
      throw new IllegalStateException("a JSON tree always serializes", e);
    }
  }
}
