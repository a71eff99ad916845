package dev.cimanager.app.accounts;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cimanager.app.testing.ApiClient;
import dev.cimanager.app.testing.ApiResponse;
import dev.cimanager.app.testing.TestApp;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class RenameApiTest {
  @RegisterExtension static final TestApp APP = new TestApp();

  @Test
  void renamesOrgsAndProjects_identifiersStay() {
    ApiClient acme = APP.newAccount();
    acme.postJson("/api/v1/orgs", Map.of("identifier", "eng", "name", "Engineering"));
    acme.postJson("/api/v1/orgs/eng/projects", Map.of("identifier", "app", "name", "App"));

    ApiResponse org = acme.putJson("/api/v1/orgs/eng", Map.of("name", "Platform engineering"));
    ApiResponse project =
        acme.putJson(
            "/api/v1/orgs/eng/projects/app", Map.of("identifier", "app", "name", "The app"));

    assertThat(org.status()).as(org.toString()).isEqualTo(200);
    assertThat(project.status()).as(project.toString()).isEqualTo(200);
    assertThat(acme.get("/api/v1/orgs/eng").json().get("name").asText())
        .isEqualTo("Platform engineering");
    assertThat(acme.get("/api/v1/orgs/eng/projects").json().at("/projects/0/name").asText())
        .isEqualTo("The app");
  }

  @Test
  void rename_badInputAndOtherAccounts() {
    ApiClient acme = APP.newAccount();
    ApiClient other = APP.newAccount();
    acme.postJson("/api/v1/orgs/default/projects", Map.of("identifier", "app", "name", "App"));

    ApiResponse blank = acme.putJson("/api/v1/orgs/default", Map.of("name", " "));
    ApiResponse changedId =
        acme.putJson("/api/v1/orgs/default/projects/app", Map.of("identifier", "x", "name", "X"));
    ApiResponse foreign =
        other.putJson("/api/v1/orgs/default/projects/app", Map.of("name", "Mine"));

    assertThat(blank.status()).isEqualTo(400);
    assertThat(blank.message()).contains("name");
    assertThat(changedId.status()).isEqualTo(400);
    assertThat(changedId.message()).contains("identifier");
    assertThat(foreign.status()).isEqualTo(404);
    assertThat(acme.get("/api/v1/orgs/default/projects/app").json().get("name").asText())
        .isEqualTo("App");
  }
}
