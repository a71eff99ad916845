package dev.cimanager.ssca.oci;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cimanager.ssca.json.SscaJson;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the Distribution spec's {@code {"errors":[{"code","message"}]}} body into a short phrase:
 * only the codes, and only when they look like the spec's codes ({@code MANIFEST_UNKNOWN}).
 * Messages never repeat what a server wrote, which could be anything a URL aimed at an internal
 * service answers.
 */
final class RegistryErrors {
  private RegistryErrors() {}

  static String summary(byte[] body) {
    if (body == null || body.length == 0) {
      return "";
    }
    try {
      JsonNode errors = SscaJson.read(body).path("errors");
      List<String> parts = new ArrayList<>();
      for (JsonNode error : errors) {
        String code = error.path("code").asText();
        if (code.matches("[A-Z][A-Z0-9_]{0,39}") && parts.size() < 5) {
          parts.add(code);
        }
      }
      return parts.isEmpty() ? "" : " (" + String.join("; ", parts) + ")";
    } catch (IOException | RuntimeException e) {
      return ""; // not the spec's error body: the status code alone must do
    }
  }
}
