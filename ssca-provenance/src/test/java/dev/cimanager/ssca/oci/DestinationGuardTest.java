package dev.cimanager.ssca.oci;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cimanager.ssca.spi.DestinationGuard;
import dev.cimanager.ssca.spi.DestinationRefusedException;
import dev.cimanager.ssca.spi.Digest;
import dev.cimanager.ssca.spi.RepositoryRef;
import java.net.URI;
import java.time.Duration;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The destination guard sees every request, redirects included; messages never repeat a server's
 * body.
 */
class DestinationGuardTest {
  private static final String MANIFEST =
      "{\"schemaVersion\":2,\"mediaType\":\"application/vnd.oci.image.manifest.v1+json\",\"layers\":[]}";

  /**
   * Refuses URLs whose host is {@code localhost} (the fakes listen on 127.0.0.1, which it allows).
   */
  private static final DestinationGuard NO_LOCALHOST =
      destination -> {
        if ("localhost".equals(destination.getHost())) {
          throw new DestinationRefusedException(destination.getHost() + " is not allowed");
        }
      };

  private static RegistryClients clients(FakeRegistry fake, DestinationGuard guard) {
    return new RegistryClients(
        RegistryConfig.defaults()
            .withInsecureHosts(
                Set.of(fake.hostPort(), "localhost:" + fake.hostPort().split(":")[1]))
            .withRetries(2, Duration.ofMillis(1))
            .withDestinationGuard(guard));
  }

  @Test
  void refusedDestination_isNeverContacted() {
    try (FakeRegistry fake =
        new FakeRegistry((exchange, n) -> FakeRegistry.send(exchange, 200, MANIFEST))) {
      RepositoryRef repo =
          RepositoryRef.parse("localhost:" + fake.hostPort().split(":")[1] + "/demo/app");

      assertThatThrownBy(() -> clients(fake, NO_LOCALHOST).forPull(repo, null).pullManifest("v1"))
          .isInstanceOf(RegistryException.class)
          .hasMessageContaining("localhost is not allowed");
      assertThat(fake.requests()).isEmpty();
    }
  }

  @Test
  void redirectToARefusedHost_isNotFollowed() {
    FakeRegistry[] target = new FakeRegistry[1];
    try (FakeRegistry inner =
            new FakeRegistry((exchange, n) -> FakeRegistry.send(exchange, 200, "metadata"));
        FakeRegistry fake =
            new FakeRegistry(
                (exchange, n) -> {
                  exchange
                      .getResponseHeaders()
                      .set(
                          "Location",
                          "http://localhost:"
                              + target[0].hostPort().split(":")[1]
                              + "/latest/meta-data");
                  FakeRegistry.send(exchange, 307, "");
                })) {
      target[0] = inner;
      RepositoryRef repo = RepositoryRef.parse(fake.hostPort() + "/demo/app");

      assertThatThrownBy(
              () ->
                  clients(fake, NO_LOCALHOST)
                      .forPull(repo, null)
                      .pullBlob(Digest.parse("sha256:" + "a".repeat(64))))
          .isInstanceOf(RegistryException.class)
          .hasMessageContaining("localhost is not allowed");
      assertThat(inner.requests()).isEmpty();
    }
  }

  @Test
  void allowedRedirect_isFollowed_withoutTheCredentialsOnAnotherHost() {
    FakeRegistry[] target = new FakeRegistry[1];
    try (FakeRegistry blobs =
            new FakeRegistry((exchange, n) -> FakeRegistry.send(exchange, 200, "blob"));
        FakeRegistry fake =
            new FakeRegistry(
                (exchange, n) -> {
                  exchange
                      .getResponseHeaders()
                      .set("Location", "http://" + target[0].hostPort() + "/signed-url");
                  FakeRegistry.send(exchange, 302, "");
                })) {
      target[0] = blobs;
      RepositoryRef repo = RepositoryRef.parse(fake.hostPort() + "/demo/app");
      Digest digest = Digest.of("blob".getBytes(java.nio.charset.StandardCharsets.UTF_8));

      assertThat(clients(fake, NO_LOCALHOST).forPull(repo, null).pullBlob(digest))
          .asString()
          .isEqualTo("blob");
      assertThat(blobs.requests())
          .extracting(FakeRegistry.Request::path)
          .containsExactly("/signed-url");
    }
  }

  @Test
  void errorMessages_keepTheCodes_butNeverTheServersText() {
    String body =
        "{\"errors\":[{\"code\":\"MANIFEST_INVALID\",\"message\":\"TOP-SECRET internal page\"},"
            + "{\"code\":\"<html>TOP-SECRET</html>\",\"message\":\"x\"}]}";
    try (FakeRegistry fake =
        new FakeRegistry((exchange, n) -> FakeRegistry.send(exchange, 400, body))) {
      RepositoryRef repo = RepositoryRef.parse(fake.hostPort() + "/demo/app");

      assertThatThrownBy(
              () ->
                  clients(fake, DestinationGuard.NONE)
                      .forPush(repo, null)
                      .pushManifest(
                          "v1", "application/vnd.oci.image.manifest.v1+json", MANIFEST.getBytes()))
          .isInstanceOf(RegistryException.class)
          .hasMessageContaining("MANIFEST_INVALID")
          .hasMessageContaining("400")
          .hasMessageNotContaining("TOP-SECRET");
    }
  }

  @Test
  void guardSeesTheFullUrl() {
    java.util.List<URI> seen = new java.util.concurrent.CopyOnWriteArrayList<>();
    try (FakeRegistry fake =
        new FakeRegistry((exchange, n) -> FakeRegistry.send(exchange, 404, ""))) {
      RepositoryRef repo = RepositoryRef.parse(fake.hostPort() + "/demo/app");

      clients(fake, seen::add).forPull(repo, null).pullManifest("v1");

      assertThat(seen).extracting(URI::getPath).containsExactly("/v2/demo/app/manifests/v1");
    }
  }
}
