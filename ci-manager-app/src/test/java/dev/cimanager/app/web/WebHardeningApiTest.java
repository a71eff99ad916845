package dev.cimanager.app.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cimanager.app.testing.TestApp;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Security headers on API and UI answers; admin tasks need the admin token, health checks stay
 * open.
 */
class WebHardeningApiTest {
  @RegisterExtension static final TestApp APP = new TestApp();
  private static final HttpClient HTTP = HttpClient.newHttpClient();

  private static HttpResponse<String> send(String url, String method, String token)
      throws Exception {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(url)).method(method, HttpRequest.BodyPublishers.noBody());
    if (token != null) {
      request.header("Authorization", "Bearer " + token);
    }
    return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void everyAnswer_carriesTheSecurityHeaders() throws Exception {
    for (String path : List.of("/api/v1/me", "/ui/", "/ui/js/app.js", "/api/v1/no-such-thing")) {
      HttpResponse<String> response = send(APP.baseUrl() + path, "GET", null);

      assertThat(response.headers().firstValue("X-Content-Type-Options"))
          .as(path)
          .hasValue("nosniff");
      assertThat(response.headers().firstValue("X-Frame-Options")).as(path).hasValue("DENY");
      assertThat(response.headers().firstValue("Referrer-Policy")).as(path).hasValue("no-referrer");
      assertThat(response.headers().firstValue("Content-Security-Policy"))
          .as(path)
          .get()
          .asString()
          .contains("frame-ancestors 'none'")
          .contains("script-src 'self'")
          .contains("default-src 'none'");
    }
  }

  @Test
  void uiPage_hasNoInlineScript() throws Exception {
    String page = send(APP.baseUrl() + "/ui/", "GET", null).body();

    assertThat(page).doesNotContainPattern("<script(?![^>]*\\bsrc=)[^>]*>");
  }

  @Test
  void adminTasks_needTheAdminToken() throws Exception {
    String logLevel = APP.adminUrl() + "/tasks/log-level?logger=dev.cimanager&level=OFF";

    HttpResponse<String> anonymous = send(logLevel, "POST", null);
    HttpResponse<String> wrong = send(APP.adminUrl() + "/tasks/gc", "POST", "not-the-token");
    HttpResponse<String> admin = send(APP.adminUrl() + "/tasks/gc", "POST", TestApp.ADMIN_TOKEN);

    assertThat(anonymous.statusCode()).isEqualTo(401);
    assertThat(anonymous.body()).contains("\"code\":\"UNAUTHORIZED\"").contains("admin token");
    assertThat(wrong.statusCode()).isEqualTo(401);
    assertThat(admin.statusCode()).isEqualTo(200);
    assertThat(org.slf4j.LoggerFactory.getLogger("dev.cimanager").isInfoEnabled()).isTrue();
    assertThat(send(APP.adminUrl() + "/healthcheck", "GET", null).statusCode()).isEqualTo(200);
    assertThat(send(APP.adminUrl() + "/metrics", "GET", null).statusCode()).isEqualTo(200);
  }
}
