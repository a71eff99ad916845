package dev.cimanager.ssca.json;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;

/**
 * The module's one JSON mapper, one configuration for everything it reads and writes:
 *
 * <ul>
 *   <li>duplicate keys are rejected on every read: the module reads signed bytes (envelopes,
 *       statements, manifests), and two parsers that pick different duplicates see different
 *       documents;
 *   <li>compact UTF-8, fields in declared order, object nodes in insertion order (golden bytes rely
 *       on it);
 *   <li>empty values omitted from records (in SLSA an empty field means unset), instants as RFC
 *       3339 UTC.
 * </ul>
 */
public final class SscaJson {
  public static final JsonMapper MAPPER =
      JsonMapper.builder()
          .addModule(new JavaTimeModule())
          .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
          .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
          .serializationInclusion(JsonInclude.Include.NON_EMPTY)
          .build();

  private SscaJson() {}

  /**
   * For streaming readers and writers that must produce exact bytes (DSSE envelopes, cosign keys).
   */
  public static JsonFactory factory() {
    return MAPPER.getFactory();
  }

  public static ObjectNode object() {
    return MAPPER.createObjectNode();
  }

  /**
   * @throws IOException when the bytes are not JSON or repeat a key
   */
  public static JsonNode read(byte[] json) throws IOException {
    return MAPPER.readTree(json);
  }

  public static byte[] write(JsonNode node) {
    try {
      return MAPPER.writeValueAsBytes(node);
    } catch (IOException e) {
      throw new IllegalStateException("a JSON tree always serializes", e);
    }
  }
}
