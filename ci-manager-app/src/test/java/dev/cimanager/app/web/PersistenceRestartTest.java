package dev.cimanager.app.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cimanager.app.accounts.Scope;
import dev.cimanager.app.secrets.SecretService;
import dev.cimanager.app.testing.ApiClient;
import dev.cimanager.app.testing.TestApp;
import dev.cimanager.contracts.secrets.SecretType;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Everything written survives a restart on the same data directory (embedded Mongo file, dev key).
 */
class PersistenceRestartTest {
  @RegisterExtension static final TestApp APP = new TestApp();

  @Test
  void restart_keepsAccountsOrgsProjectsSecretsAndConnectors() throws Exception {
    ApiClient acme = APP.newAccount("persisted");
    acme.postJson("/api/v1/orgs", Map.of("identifier", "eng", "name", "Engineering"));
    acme.postJson("/api/v1/orgs/eng/projects", Map.of("identifier", "app", "name", "App"));
    acme.postJson(
        "/api/v1/orgs/eng/secrets/text", Map.of("identifier", "pw", "name", "PW", "value", "kept"));
    acme.postJson(
        "/api/v1/connectors",
        """
        {"identifier":"reg","name":"Reg","type":"DockerRegistry",
         "spec":{"dockerRegistryUrl":"http://127.0.0.1:5000","providerType":"Other","auth":{"type":"Anonymous"}}}""");

    APP.restart();

    ApiClient again = APP.client(acme.token());
    assertThat(again.get("/api/v1/me").json().get("accountIdentifier").asText())
        .isEqualTo("persisted");
    assertThat(again.get("/api/v1/orgs").json().get("orgs").findValuesAsText("identifier"))
        .containsExactly("default", "eng");
    assertThat(
            again
                .get("/api/v1/orgs/eng/projects")
                .json()
                .get("projects")
                .findValuesAsText("identifier"))
        .containsExactly("app");
    assertThat(again.get("/api/v1/connectors/reg").status()).isEqualTo(200);
    assertThat(
            APP.service(SecretService.class)
                .resolve(Scope.project("persisted", "eng", "app"), "org.pw", SecretType.SecretText)
                .valueAsString())
        .isEqualTo("kept");
  }
}
