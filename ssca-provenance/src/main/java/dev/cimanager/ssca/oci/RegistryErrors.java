package dev.cimanager.ssca.oci;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/** Reads the Distribution spec's {@code {"errors":[{"code","message"}]}} body into a short phrase. */
final class RegistryErrors {
  private RegistryErrors() {}

  static String summary(byte[] body) {
    if (body == null || body.length == 0) {
      return "";
    }
    try {
      JsonNode errors = OciJson.read(body).path("errors");
      List<String> parts = new ArrayList<>();
      for (JsonNode error : errors) {
        parts.add(error.path("code").asText() + ": " + error.path("message").asText());
      }
      return parts.isEmpty() ? "" : " (" + String.join("; ", parts) + ")";
    } catch (IOException | RuntimeException e) {
      return ""; // not the spec's error body: the status code alone must do
    }
  }
}
