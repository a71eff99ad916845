package dev.cimanager.app.connectors;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cimanager.app.testing.ApiClient;
import dev.cimanager.app.testing.ApiResponse;
import dev.cimanager.app.testing.BuildFixtures;
import dev.cimanager.app.testing.TestApp;
import dev.cimanager.ssca.testing.IntegrationTest;
import dev.cimanager.ssca.testing.LocalRegistry;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

@IntegrationTest
class ConnectorManagementApiTest {
  @RegisterExtension static final TestApp APP = new TestApp();

  private static final LocalRegistry OPEN = LocalRegistry.start();
  private static final LocalRegistry LOCKED = LocalRegistry.withBasicAuth("ci", "s3cret");

  @TempDir static Path repository;

  @AfterAll
  static void stopRegistries() {
    OPEN.close();
    LOCKED.close();
  }

  private static Map<String, Object> registry(String id, String url, Map<String, Object> auth) {
    return Map.of(
        "identifier",
        id,
        "name",
        id,
        "type",
        "DockerRegistry",
        "spec",
        Map.of("dockerRegistryUrl", url, "providerType", "Other", "auth", auth));
  }

  private static Map<String, Object> usernamePassword(String user, String passwordRef) {
    return Map.of(
        "type", "UsernamePassword", "spec", Map.of("username", user, "passwordRef", passwordRef));
  }

  private static JsonNode test(ApiClient client, String path) {
    ApiResponse answer = client.postJson(path + "/test", Map.of());
    assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
    return answer.json();
  }

  @Test
  void update_replacesNameAndSpec_typeAndIdentifierStay_deleteRemoves() {
    ApiClient acme = APP.newAccount();
    acme.postJson(
        "/api/v1/connectors",
        registry("reg", "http://127.0.0.1:5000", Map.of("type", "Anonymous")));

    ApiResponse updated =
        acme.putJson(
            "/api/v1/connectors/reg",
            registry("reg", "https://registry.example.com", usernamePassword("ci", "account.pw")));
    ApiResponse typeChange =
        acme.putJson(
            "/api/v1/connectors/reg",
            Map.of(
                "identifier",
                "reg",
                "name",
                "r",
                "type",
                "Git",
                "spec",
                Map.of(
                    "url",
                    "https://example.com/a.git",
                    "connectionType",
                    "Repo",
                    "authentication",
                    Map.of("type", "Anonymous"))));
    ApiResponse badSpec =
        acme.putJson(
            "/api/v1/connectors/reg", registry("reg", "ftp://x", Map.of("type", "Anonymous")));
    ApiResponse otherId =
        acme.putJson(
            "/api/v1/connectors/reg",
            registry("other", "http://127.0.0.1:5000", Map.of("type", "Anonymous")));
    ApiResponse missing =
        acme.putJson(
            "/api/v1/connectors/nope",
            registry("nope", "http://127.0.0.1:5000", Map.of("type", "Anonymous")));

    assertThat(updated.status()).as(updated.toString()).isEqualTo(200);
    assertThat(acme.get("/api/v1/connectors/reg").json().at("/spec/auth/spec/username").asText())
        .isEqualTo("ci");
    assertThat(typeChange.status()).isEqualTo(400);
    assertThat(typeChange.message()).contains("type");
    assertThat(badSpec.status()).isEqualTo(400);
    assertThat(otherId.status()).isEqualTo(400);
    assertThat(missing.status()).isEqualTo(404);
    assertThat(missing.code()).isEqualTo("CONNECTOR_NOT_FOUND");

    assertThat(APP.newAccount().delete("/api/v1/connectors/reg").status()).isEqualTo(404);
    assertThat(acme.delete("/api/v1/connectors/reg").status()).isEqualTo(204);
    assertThat(acme.get("/api/v1/connectors/reg").status()).isEqualTo(404);
    assertThat(acme.delete("/api/v1/connectors/reg").status()).isEqualTo(404);
  }

  @Test
  void testConnection_registryReachableCredentialsAcceptedOrWhyNot() throws Exception {
    ApiClient acme = APP.newAccount();
    BuildFixtures.textSecret(acme, "good_pw", "s3cret");
    BuildFixtures.textSecret(acme, "bad_pw", "wrong");
    acme.postJson(
        "/api/v1/connectors", registry("open", OPEN.url().toString(), Map.of("type", "Anonymous")));
    acme.postJson(
        "/api/v1/connectors",
        registry("locked_anon", LOCKED.url().toString(), Map.of("type", "Anonymous")));
    acme.postJson(
        "/api/v1/connectors",
        registry(
            "locked_good", LOCKED.url().toString(), usernamePassword("ci", "account.good_pw")));
    acme.postJson(
        "/api/v1/connectors",
        registry("locked_bad", LOCKED.url().toString(), usernamePassword("ci", "account.bad_pw")));
    acme.postJson(
        "/api/v1/connectors",
        registry("no_secret", LOCKED.url().toString(), usernamePassword("ci", "account.nowhere")));
    int closedPort;
    try (ServerSocket socket = new ServerSocket(0)) {
      closedPort = socket.getLocalPort();
    }
    acme.postJson(
        "/api/v1/connectors",
        registry("down", "http://127.0.0.1:" + closedPort, Map.of("type", "Anonymous")));

    assertThat(test(acme, "/api/v1/connectors/open").get("ok").asBoolean()).isTrue();
    JsonNode anonymous = test(acme, "/api/v1/connectors/locked_anon");
    assertThat(anonymous.get("ok").asBoolean()).isFalse();
    assertThat(anonymous.get("message").asText()).contains("requires credentials");
    JsonNode good = test(acme, "/api/v1/connectors/locked_good");
    assertThat(good.get("ok").asBoolean()).as(good.toString()).isTrue();
    assertThat(good.get("message").asText()).contains("accepted the credentials");
    JsonNode bad = test(acme, "/api/v1/connectors/locked_bad");
    assertThat(bad.get("ok").asBoolean()).isFalse();
    assertThat(bad.get("message").asText()).contains("refused");
    JsonNode noSecret = test(acme, "/api/v1/connectors/no_secret");
    assertThat(noSecret.get("ok").asBoolean()).isFalse();
    assertThat(noSecret.get("message").asText()).contains("account.nowhere");
    JsonNode down = test(acme, "/api/v1/connectors/down");
    assertThat(down.get("ok").asBoolean()).isFalse();
    assertThat(down.get("message").asText()).contains("connection was refused");
    assertThat(acme.postJson("/api/v1/connectors/missing/test", Map.of()).status()).isEqualTo(404);
  }

  @Test
  void testConnection_git() throws Exception {
    BuildFixtures.commitScratchImage(repository);
    ApiClient acme = APP.newAccount();
    BuildFixtures.gitConnector(acme, "", "repo", repository.toUri());
    BuildFixtures.gitConnector(acme, "", "gone", repository.resolve("missing").toUri());

    JsonNode ok = test(acme, "/api/v1/connectors/repo");
    JsonNode gone = test(acme, "/api/v1/connectors/gone");

    assertThat(ok.get("ok").asBoolean()).as(ok.toString()).isTrue();
    assertThat(ok.get("message").asText()).contains("1 branch");
    assertThat(gone.get("ok").asBoolean()).isFalse();
    assertThat(gone.get("message").asText()).contains("No Git repository");
  }
}
