package dev.cimanager.app.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cimanager.app.testing.ApiClient;
import dev.cimanager.app.testing.ApiResponse;
import dev.cimanager.app.testing.TestApp;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Every kind of bad request answers 4xx {@code {"code","message"}}, never 5xx or Dropwizard's
 * shapes.
 */
class ErrorHandlingApiTest {
  @RegisterExtension static final TestApp APP = new TestApp();

  private static ApiClient acme;

  @BeforeAll
  static void createAccount() {
    acme = APP.newAccount();
  }

  @Test
  void malformedJson_isBadRequest() {
    ApiResponse response = acme.postJson("/api/v1/orgs", "{\"identifier\":");

    assertError(response, 400, "INVALID_JSON");
    assertThat(response.message()).contains("not valid JSON");
  }

  @Test
  void wrongFieldType_namesTheField() {
    ApiResponse response =
        acme.postJson("/api/v1/orgs", "{\"identifier\":\"ok\",\"name\":{\"a\":1}}");

    assertError(response, 400, "INVALID_JSON");
    assertThat(response.message()).contains("'name'");
  }

  @Test
  void emptyBody_isBadRequest() {
    assertError(acme.postJson("/api/v1/orgs", ""), 400, "INVALID_REQUEST");
  }

  @Test
  void unknownPath_isNotFound() {
    ApiResponse response = acme.get("/api/v1/no/such/thing");

    assertError(response, 404, "NOT_FOUND");
    assertThat(response.message()).contains("/api/v1/no/such/thing");
    assertError(APP.anonymous().get("/api/v2/orgs"), 404, "NOT_FOUND");
  }

  @Test
  void ambiguousUri_isJsonBadRequestFromJetty() {
    assertError(acme.get("/api/v1/orgs/a%2Fb/projects"), 400, "BAD_REQUEST");
  }

  @Test
  void wrongMethod_isMethodNotAllowed() {
    assertError(acme.delete("/api/v1/orgs"), 405, "METHOD_NOT_ALLOWED");
  }

  @Test
  void wrongContentType_isUnsupportedMediaType() {
    ApiResponse response =
        acme.send(
            "POST", "/api/v1/orgs", "text/plain", "identifier=x".getBytes(StandardCharsets.UTF_8));

    assertError(response, 415, "UNSUPPORTED_MEDIA_TYPE");
  }

  @Test
  void oversizedBody_isPayloadTooLarge() {
    byte[] body =
        ("{\"identifier\":\"" + "a".repeat(3 * 1024 * 1024) + "\"}")
            .getBytes(StandardCharsets.UTF_8);

    assertError(
        acme.send("POST", "/api/v1/orgs", "application/json", body), 413, "PAYLOAD_TOO_LARGE");
  }

  @Test
  void oversizedChunkedBody_isPayloadTooLarge() throws Exception {
    byte[] body =
        ("{\"identifier\":\"" + "a".repeat(3 * 1024 * 1024) + "\"}")
            .getBytes(StandardCharsets.UTF_8);
    HttpRequest request =
        HttpRequest.newBuilder(URI.create(APP.baseUrl() + "/api/v1/orgs"))
            .header("Authorization", "Bearer " + acme.token())
            .header("Content-Type", "application/json")
            // An InputStream publisher has no length, so the client sends chunked.
            .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body)))
            .build();

    HttpResponse<String> response =
        HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());

    assertThat(response.statusCode()).isEqualTo(413);
    assertThat(response.body()).contains("PAYLOAD_TOO_LARGE");
  }

  @Test
  void gzipEncodingOfANonGzipBody_isInvalidBody() {
    byte[] notGzip =
        "{\"identifier\":\"zipped\",\"name\":\"Zipped\"}".getBytes(StandardCharsets.UTF_8);

    ApiResponse org =
        acme.sendWithHeaders(
            "POST",
            "/api/v1/orgs",
            Map.of("Content-Type", "application/json", "Content-Encoding", "gzip"),
            notGzip);
    ApiResponse pipeline =
        acme.sendWithHeaders(
            "PUT",
            "/api/v1/orgs/default/projects/none/pipelines/x",
            Map.of("Content-Type", "application/yaml", "Content-Encoding", "gzip"),
            notGzip);

    assertError(org, 400, "INVALID_BODY");
    assertThat(org.message()).startsWith("the request body could not be read:");
    assertError(pipeline, 400, "INVALID_BODY");
  }

  @Test
  void invalidToken_isUnauthorized() {
    assertError(acme.withToken("cim_forged").get("/api/v1/orgs"), 401, "UNAUTHORIZED");
    assertError(acme.withToken(null).get("/api/v1/orgs"), 401, "UNAUTHORIZED");
  }

  @Test
  void root_redirectsToUi() {
    ApiResponse response = APP.anonymous().get("/");

    assertThat(response.status()).isEqualTo(303);
    assertThat(response.header("Location")).endsWith("/ui/");
    assertThat(APP.anonymous().get("/ui/").status()).isEqualTo(200);
  }

  @Test
  void healthcheck_isHealthy() throws Exception {
    HttpResponse<String> response =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(URI.create(APP.adminUrl() + "/healthcheck")).build(),
                HttpResponse.BodyHandlers.ofString());

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.body()).contains("\"mongo\"", "\"workspace-disk\"");
  }

  private static void assertError(ApiResponse response, int status, String code) {
    assertThat(response.status()).as(response.toString()).isEqualTo(status);
    assertThat(response.header("Content-Type")).startsWith("application/json");
    assertThat(response.code()).isEqualTo(code);
    assertThat(response.message()).isNotBlank();
  }
}
