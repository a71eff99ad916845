package dev.cimanager.app.provenance;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cimanager.app.accounts.Scope;
import dev.cimanager.app.secrets.ResolvedSecret;
import dev.cimanager.app.secrets.SecretService;
import dev.cimanager.app.testing.ApiClient;
import dev.cimanager.app.testing.ApiResponse;
import dev.cimanager.app.testing.TestApp;
import dev.cimanager.contracts.secrets.SecretType;
import dev.cimanager.ssca.signing.PublicKeys;
import dev.cimanager.ssca.signing.SigningKeys;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class CosignKeyPairApiTest {
  @RegisterExtension static final TestApp APP = new TestApp();

  private static Map<String, Object> body(String prefix, String password) {
    Map<String, Object> body =
        new java.util.HashMap<>(
            Map.of(
                "privateKey", Map.of("identifier", prefix + "_key", "name", "Cosign private key"),
                "publicKey", Map.of("identifier", prefix + "_pub"),
                "password", Map.of("identifier", prefix + "_pw", "name", "Cosign password")));
    if (password != null) {
      body.put("passwordValue", password);
    }
    return body;
  }

  @Test
  void createsThreeSecrets_theKeyOpensWithThePassword_answersOnlyThePublicKey() throws Exception {
    ApiClient acme = APP.newAccount();
    acme.postJson("/api/v1/orgs/default/projects", Map.of("identifier", "app", "name", "App"));

    ApiResponse created =
        acme.postJson(
            "/api/v1/orgs/default/projects/app/secrets/cosign-key-pair",
            body("cosign", "typed password"));

    assertThat(created.status()).as(created.toString()).isEqualTo(201);
    JsonNode json = created.json();
    assertThat(json.at("/privateKey/type").asText()).isEqualTo("SecretFile");
    assertThat(json.at("/privateKey/reference").asText()).isEqualTo("cosign_key");
    assertThat(json.at("/publicKey/name").asText()).isEqualTo("cosign_pub");
    assertThat(json.at("/password/type").asText()).isEqualTo("SecretText");
    assertThat(json.get("passwordGenerated").asBoolean()).isFalse();
    assertThat(json.get("publicKeyPem").asText()).startsWith("-----BEGIN PUBLIC KEY-----");
    assertThat(created.body()).doesNotContain("PRIVATE KEY").doesNotContain("typed password");

    Scope project = Scope.project(acme.accountId(), "default", "app");
    SecretService secrets = APP.service(SecretService.class);
    ResolvedSecret key = secrets.resolve(project, "cosign_key", SecretType.SecretFile);
    ResolvedSecret password = secrets.resolve(project, "cosign_pw", SecretType.SecretText);
    assertThat(new String(key.value(), StandardCharsets.US_ASCII))
        .contains("ENCRYPTED SIGSTORE PRIVATE KEY");
    assertThat(new String(password.value(), StandardCharsets.UTF_8)).isEqualTo("typed password");
    // the stored private key decrypts with the stored password, and matches the answered public key
    var signer = SigningKeys.load(key.value(), password.value());
    assertThat(PublicKeys.toPem(signer.publicKey()).strip())
        .isEqualTo(json.get("publicKeyPem").asText().strip());
  }

  @Test
  void generatesThePasswordWhenAbsent() {
    ApiClient acme = APP.newAccount();

    ApiResponse created = acme.postJson("/api/v1/secrets/cosign-key-pair", body("gen", null));

    assertThat(created.status()).as(created.toString()).isEqualTo(201);
    assertThat(created.json().get("passwordGenerated").asBoolean()).isTrue();
    ResolvedSecret password =
        APP.service(SecretService.class)
            .resolve(Scope.account(acme.accountId()), "account.gen_pw", SecretType.SecretText);
    assertThat(password.value()).hasSizeGreaterThanOrEqualTo(32);
    assertThat(created.body())
        .doesNotContain(new String(password.value(), StandardCharsets.US_ASCII));
  }

  @Test
  void allOrNothing_anExistingSecretCreatesNone_badInputNamesTheField() {
    ApiClient acme = APP.newAccount();
    acme.postJson(
        "/api/v1/secrets/text", Map.of("identifier", "dup_pw", "name", "taken", "value", "x"));

    ApiResponse conflict = acme.postJson("/api/v1/secrets/cosign-key-pair", body("dup", "p"));
    ApiResponse badId =
        acme.postJson(
            "/api/v1/secrets/cosign-key-pair",
            Map.of(
                "privateKey",
                Map.of("identifier", "a-b"),
                "publicKey",
                Map.of("identifier", "p"),
                "password",
                Map.of("identifier", "w")));
    ApiResponse missing =
        acme.postJson(
            "/api/v1/secrets/cosign-key-pair", Map.of("privateKey", Map.of("identifier", "k")));
    ApiResponse sameIds =
        acme.postJson(
            "/api/v1/secrets/cosign-key-pair",
            Map.of(
                "privateKey",
                Map.of("identifier", "k"),
                "publicKey",
                Map.of("identifier", "k"),
                "password",
                Map.of("identifier", "w")));
    ApiResponse foreignOrg =
        acme.postJson("/api/v1/orgs/nowhere/secrets/cosign-key-pair", body("x", "p"));

    assertThat(conflict.status()).isEqualTo(409);
    assertThat(conflict.message()).contains("password.identifier").contains("dup_pw");
    assertThat(acme.get("/api/v1/secrets/dup_key").status()).isEqualTo(404);
    assertThat(acme.get("/api/v1/secrets/dup_pub").status()).isEqualTo(404);
    assertThat(badId.status()).isEqualTo(400);
    assertThat(badId.message()).contains("privateKey.identifier");
    assertThat(missing.status()).isEqualTo(400);
    assertThat(missing.message()).contains("publicKey");
    assertThat(sameIds.status()).isEqualTo(400);
    assertThat(foreignOrg.status()).isEqualTo(404);
  }
}
