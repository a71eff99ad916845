package dev.cimanager.app.accounts;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import dev.cimanager.app.testing.ApiClient;
import dev.cimanager.app.testing.ApiResponse;
import dev.cimanager.app.testing.TestApp;
import java.net.InetSocketAddress;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Tokens: create (optionally expiring), list without values, revoke. Two instances share one
 * MongoDB: a token revoked through one is refused by the other at once.
 */
class TokensApiTest {
  private static final MongoServer MONGO = new MongoServer(H2Backend.inMemory());
  private static final String MONGO_URI = uri(MONGO.bind());

  @RegisterExtension static final TestApp ONE = new TestApp().with("mongo.uri", MONGO_URI);
  @RegisterExtension static final TestApp TWO = new TestApp().with("mongo.uri", MONGO_URI);

  private static String uri(InetSocketAddress address) {
    return "mongodb://127.0.0.1:" + address.getPort() + "/?directConnection=true";
  }

  @AfterAll
  static void stopMongo() {
    MONGO.shutdownNow();
  }

  @Test
  void create_list_revoke_acrossInstances() {
    ApiClient acme = ONE.newAccount();
    ApiResponse created =
        acme.postJson("/api/v1/tokens", Map.of("name", "deploy bot", "expiresInDays", 30));
    assertThat(created.status()).as(created.toString()).isEqualTo(201);
    String value = created.json().get("token").asText();
    String id = created.json().get("id").asText();
    Instant expires = Instant.parse(created.json().get("expiresAt").asText());
    assertThat(expires)
        .isBetween(Instant.now().plusSeconds(29 * 86400), Instant.now().plusSeconds(31 * 86400));

    ApiClient bot = TWO.client(value);
    assertThat(bot.get("/api/v1/me").json().get("accountIdentifier").asText())
        .isEqualTo(acme.accountId());
    ApiResponse list = acme.get("/api/v1/tokens");
    assertThat(list.status()).isEqualTo(200);
    assertThat(list.body()).doesNotContain(value).doesNotContain(TokenStore.hash(value));
    JsonNode listed = null;
    for (JsonNode token : list.json().get("tokens")) {
      assertThat(token.has("token")).isFalse();
      if (token.get("id").asText().equals(id)) {
        listed = token;
      }
    }
    assertThat(listed).isNotNull();
    assertThat(listed.get("name").asText()).isEqualTo("deploy bot");
    assertThat(listed.get("createdAt").asText()).isNotEmpty();
    assertThat(listed.get("lastUsedAt").asText()).isNotEmpty();
    assertThat(list.json().get("tokens").size()).isEqualTo(2); // and the account's creation token

    assertThat(acme.delete("/api/v1/tokens/" + id).status()).isEqualTo(204);

    ApiResponse refused = bot.get("/api/v1/me");
    assertThat(refused.status()).isEqualTo(401);
    assertThat(ONE.client(value).get("/api/v1/me").status()).isEqualTo(401);
    assertThat(acme.delete("/api/v1/tokens/" + id).code()).isEqualTo("TOKEN_NOT_FOUND");
  }

  @Test
  void expiredToken_is401() throws Exception {
    ApiClient acme = ONE.newAccount();
    String soon = Instant.now().plusSeconds(2).toString();
    ApiResponse created =
        acme.postJson("/api/v1/tokens", Map.of("name", "short", "expiresAt", soon));
    assertThat(created.status()).as(created.toString()).isEqualTo(201);
    ApiClient shortLived = TWO.client(created.json().get("token").asText());
    assertThat(shortLived.get("/api/v1/me").status()).isEqualTo(200);

    Thread.sleep(
        Math.max(0, Instant.parse(soon).toEpochMilli() - System.currentTimeMillis()) + 100);

    ApiResponse expired = shortLived.get("/api/v1/me");
    assertThat(expired.status()).isEqualTo(401);
    assertThat(expired.code()).isEqualTo("UNAUTHORIZED");
  }

  @Test
  void anExpiringToken_cannotMintOneThatOutlivesIt() {
    ApiClient acme = ONE.newAccount();
    ApiResponse parent =
        acme.postJson("/api/v1/tokens", Map.of("name", "ci job", "expiresInDays", 1));
    // stored to the millisecond
    Instant parentExpiry =
        Instant.parse(parent.json().get("expiresAt").asText()).truncatedTo(ChronoUnit.MILLIS);
    ApiClient leaked = ONE.client(parent.json().get("token").asText());

    ApiResponse forever = leaked.postJson("/api/v1/tokens", Map.of("name", "persistence"));
    ApiResponse longer =
        leaked.postJson("/api/v1/tokens", Map.of("name", "longer", "expiresInDays", 365));
    ApiResponse shorter =
        leaked.postJson(
            "/api/v1/tokens",
            Map.of("name", "shorter", "expiresAt", Instant.now().plusSeconds(3600).toString()));

    assertThat(forever.status()).as(forever.toString()).isEqualTo(201);
    assertThat(Instant.parse(forever.json().get("expiresAt").asText())).isEqualTo(parentExpiry);
    assertThat(Instant.parse(longer.json().get("expiresAt").asText())).isEqualTo(parentExpiry);
    assertThat(Instant.parse(shorter.json().get("expiresAt").asText())).isBefore(parentExpiry);
    // a token without expiry still creates tokens without expiry
    assertThat(
            acme.postJson("/api/v1/tokens", Map.of("name", "free"))
                .json()
                .get("expiresAt")
                .isNull())
        .isTrue();
  }

  @Test
  void anotherAccountsToken_cannotBeRevoked() {
    ApiClient acme = ONE.newAccount();
    ApiClient other = ONE.newAccount();
    String id = acme.postJson("/api/v1/tokens", Map.of("name", "mine")).json().get("id").asText();

    ApiResponse response = other.delete("/api/v1/tokens/" + id);

    assertThat(response.status()).isEqualTo(404);
    assertThat(response.code()).isEqualTo("TOKEN_NOT_FOUND");
    assertThat(acme.get("/api/v1/tokens").body()).contains(id);
  }

  @Test
  void aTokenStoredWithoutId_getsOneWhenListed_andCanBeRevoked() {
    ApiClient acme = ONE.newAccount();
    String legacy = "cim_legacy-" + acme.accountId();
    ONE.service(com.mongodb.client.MongoDatabase.class)
        .getCollection("tokens")
        .insertOne(
            new org.bson.Document("_id", TokenStore.hash(legacy))
                .append("accountId", acme.accountId())
                .append("userName", "Old")
                .append("userEmail", "old@example.com"));
    assertThat(ONE.client(legacy).get("/api/v1/me").status()).isEqualTo(200);

    String id = null;
    for (JsonNode token : acme.get("/api/v1/tokens").json().get("tokens")) {
      assertThat(token.get("id").isNull()).isFalse();
      if (token.get("name").isNull()) {
        id = token.get("id").asText();
      }
    }

    assertThat(id).isNotNull();
    assertThat(acme.delete("/api/v1/tokens/" + id).status()).isEqualTo(204);
    assertThat(TWO.client(legacy).get("/api/v1/me").status()).isEqualTo(401);
  }

  @Test
  void badRequests_nameTheField() {
    ApiClient acme = ONE.newAccount();
    assertBad(acme, Map.of("expiresInDays", 3), "name");
    assertBad(acme, Map.of("name", "x", "expiresInDays", 0), "expiresInDays");
    assertBad(acme, Map.of("name", "x", "expiresInDays", 100000), "expiresInDays");
    assertBad(acme, Map.of("name", "x", "expiresAt", "tomorrow"), "expiresAt");
    assertBad(acme, Map.of("name", "x", "expiresAt", "2001-01-01T00:00:00Z"), "expiresAt");
    assertBad(
        acme,
        Map.of("name", "x", "expiresAt", "2999-01-01T00:00:00Z", "expiresInDays", 3),
        "expiresAt");
    assertThat(acme.get("/api/v1/tokens").json().get("tokens").size()).isEqualTo(1);
    assertThat(ONE.anonymous().get("/api/v1/tokens").status()).isEqualTo(401);
  }

  private static void assertBad(ApiClient client, Map<String, Object> body, String field) {
    ApiResponse response = client.postJson("/api/v1/tokens", body);
    assertThat(response.status()).as(response.toString()).isEqualTo(400);
    assertThat(response.message()).contains(field);
  }
}
