package dev.cimanager.app.testing;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;

/**
 * A tiny HTTP client for API tests (java.net.http), sending {@code Authorization: Bearer <token>}
 * when it has one. Every call returns an {@link ApiResponse}; none throws on 4xx/5xx.
 */
public final class ApiClient {
  static final ObjectMapper JSON = new ObjectMapper();
  private static final HttpClient HTTP =
      HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

  private final String baseUrl;
  private final String token;
  private final String accountId;

  ApiClient(String baseUrl, String token) {
    this(baseUrl, token, null);
  }

  private ApiClient(String baseUrl, String token, String accountId) {
    this.baseUrl = baseUrl;
    this.token = token;
    this.accountId = accountId;
  }

  ApiClient forAccount(String accountId) {
    return new ApiClient(baseUrl, token, accountId);
  }

  /** The account this client's token belongs to (null for {@link TestApp#anonymous()}/admin). */
  public String accountId() {
    return accountId;
  }

  public String token() {
    return token;
  }

  /** The same client with another token (e.g. an invalid one). */
  public ApiClient withToken(String otherToken) {
    return new ApiClient(baseUrl, otherToken, accountId);
  }

  public ApiResponse get(String path) {
    return send("GET", path, null, null);
  }

  public ApiResponse delete(String path) {
    return send("DELETE", path, null, null);
  }

  /**
   * POST of {@code body} as JSON: a String is sent verbatim, anything else serialized by Jackson.
   */
  public ApiResponse postJson(String path, Object body) {
    return send("POST", path, "application/json", json(body));
  }

  public ApiResponse putJson(String path, Object body) {
    return send("PUT", path, "application/json", json(body));
  }

  /** PUT of a YAML document ({@code Content-Type: application/yaml}), e.g. a pipeline. */
  public ApiResponse putYaml(String path, String yaml) {
    return send("PUT", path, "application/yaml", yaml.getBytes(StandardCharsets.UTF_8));
  }

  /** POST of multipart/form-data with text {@code fields} and one file part {@code fileField}. */
  public ApiResponse postMultipart(
      String path, Map<String, String> fields, String fileField, byte[] file) {
    return multipart("POST", path, fields, fileField, file);
  }

  public ApiResponse putMultipart(
      String path, Map<String, String> fields, String fileField, byte[] file) {
    return multipart("PUT", path, fields, fileField, file);
  }

  private ApiResponse multipart(
      String method, String path, Map<String, String> fields, String fileField, byte[] file) {
    String boundary = "----citest" + UUID.randomUUID().toString().replace("-", "");
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    fields.forEach(
        (name, value) ->
            write(
                body,
                "--"
                    + boundary
                    + "\r\nContent-Disposition: form-data; name=\""
                    + name
                    + "\"\r\n\r\n"
                    + value
                    + "\r\n"));
    if (fileField != null) {
      write(
          body,
          "--"
              + boundary
              + "\r\nContent-Disposition: form-data; name=\""
              + fileField
              + "\"; filename=\""
              + fileField
              + ".bin\"\r\nContent-Type: application/octet-stream\r\n\r\n");
      body.writeBytes(file);
      write(body, "\r\n");
    }
    write(body, "--" + boundary + "--\r\n");
    return send(method, path, "multipart/form-data; boundary=" + boundary, body.toByteArray());
  }

  /** Any request; {@code contentType} and {@code body} may be null. */
  public ApiResponse send(String method, String path, String contentType, byte[] body) {
    return sendWithHeaders(
        method, path, contentType == null ? Map.of() : Map.of("Content-Type", contentType), body);
  }

  /**
   * Any request with extra {@code headers} (e.g. {@code Content-Encoding}); {@code body} may be
   * null.
   */
  public ApiResponse sendWithHeaders(
      String method, String path, Map<String, String> headers, byte[] body) {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + path));
    if (token != null) {
      request.header("Authorization", "Bearer " + token);
    }
    headers.forEach(request::header);
    request.method(
        method,
        body == null
            ? HttpRequest.BodyPublishers.noBody()
            : HttpRequest.BodyPublishers.ofByteArray(body));
    try {
      HttpResponse<byte[]> response =
          HTTP.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
      return new ApiResponse(response.statusCode(), response.body(), response.headers());
    } catch (IOException e) {
      throw new UncheckedIOException(method + " " + path + " failed", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(method + " " + path + " interrupted", e);
    }
  }

  private static byte[] json(Object body) {
    if (body instanceof String s) {
      return s.getBytes(StandardCharsets.UTF_8);
    }
    try {
      return JSON.writeValueAsBytes(body);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("cannot serialize test body " + body, e);
    }
  }

  private static void write(ByteArrayOutputStream out, String text) {
    out.writeBytes(text.getBytes(StandardCharsets.UTF_8));
  }
}
