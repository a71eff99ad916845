package dev.cimanager.app.testing;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpHeaders;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/** Status, headers and body of one API call. */
public record ApiResponse(int status, byte[] bytes, HttpHeaders headers) {
  public String body() {
    return new String(bytes, StandardCharsets.UTF_8);
  }

  public JsonNode json() {
    try {
      return ApiClient.JSON.readTree(bytes);
    } catch (IOException e) {
      throw new UncheckedIOException("response is not JSON: " + this, e);
    }
  }

  /** The {@code code} of an error body. */
  public String code() {
    return json().path("code").asText();
  }

  public String message() {
    return json().path("message").asText();
  }

  /** Asserts the status is one of {@code expected}; this response, to read on. */
  public ApiResponse expect(int... expected) {
    assertThat(status).as(toString()).isIn(Arrays.stream(expected).boxed().toList());
    return this;
  }

  public String header(String name) {
    return headers.firstValue(name).orElse(null);
  }

  @Override
  public String toString() {
    return status + " " + body();
  }
}
