package dev.cimanager.ssca.oci;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cimanager.ssca.spi.Credentials;
import dev.cimanager.ssca.spi.Digest;
import dev.cimanager.ssca.spi.RepositoryRef;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Token handshake, retries and the insecure-host rule, against scripted HTTP servers. */
class RegistryClientTest {
  private static final String MANIFEST =
      "{\"schemaVersion\":2,\"mediaType\":\"application/vnd.oci.image.manifest.v1+json\",\"layers\":[]}";
  private static final Credentials CREDS = new Credentials("ci", "s3cret");

  private static RegistryClients clientsFor(FakeRegistry fake) {
    return new RegistryClients(
        RegistryConfig.defaults()
            .withInsecureHosts(Set.of(fake.hostPort()))
            .withRetries(3, Duration.ofMillis(1)));
  }

  private static FakeRegistry tokenRegistry() {
    String basic =
        "Basic " + Base64.getEncoder().encodeToString("ci:s3cret".getBytes(StandardCharsets.UTF_8));
    FakeRegistry[] self = new FakeRegistry[1];
    self[0] =
        new FakeRegistry(
            (exchange, n) -> {
              String path = exchange.getRequestURI().getPath();
              String auth = exchange.getRequestHeaders().getFirst("Authorization");
              if (path.equals("/token")) {
                boolean scoped =
                    exchange
                        .getRequestURI()
                        .getQuery()
                        .equals("service=fake-registry&scope=repository:demo/app:pull");
                FakeRegistry.send(
                    exchange,
                    basic.equals(auth) && scoped ? 200 : 401,
                    basic.equals(auth) && scoped
                        ? "{\"token\":\"tok-" + n + "\",\"expires_in\":300}"
                        : "");
              } else if ("Bearer tok-0".equals(auth)) {
                exchange
                    .getResponseHeaders()
                    .set("Content-Type", "application/vnd.oci.image.manifest.v1+json");
                FakeRegistry.send(exchange, 200, MANIFEST);
              } else {
                exchange
                    .getResponseHeaders()
                    .set(
                        "WWW-Authenticate",
                        "Bearer realm=\"http://"
                            + self[0].hostPort()
                            + "/token\",service=\"fake-registry\",scope=\"repository:demo/app:pull\"");
                FakeRegistry.send(
                    exchange,
                    401,
                    "{\"errors\":[{\"code\":\"UNAUTHORIZED\",\"message\":\"authentication required\"}]}");
              }
            });
    return self[0];
  }

  @Test
  void pullManifest_bearerChallenge_fetchesOneTokenWithBasicCredentialsAndReusesIt() {
    try (FakeRegistry fake = tokenRegistry()) {
      RegistryClients clients = clientsFor(fake);
      RepositoryRef repo = RepositoryRef.parse(fake.hostPort() + "/demo/app");

      assertThat(clients.forPull(repo, CREDS).pullManifest("v1")).isPresent();
      assertThat(clients.forPull(repo, CREDS).pullManifest("v2")).isPresent();

      assertThat(fake.count("GET", "/token")).isEqualTo(1);
      // one anonymous attempt answered by the challenge, then both pulls with the cached token
      assertThat(fake.requests())
          .extracting(FakeRegistry.Request::authorization)
          .containsExactly(null, "Basic Y2k6czNjcmV0", "Bearer tok-0", "Bearer tok-0");
    }
  }

  @Test
  void pullManifest_tokenServiceRefusesCredentials_namesRegistryAndUserButNotPassword() {
    try (FakeRegistry fake = tokenRegistry()) {
      RepositoryRef repo = RepositoryRef.parse(fake.hostPort() + "/demo/app");

      assertThatThrownBy(
              () ->
                  clientsFor(fake)
                      .forPull(repo, new Credentials("ci", "wrong-pass"))
                      .pullManifest("v1"))
          .isInstanceOf(RegistryException.class)
          .hasMessage(
              "tried to pull manifest v1 from "
                  + repo
                  + " but failed because registry "
                  + fake.hostPort()
                  + " refused the credentials of user 'ci' for repository:demo/app:pull (HTTP 401 from the token service)")
          .hasMessageNotContaining("wrong-pass")
          .extracting(e -> ((RegistryException) e).statusCode())
          .isEqualTo(401);
    }
  }

  @Test
  void pullManifest_503ThenSuccess_retriesTheGet() {
    try (FakeRegistry fake =
        new FakeRegistry(
            (exchange, n) ->
                FakeRegistry.send(exchange, n == 0 ? 503 : 200, n == 0 ? "" : MANIFEST))) {
      RepositoryRef repo = RepositoryRef.parse(fake.hostPort() + "/demo/app");

      assertThat(clientsFor(fake).forPull(repo, null).pullManifest("v1")).isPresent();

      assertThat(fake.count("GET", "/v2/demo/app/manifests/v1")).isEqualTo(2);
    }
  }

  @Test
  void pullManifest_503Always_givesUpAfterMaxAttempts() {
    try (FakeRegistry fake =
        new FakeRegistry(
            (exchange, n) ->
                FakeRegistry.send(
                    exchange,
                    503,
                    "{\"errors\":[{\"code\":\"UNAVAILABLE\",\"message\":\"maintenance\"}]}"))) {
      RepositoryRef repo = RepositoryRef.parse(fake.hostPort() + "/demo/app");

      assertThatThrownBy(() -> clientsFor(fake).forPull(repo, null).pullManifest("v1"))
          .isInstanceOf(RegistryException.class)
          .hasMessage(
              "tried to pull manifest v1 from "
                  + repo
                  + " but failed because the registry answered HTTP 503 (UNAVAILABLE)");
      assertThat(fake.count("GET", "/v2/demo/app/manifests/v1")).isEqualTo(3);
    }
  }

  @Test
  void pullManifest_404_isEmpty() {
    try (FakeRegistry fake =
        new FakeRegistry((exchange, n) -> FakeRegistry.send(exchange, 404, ""))) {
      RepositoryRef repo = RepositoryRef.parse(fake.hostPort() + "/demo/app");

      assertThat(clientsFor(fake).forPull(repo, null).pullManifest("v1")).isEmpty();
    }
  }

  @Test
  void pushBlob_postAnswers503_isNotRetried() {
    try (FakeRegistry fake =
        new FakeRegistry((exchange, n) -> FakeRegistry.send(exchange, 503, ""))) {
      RepositoryRef repo = RepositoryRef.parse(fake.hostPort() + "/demo/app");
      byte[] blob = "blob".getBytes(StandardCharsets.UTF_8);

      assertThatThrownBy(() -> clientsFor(fake).forPush(repo, null).pushBlob(Digest.of(blob), blob))
          .isInstanceOf(RegistryException.class)
          .hasMessage(
              "tried to push blob "
                  + Digest.of(blob)
                  + " to "
                  + repo
                  + " but failed because the registry answered HTTP 503")
          .extracting(e -> ((RegistryException) e).statusCode())
          .isEqualTo(503);
      assertThat(fake.requests()).hasSize(1);
    }
  }

  @Test
  void pushBlob_uploadPutAnswers503Once_retriesOnlyThePut() {
    try (FakeRegistry fake =
        new FakeRegistry(
            (exchange, n) -> {
              if (exchange.getRequestMethod().equals("POST")) {
                exchange
                    .getResponseHeaders()
                    .set("Location", "/v2/demo/app/blobs/uploads/session-1?_state=abc");
                FakeRegistry.send(exchange, 202, "");
              } else {
                FakeRegistry.send(exchange, n == 0 ? 503 : 201, "");
              }
            })) {
      RepositoryRef repo = RepositoryRef.parse(fake.hostPort() + "/demo/app");
      byte[] blob = "blob".getBytes(StandardCharsets.UTF_8);

      clientsFor(fake).forPush(repo, null).pushBlob(Digest.of(blob), blob);

      assertThat(fake.requests())
          .extracting(r -> r.method() + " " + r.path())
          .containsExactly(
              "POST /v2/demo/app/blobs/uploads/",
              "PUT /v2/demo/app/blobs/uploads/session-1",
              "PUT /v2/demo/app/blobs/uploads/session-1");
    }
  }
}
