package dev.cimanager.app.accounts;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cimanager.app.testing.ApiClient;
import dev.cimanager.app.testing.ApiResponse;
import dev.cimanager.app.testing.TestApp;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class AccountsApiTest {
  @RegisterExtension static final TestApp APP = new TestApp();

  @Test
  void createAccount_returnsTokenActingAsTheUser() {
    ApiResponse created =
        APP.admin()
            .postJson(
                "/api/v1/accounts",
                Map.of(
                    "identifier",
                    "acme",
                    "name",
                    "Acme",
                    "user",
                    Map.of("name", "ann", "email", "ann@acme.io")));

    assertThat(created.status()).isEqualTo(201);
    assertThat(created.json().get("identifier").asText()).isEqualTo("acme");
    ApiClient ann = APP.client(created.json().get("token").asText());
    JsonNode me = ann.get("/api/v1/me").json();
    assertThat(me.get("accountIdentifier").asText()).isEqualTo("acme");
    assertThat(me.get("userName").asText()).isEqualTo("ann");
    assertThat(me.get("userEmail").asText()).isEqualTo("ann@acme.io");
    assertThat(ann.get("/api/v1/orgs").json().get("orgs").findValuesAsText("identifier"))
        .containsExactly("default");
  }

  @Test
  void createAccount_duplicateIdentifier() {
    APP.newAccount("dup_account");

    ApiResponse again =
        APP.admin()
            .postJson(
                "/api/v1/accounts",
                Map.of(
                    "identifier",
                    "dup_account",
                    "name",
                    "D",
                    "user",
                    Map.of("name", "u", "email", "u@x.io")));

    assertThat(again.status()).isEqualTo(409);
    assertThat(again.code()).isEqualTo("DUPLICATE_IDENTIFIER");
    assertThat(again.message()).contains("dup_account");
  }

  @Test
  void createAccount_wrongOrMissingAdminToken() {
    Map<String, Object> body =
        Map.of("identifier", "x1", "name", "X", "user", Map.of("name", "u", "email", "u@x.io"));
    ApiClient user = APP.newAccount();

    assertThat(APP.anonymous().postJson("/api/v1/accounts", body).status()).isEqualTo(401);
    ApiResponse asUser = user.postJson("/api/v1/accounts", body);
    assertThat(asUser.status()).isEqualTo(401);
    assertThat(asUser.code()).isEqualTo("UNAUTHORIZED");
  }

  @Test
  void createAccount_badInput() {
    ApiResponse badIdentifier =
        APP.admin()
            .postJson(
                "/api/v1/accounts",
                Map.of(
                    "identifier",
                    "9lives",
                    "name",
                    "X",
                    "user",
                    Map.of("name", "u", "email", "u@x.io")));
    ApiResponse missingUser =
        APP.admin().postJson("/api/v1/accounts", Map.of("identifier", "okay", "name", "X"));
    ApiResponse badEmail =
        APP.admin()
            .postJson(
                "/api/v1/accounts",
                Map.of(
                    "identifier",
                    "okay",
                    "name",
                    "X",
                    "user",
                    Map.of("name", "u", "email", "nope")));

    assertThat(badIdentifier.status()).isEqualTo(400);
    assertThat(badIdentifier.code()).isEqualTo("INVALID_IDENTIFIER");
    assertThat(badIdentifier.message()).contains("identifier", "9lives");
    assertThat(missingUser.status()).isEqualTo(400);
    assertThat(missingUser.message()).contains("user");
    assertThat(badEmail.status()).isEqualTo(400);
    assertThat(badEmail.message()).contains("user.email");
  }

  @Test
  void me_missingOrInvalidToken() {
    ApiResponse missing = APP.anonymous().get("/api/v1/me");
    ApiResponse invalid = APP.client("cim_not_a_token").get("/api/v1/me");

    assertThat(missing.status()).isEqualTo(401);
    assertThat(missing.code()).isEqualTo("UNAUTHORIZED");
    assertThat(invalid.status()).isEqualTo(401);
    assertThat(invalid.code()).isEqualTo("UNAUTHORIZED");
    assertThat(invalid.message()).isNotBlank();
  }

  @Test
  void orgsAndProjects_roundTrip() {
    ApiClient acme = APP.newAccount();

    assertThat(
            acme.postJson("/api/v1/orgs", Map.of("identifier", "eng", "name", "Engineering"))
                .status())
        .isEqualTo(201);
    ApiResponse project =
        acme.postJson("/api/v1/orgs/eng/projects", Map.of("identifier", "app", "name", "App"));

    assertThat(project.status()).isEqualTo(201);
    assertThat(acme.get("/api/v1/orgs").json().get("orgs").findValuesAsText("identifier"))
        .containsExactly("default", "eng");
    JsonNode projects = acme.get("/api/v1/orgs/eng/projects").json().get("projects");
    assertThat(projects).hasSize(1);
    assertThat(projects.get(0).get("identifier").asText()).isEqualTo("app");
    assertThat(projects.get(0).get("name").asText()).isEqualTo("App");
    assertThat(projects.get(0).get("orgIdentifier").asText()).isEqualTo("eng");
  }

  @Test
  void createOrg_duplicateAndBadIdentifier() {
    ApiClient acme = APP.newAccount();

    ApiResponse duplicate =
        acme.postJson("/api/v1/orgs", Map.of("identifier", "default", "name", "D"));
    ApiResponse bad = acme.postJson("/api/v1/orgs", Map.of("identifier", "has-dash", "name", "D"));
    ApiResponse missingName = acme.postJson("/api/v1/orgs", Map.of("identifier", "ok"));

    assertThat(duplicate.status()).isEqualTo(409);
    assertThat(duplicate.code()).isEqualTo("DUPLICATE_IDENTIFIER");
    assertThat(duplicate.message()).contains("default");
    assertThat(bad.status()).isEqualTo(400);
    assertThat(bad.message()).contains("has-dash");
    assertThat(missingName.status()).isEqualTo(400);
    assertThat(missingName.message()).isEqualTo("name is required");
  }

  @Test
  void createProject_duplicateAndUnknownOrg() {
    ApiClient acme = APP.newAccount();
    acme.postJson("/api/v1/orgs/default/projects", Map.of("identifier", "p", "name", "P"));

    ApiResponse duplicate =
        acme.postJson("/api/v1/orgs/default/projects", Map.of("identifier", "p", "name", "P"));
    ApiResponse unknownOrg =
        acme.postJson("/api/v1/orgs/nope/projects", Map.of("identifier", "p", "name", "P"));

    assertThat(duplicate.status()).isEqualTo(409);
    assertThat(duplicate.message()).contains("'p'");
    assertThat(unknownOrg.status()).isEqualTo(404);
    assertThat(unknownOrg.code()).isEqualTo("ORG_NOT_FOUND");
  }

  @Test
  void otherAccountsOrg_isNotFound() {
    ApiClient acme = APP.newAccount();
    ApiClient other = APP.newAccount();
    acme.postJson("/api/v1/orgs", Map.of("identifier", "secret_org", "name", "S"));

    ApiResponse projects = other.get("/api/v1/orgs/secret_org/projects");
    ApiResponse create =
        other.postJson("/api/v1/orgs/secret_org/projects", Map.of("identifier", "p", "name", "P"));

    assertThat(projects.status()).isEqualTo(404);
    assertThat(create.status()).isEqualTo(404);
    assertThat(other.get("/api/v1/orgs").json().get("orgs").findValuesAsText("identifier"))
        .containsExactly("default");
  }
}
