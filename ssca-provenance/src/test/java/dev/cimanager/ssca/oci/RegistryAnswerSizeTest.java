package dev.cimanager.ssca.oci;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import dev.cimanager.ssca.spi.Digest;
import dev.cimanager.ssca.spi.RepositoryRef;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A registry that answers without end (a tenant's connector may name any host): the client stops
 * reading at its limit instead of filling the heap, and does not ask again.
 */
class RegistryAnswerSizeTest {
  private static HttpServer server;
  private static RepositoryRef repo;
  private static final AtomicInteger REQUESTS = new AtomicInteger();

  @BeforeAll
  static void start() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    // chunked, no Content-Length: only counting what arrives can stop it
    server.createContext(
        "/v2/demo/app/manifests/",
        exchange -> {
          REQUESTS.incrementAndGet();
          exchange.getResponseHeaders().set("Content-Type", ManifestMediaTypes.OCI_MANIFEST);
          endless(exchange, 0);
        });
    // a declared length beyond the limit is refused before reading
    server.createContext(
        "/v2/demo/app/blobs/",
        exchange -> {
          REQUESTS.incrementAndGet();
          endless(exchange, 1L << 40);
        });
    server.start();
    repo = RepositoryRef.parse("127.0.0.1:" + server.getAddress().getPort() + "/demo/app");
  }

  private static void endless(com.sun.net.httpserver.HttpExchange exchange, long length) {
    byte[] chunk = new byte[64 * 1024];
    try (OutputStream out = exchange.getResponseBody()) {
      exchange.sendResponseHeaders(200, length);
      for (long sent = 0; sent < 1L << 34; sent += chunk.length) {
        out.write(chunk);
      }
    } catch (IOException e) {
      // the client hung up: what this test wants
    }
  }

  @AfterAll
  static void stop() {
    server.stop(0);
  }

  private static RegistryClient client() {
    return new RegistryClients(RegistryConfig.defaults().withInsecureHosts(Set.of(repo.registry())))
        .forPull(repo, null);
  }

  @Test
  void endlessManifest_failsAtTheLimitWithoutRetrying() {
    REQUESTS.set(0);
    assertThatThrownBy(() -> client().pullManifest("latest"))
        .isInstanceOf(RegistryException.class)
        .hasMessageContaining("larger than " + BoundedBody.MAX_BYTES + " bytes");
    assertThat(REQUESTS.get()).isEqualTo(1);
  }

  @Test
  void blobDeclaringATerabyte_isRefusedBeforeItIsRead() {
    REQUESTS.set(0);
    assertThatThrownBy(() -> client().pullBlob(Digest.of(new byte[] {1})))
        .isInstanceOf(RegistryException.class)
        .hasMessageContaining("larger than " + BoundedBody.MAX_BYTES + " bytes");
    assertThat(REQUESTS.get()).isEqualTo(1);
  }
}
