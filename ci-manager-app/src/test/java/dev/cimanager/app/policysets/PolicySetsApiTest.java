package dev.cimanager.app.policysets;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cimanager.app.accounts.Scope;
import dev.cimanager.app.testing.ApiClient;
import dev.cimanager.app.testing.ApiResponse;
import dev.cimanager.app.testing.TestApp;
import dev.cimanager.ssca.api.PolicySet;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Policy set CRUD at every scope, with the contract's example set and compile errors at save. */
class PolicySetsApiTest {
  @RegisterExtension static final TestApp APP = new TestApp();
  static final Path EXAMPLE = Path.of("/work/shared/contract/examples/policyset-release.json");

  private static ApiClient acme;

  @BeforeAll
  static void createAccount() {
    acme = APP.newAccount();
    acme.postJson("/api/v1/orgs/default/projects", Map.of("identifier", "app", "name", "App"));
  }

  @SuppressWarnings("unchecked")
  static Map<String, Object> example() throws Exception {
    return new ObjectMapper().readValue(Files.readString(EXAMPLE), Map.class);
  }

  private static Map<String, Object> set(String id, Map<String, Object>... policies) {
    return Map.of("identifier", id, "name", "Set " + id, "policies", List.of(policies));
  }

  private static Map<String, Object> policy(String id, String expression) {
    return Map.of(
        "identifier",
        id,
        "name",
        id,
        "expression",
        expression,
        "message",
        "denied by " + id,
        "severity",
        "error");
  }

  @Test
  void contractExample_createdAtEveryScope_thenReadUpdatedAndDeleted() throws Exception {
    for (String prefix : new String[] {"", "/orgs/default", "/orgs/default/projects/app"}) {
      ApiResponse created = acme.postJson("/api/v1" + prefix + "/policysets", example());
      assertThat(created.status()).as(prefix + " " + created.body()).isEqualTo(201);
      JsonNode got = acme.get("/api/v1" + prefix + "/policysets/release_policy").json();
      assertThat(got.get("identifier").asText()).isEqualTo("release_policy");
      assertThat(got.get("name").asText()).isEqualTo("Release policy");
      assertThat(got.get("policies")).hasSize(3);
      assertThat(got.get("policies").get(2).get("severity").asText()).isEqualTo("warning");
      assertThat(got.get("version").asLong()).isEqualTo(1);
    }
    assertThat(acme.get("/api/v1/policysets/release_policy").json().get("reference").asText())
        .isEqualTo("account.release_policy");
    assertThat(acme.get("/api/v1/orgs/default/policysets").json().get("policySets")).hasSize(1);

    ApiResponse updated =
        acme.putJson(
            "/api/v1/policysets/release_policy", set("release_policy", policy("only", "true")));
    assertThat(updated.status()).isEqualTo(200);
    assertThat(updated.json().get("version").asLong()).isEqualTo(2);
    assertThat(updated.json().get("policies")).hasSize(1);
    PolicySet resolved =
        APP.service(PolicySetService.class)
            .resolve(Scope.project(acme.accountId(), "default", "app"), "account.release_policy");
    assertThat(resolved.version()).isEqualTo(2);
    assertThat(resolved.reference()).isEqualTo("account.release_policy");

    assertThat(acme.delete("/api/v1/orgs/default/policysets/release_policy").status())
        .isEqualTo(204);
    assertThat(acme.get("/api/v1/orgs/default/policysets/release_policy").status()).isEqualTo(404);
  }

  @Test
  void expressionThatDoesNotCompile_is400InvalidPolicyNamingThePolicyAndPosition() {
    ApiResponse response =
        acme.postJson(
            "/api/v1/policysets",
            set(
                "broken",
                policy("ok", "true"),
                policy("bad_one", "predicate.buildDefinition.buildType.startsWith(")));

    assertThat(response.status()).isEqualTo(400);
    assertThat(response.json().get("code").asText()).isEqualTo("INVALID_POLICY");
    assertThat(response.json().get("message").asText())
        .contains("bad_one")
        .contains("line 1, column ");
    assertThat(acme.get("/api/v1/policysets/broken").status()).isEqualTo(404);
  }

  @Test
  void nonBooleanExpression_andBadSeverity_are400InvalidPolicy() {
    ApiResponse notBool =
        acme.postJson("/api/v1/policysets", set("nb", policy("count", "size(statement.subject)")));
    assertThat(notBool.status()).isEqualTo(400);
    assertThat(notBool.json().get("code").asText()).isEqualTo("INVALID_POLICY");
    assertThat(notBool.json().get("message").asText()).contains("count").contains("not bool");

    ApiResponse severity =
        acme.postJson(
            "/api/v1/policysets",
            Map.of(
                "identifier",
                "sev",
                "name",
                "S",
                "policies",
                List.of(Map.of("identifier", "p", "expression", "true", "severity", "fatal"))));
    assertThat(severity.status()).isEqualTo(400);
    assertThat(severity.json().get("message").asText()).contains("'p'").contains("severity");
  }

  @Test
  void duplicate_missingBody_andUnknownSet_answer4xx() {
    assertThat(acme.postJson("/api/v1/policysets", set("dup", policy("a", "true"))).status())
        .isEqualTo(201);
    ApiResponse duplicate = acme.postJson("/api/v1/policysets", set("dup", policy("a", "true")));
    assertThat(duplicate.status()).isEqualTo(409);
    assertThat(duplicate.json().get("code").asText()).isEqualTo("DUPLICATE_IDENTIFIER");
    assertThat(
            acme.putJson("/api/v1/policysets/missing", set("missing", policy("a", "true")))
                .status())
        .isEqualTo(404);
    assertThat(acme.delete("/api/v1/policysets/missing").status()).isEqualTo(404);
    assertThat(
            acme.postJson("/api/v1/policysets", Map.of("identifier", "np", "name", "N")).status())
        .isEqualTo(400);
  }
}
