package dev.cimanager.app.connectors;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpServer;
import dev.cimanager.app.testing.ApiClient;
import dev.cimanager.app.testing.BuildFixtures;
import dev.cimanager.app.testing.TestApp;
import dev.cimanager.ssca.testing.IntegrationTest;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * "Test connection" against a registry that answers 401 with a Bearer challenge (as Docker Hub
 * does): the credentials are checked at the token service it names, and whatever the servers answer
 * in their bodies is never repeated.
 */
@IntegrationTest
class RegistryTokenTestConnectionApiTest {
  @RegisterExtension static final TestApp APP = new TestApp();

  private static final String BODY = "<html>REMOTE_BODY_MUST_NOT_LEAK</html>";
  private static HttpServer server;
  private static String url;

  @BeforeAll
  static void startRegistryWithTokenService() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    url = "http://127.0.0.1:" + server.getAddress().getPort();
    server.createContext(
        "/v2/",
        exchange -> {
          if ("Bearer granted".equals(exchange.getRequestHeaders().getFirst("Authorization"))) {
            answer(exchange, 200);
            return;
          }
          exchange
              .getResponseHeaders()
              .add(
                  "WWW-Authenticate",
                  "Bearer realm=\"" + url + "/token\",service=\"test-registry\"");
          answer(exchange, 401);
        });
    server.createContext(
        "/token",
        exchange -> {
          String expected =
              "Basic "
                  + Base64.getEncoder().encodeToString("ci:right".getBytes(StandardCharsets.UTF_8));
          boolean service =
              String.valueOf(exchange.getRequestURI().getRawQuery())
                  .startsWith("service=test-registry&");
          if (service && expected.equals(exchange.getRequestHeaders().getFirst("Authorization"))) {
            byte[] token = "{\"token\":\"granted\"}".getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, token.length);
            try (OutputStream out = exchange.getResponseBody()) {
              out.write(token);
            }
            return;
          }
          answer(exchange, 401);
        });
    server.start();
  }

  @AfterAll
  static void stop() {
    server.stop(0);
  }

  private static void answer(com.sun.net.httpserver.HttpExchange exchange, int status)
      throws IOException {
    byte[] body = BODY.getBytes(StandardCharsets.UTF_8);
    exchange.sendResponseHeaders(status, body.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(body);
    }
  }

  private static JsonNode test(ApiClient client, String id, String passwordRef) {
    Map<String, Object> auth =
        passwordRef == null
            ? Map.of("type", "Anonymous")
            : Map.of(
                "type",
                "UsernamePassword",
                "spec",
                Map.of("username", "ci", "passwordRef", passwordRef));
    client.postJson(
        "/api/v1/connectors",
        Map.of(
            "identifier",
            id,
            "name",
            id,
            "type",
            "DockerRegistry",
            "spec",
            Map.of("dockerRegistryUrl", url, "providerType", "DockerHub", "auth", auth)));
    return client.postJson("/api/v1/connectors/" + id + "/test", Map.of()).json();
  }

  @Test
  void bearerChallenge_credentialsCheckedAtTheTokenService_bodiesNeverRepeated() {
    ApiClient acme = APP.newAccount();
    BuildFixtures.textSecret(acme, "right", "right");
    BuildFixtures.textSecret(acme, "wrong", "wrong");

    JsonNode good = test(acme, "good", "account.right");
    JsonNode bad = test(acme, "bad", "account.wrong");
    JsonNode anonymous = test(acme, "anon", null);

    assertThat(good.get("ok").asBoolean()).as(good.toString()).isTrue();
    assertThat(good.get("message").asText()).contains("accepted the credentials");
    assertThat(bad.get("ok").asBoolean()).isFalse();
    assertThat(bad.get("message").asText()).contains("refused the username and password");
    assertThat(anonymous.get("ok").asBoolean()).isFalse();
    assertThat(anonymous.get("message").asText()).contains("use Username and password");
    assertThat(good.toString() + bad + anonymous)
        .doesNotContain("REMOTE_BODY")
        .doesNotContain("right\"");
  }
}
