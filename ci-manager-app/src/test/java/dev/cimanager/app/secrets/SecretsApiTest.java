package dev.cimanager.app.secrets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import dev.cimanager.app.accounts.Scope;
import dev.cimanager.app.testing.ApiClient;
import dev.cimanager.app.testing.ApiResponse;
import dev.cimanager.app.testing.TestApp;
import dev.cimanager.contracts.secrets.SecretType;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.bson.Document;
import org.bson.types.Binary;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class SecretsApiTest {
  @RegisterExtension static final TestApp APP = new TestApp();

  private static final String PASSWORD = "correct horse battery staple";
  private static final byte[] KEY_FILE =
      "-----BEGIN ENCRYPTED SIGSTORE PRIVATE KEY-----\nc2VjcmV0LWtleS1ieXRlcw==\n-----END ENCRYPTED SIGSTORE PRIVATE KEY-----\n"
          .getBytes(StandardCharsets.UTF_8);

  private static ApiClient acme;

  @BeforeAll
  static void createAccount() {
    acme = APP.newAccount();
    acme.postJson("/api/v1/orgs/default/projects", Map.of("identifier", "app", "name", "App"));
  }

  @Test
  void createText_atEveryScope_returnsMetadataWithoutValue() {
    for (String prefix : new String[] {"", "/orgs/default", "/orgs/default/projects/app"}) {
      ApiResponse created =
          acme.postJson(
              "/api/v1" + prefix + "/secrets/text",
              Map.of("identifier", "pw_text", "name", "Password", "value", PASSWORD));

      assertThat(created.status()).as(prefix).isEqualTo(201);
      assertThat(created.body()).doesNotContain(PASSWORD);
      JsonNode got = acme.get("/api/v1" + prefix + "/secrets/pw_text").json();
      assertThat(got.get("identifier").asText()).isEqualTo("pw_text");
      assertThat(got.get("name").asText()).isEqualTo("Password");
      assertThat(got.get("type").asText()).isEqualTo("SecretText");
      assertThat(got.get("version").asLong()).isEqualTo(1);
      assertThat(got.has("value")).isFalse();
    }
    assertThat(acme.get("/api/v1/secrets/pw_text").json().get("reference").asText())
        .isEqualTo("account.pw_text");
    assertThat(acme.get("/api/v1/orgs/default/secrets/pw_text").json().get("reference").asText())
        .isEqualTo("org.pw_text");
    assertThat(
            acme.get("/api/v1/orgs/default/projects/app/secrets/pw_text")
                .json()
                .get("scope")
                .asText())
        .isEqualTo("project");
  }

  @Test
  void createFile_multipart_roundTripsThroughSecretService() {
    ApiResponse created =
        acme.postMultipart(
            "/api/v1/secrets/file",
            Map.of("identifier", "cosign_key", "name", "Cosign key"),
            "file",
            KEY_FILE);

    assertThat(created.status()).isEqualTo(201);
    assertThat(created.json().get("type").asText()).isEqualTo("SecretFile");
    ResolvedSecret resolved =
        APP.service(SecretService.class)
            .resolve(
                Scope.project(acme.accountId(), "default", "app"),
                "account.cosign_key",
                SecretType.SecretFile);
    assertThat(resolved.value()).isEqualTo(KEY_FILE);
    assertThat(resolved.version()).isEqualTo(1);
    assertThat(resolved.toString()).doesNotContain("secret-key");
  }

  @Test
  void put_createsNewVersionAndNewValue() {
    acme.postJson(
        "/api/v1/orgs/default/secrets/text",
        Map.of("identifier", "rotating", "name", "R", "value", "v1"));

    ApiResponse updated =
        acme.putJson(
            "/api/v1/orgs/default/secrets/rotating",
            Map.of("identifier", "rotating", "name", "R2", "value", "v2"));

    assertThat(updated.status()).isEqualTo(200);
    assertThat(updated.json().get("version").asLong()).isEqualTo(2);
    assertThat(updated.json().get("name").asText()).isEqualTo("R2");
    ResolvedSecret resolved =
        APP.service(SecretService.class)
            .resolve(
                Scope.project(acme.accountId(), "default", "app"),
                "org.rotating",
                SecretType.SecretText);
    assertThat(resolved.valueAsString()).isEqualTo("v2");
    assertThat(resolved.version()).isEqualTo(2);
  }

  @Test
  void putFile_multipart_andTypeMismatch() {
    acme.postMultipart(
        "/api/v1/secrets/file", Map.of("identifier", "kf", "name", "K"), "file", new byte[] {1, 2});

    ApiResponse updated =
        acme.putMultipart("/api/v1/secrets/kf", Map.of("name", "K"), "file", new byte[] {3});
    ApiResponse asText = acme.putJson("/api/v1/secrets/kf", Map.of("name", "K", "value", "x"));

    assertThat(updated.status()).isEqualTo(200);
    assertThat(updated.json().get("version").asLong()).isEqualTo(2);
    assertThat(asText.status()).isEqualTo(400);
    assertThat(asText.code()).isEqualTo("SECRET_TYPE_MISMATCH");
  }

  @Test
  void delete_removesSecret() {
    acme.postJson(
        "/api/v1/secrets/text", Map.of("identifier", "doomed", "name", "D", "value", "x"));

    assertThat(acme.delete("/api/v1/secrets/doomed").status()).isEqualTo(204);
    ApiResponse gone = acme.get("/api/v1/secrets/doomed");
    assertThat(gone.status()).isEqualTo(404);
    assertThat(gone.code()).isEqualTo("SECRET_NOT_FOUND");
    assertThat(acme.delete("/api/v1/secrets/doomed").status()).isEqualTo(404);
  }

  @Test
  void list_filtersByTypeAndShowsScopeAndReference() {
    ApiClient fresh = APP.newAccount();
    fresh.postJson(
        "/api/v1/secrets/text", Map.of("identifier", "a_text", "name", "A", "value", "1"));
    fresh.postMultipart(
        "/api/v1/secrets/file",
        Map.of("identifier", "b_file", "name", "B"),
        "file",
        new byte[] {9});

    JsonNode all = fresh.get("/api/v1/secrets").json().get("secrets");
    JsonNode files = fresh.get("/api/v1/secrets?type=SecretFile").json().get("secrets");
    ApiResponse badType = fresh.get("/api/v1/secrets?type=Nope");

    assertThat(all.findValuesAsText("identifier")).containsExactly("a_text", "b_file");
    assertThat(files.findValuesAsText("identifier")).containsExactly("b_file");
    assertThat(files.get(0).get("scope").asText()).isEqualTo("account");
    assertThat(files.get(0).get("reference").asText()).isEqualTo("account.b_file");
    assertThat(badType.status()).isEqualTo(400);
    assertThat(badType.message()).contains("Nope");
  }

  @Test
  void read_oldVersionsCiphertextReplayedOntoTheCurrentVersion_failsToDecrypt() {
    acme.postJson(
        "/api/v1/secrets/text",
        Map.of("identifier", "replayed", "name", "R", "value", "old-value"));
    var secrets = APP.service(MongoDatabase.class).getCollection("secrets");
    var id = Filters.eq("_id", acme.accountId() + ":replayed");
    Document version1 = secrets.find(id).first();
    acme.putJson("/api/v1/secrets/replayed", Map.of("name", "R", "value", "new-value"));

    secrets.updateOne(
        id,
        new Document(
            "$set",
            new Document("wrappedKey", version1.get("wrappedKey"))
                .append("ciphertext", version1.get("ciphertext"))));

    assertThatThrownBy(
            () ->
                APP.service(SecretService.class)
                    .resolve(
                        Scope.account(acme.accountId()), "account.replayed", SecretType.SecretText))
        .hasMessage(
            "tried to decrypt secret "
                + acme.accountId()
                + ":replayed version 2 but failed: wrong master key,"
                + " or the stored ciphertext is not this secret version's (tampered, or copied from another secret or"
                + " version)");
  }

  @Test
  void storedDocument_isEncryptedAtRest() {
    String value = "plaintext-that-must-not-be-stored-" + System.nanoTime();
    acme.postJson(
        "/api/v1/secrets/text", Map.of("identifier", "at_rest", "name", "AR", "value", value));

    Document raw =
        APP.service(MongoDatabase.class)
            .getCollection("secrets")
            .find(Filters.eq("_id", acme.accountId() + ":at_rest"))
            .first();

    assertThat(raw).isNotNull();
    assertThat(raw.toJson()).doesNotContain(value);
    byte[] ciphertext = raw.get("ciphertext", Binary.class).getData();
    assertThat(new String(ciphertext, StandardCharsets.ISO_8859_1)).doesNotContain(value);
    assertThat(ciphertext.length).isGreaterThanOrEqualTo(value.length() + 12 + 16);
  }

  @Test
  void create_badInput() {
    acme.postJson("/api/v1/secrets/text", Map.of("identifier", "dup_s", "name", "D", "value", "1"));

    ApiResponse duplicate =
        acme.postJson(
            "/api/v1/secrets/text", Map.of("identifier", "dup_s", "name", "D", "value", "1"));
    ApiResponse noValue =
        acme.postJson("/api/v1/secrets/text", Map.of("identifier", "nv", "name", "N"));
    ApiResponse badId =
        acme.postJson(
            "/api/v1/secrets/text", Map.of("identifier", "a.b", "name", "N", "value", "1"));
    ApiResponse noFile =
        acme.postMultipart(
            "/api/v1/secrets/file", Map.of("identifier", "nf", "name", "N"), null, null);
    ApiResponse unknownProject =
        acme.postJson(
            "/api/v1/orgs/default/projects/nope/secrets/text",
            Map.of("identifier", "x", "name", "N", "value", "1"));

    assertThat(duplicate.status()).isEqualTo(409);
    assertThat(duplicate.code()).isEqualTo("DUPLICATE_IDENTIFIER");
    assertThat(duplicate.message()).contains("dup_s");
    assertThat(noValue.status()).isEqualTo(400);
    assertThat(noValue.message()).contains("value");
    assertThat(badId.status()).isEqualTo(400);
    assertThat(badId.message()).contains("a.b");
    assertThat(noFile.status()).isEqualTo(400);
    assertThat(noFile.message()).contains("file");
    assertThat(unknownProject.status()).isEqualTo(404);
    assertThat(unknownProject.code()).isEqualTo("PROJECT_NOT_FOUND");
  }

  @Test
  void createFile_badMultipart_isInvalidMultipart() {
    byte[] garbage = "not multipart at all".getBytes(StandardCharsets.UTF_8);

    ApiResponse noBoundary =
        acme.send("POST", "/api/v1/secrets/file", "multipart/form-data", garbage);
    ApiResponse badParts =
        acme.send(
            "POST",
            "/api/v1/orgs/default/secrets/file",
            "multipart/form-data; boundary=xyz",
            garbage);

    for (ApiResponse response : java.util.List.of(noBoundary, badParts)) {
      assertThat(response.status()).as(response.toString()).isEqualTo(400);
      assertThat(response.code()).isEqualTo("INVALID_MULTIPART");
      assertThat(response.message())
          .startsWith("the body is not valid multipart/form-data: ")
          .endsWith("; send the parts identifier, name and file");
    }
  }

  @Test
  void create_emptyTextValueIsValid() {
    ApiResponse created =
        acme.postJson(
            "/api/v1/secrets/text", Map.of("identifier", "empty_pw", "name", "E", "value", ""));

    assertThat(created.status()).isEqualTo(201);
    assertThat(
            APP.service(SecretService.class)
                .resolve(Scope.account(acme.accountId()), "account.empty_pw", SecretType.SecretText)
                .value())
        .isEmpty();
  }

  @Test
  void create_tooLarge() {
    ApiResponse text =
        acme.postJson(
            "/api/v1/secrets/text",
            Map.of("identifier", "big_t", "name", "B", "value", "x".repeat(64 * 1024 + 1)));
    ApiResponse file =
        acme.postMultipart(
            "/api/v1/secrets/file",
            Map.of("identifier", "big_f", "name", "B"),
            "file",
            new byte[1024 * 1024 + 1]);

    assertThat(text.status()).isEqualTo(413);
    assertThat(text.code()).isEqualTo("SECRET_TOO_LARGE");
    assertThat(file.status()).isEqualTo(413);
    assertThat(file.code()).isEqualTo("SECRET_TOO_LARGE");
    assertThat(acme.get("/api/v1/secrets/big_t").status()).isEqualTo(404);
  }

  @Test
  void otherAccount_seesNotFound() {
    acme.postJson("/api/v1/secrets/text", Map.of("identifier", "mine", "name", "M", "value", "1"));
    ApiClient other = APP.newAccount();

    assertThat(other.get("/api/v1/secrets/mine").status()).isEqualTo(404);
    assertThat(other.delete("/api/v1/secrets/mine").status()).isEqualTo(404);
    assertThat(other.get("/api/v1/secrets").json().get("secrets")).isEmpty();
    assertThat(acme.get("/api/v1/secrets/mine").status()).isEqualTo(200);
  }

  @Test
  void withoutToken_isUnauthorized() {
    ApiResponse response = APP.anonymous().get("/api/v1/secrets");

    assertThat(response.status()).isEqualTo(401);
    assertThat(response.code()).isEqualTo("UNAUTHORIZED");
  }

  @Test
  void resolve_errorsNameTheReference() {
    SecretService secrets = APP.service(SecretService.class);
    Scope project = Scope.project(acme.accountId(), "default", "app");
    acme.postMultipart(
        "/api/v1/secrets/file",
        Map.of("identifier", "cosign_password", "name", "P"),
        "file",
        new byte[] {1});

    assertThatThrownBy(() -> secrets.resolve(project, "account.missing_pw", SecretType.SecretText))
        .isInstanceOf(SecretException.class)
        .hasMessage("secret account.missing_pw not found");
    assertThatThrownBy(
            () -> secrets.resolve(project, "account.cosign_password", SecretType.SecretText))
        .hasMessage("secret account.cosign_password is a SecretFile but a SecretText is required");
    assertThatThrownBy(
            () ->
                secrets.resolve(
                    Scope.account(acme.accountId()), "project_only", SecretType.SecretText))
        .hasMessageContaining("project_only");
    assertThatThrownBy(() -> secrets.resolve(project, "account.bad-id", SecretType.SecretText))
        .hasMessageContaining("account.bad-id");
  }
}
