package dev.cimanager.app.net;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import dev.cimanager.app.testing.ApiClient;
import dev.cimanager.app.testing.ApiResponse;
import dev.cimanager.app.testing.BuildFixtures;
import dev.cimanager.app.testing.TestApp;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Connectors may not point into the server's own network (its admin port, MongoDB, cloud metadata)
 * unless the operator allows the host: CI_MANAGER_ALLOWED_PRIVATE_HOSTS lists {@code
 * localhost:5999}, and the insecure registry {@code 127.0.0.1:5998} counts as allowed.
 */
class PrivateAddressApiTest {
  @RegisterExtension
  static final TestApp APP =
      new TestApp()
          .with("allowedPrivateHosts", "localhost:5999")
          .with("insecureRegistries", "127.0.0.1:5998");

  private static ApiClient acme;
  private static HttpServer internal;
  private static final AtomicInteger HITS = new AtomicInteger();

  @BeforeAll
  static void start() throws Exception {
    acme = APP.newAccount();
    internal = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    internal.createContext(
        "/",
        exchange -> {
          HITS.incrementAndGet();
          byte[] body = "TOP-SECRET-ADMIN-PAGE".getBytes();
          exchange.sendResponseHeaders(200, body.length);
          exchange.getResponseBody().write(body);
          exchange.close();
        });
    internal.start();
  }

  @AfterAll
  static void stop() {
    internal.stop(0);
  }

  private static ApiResponse git(String identifier, String url) {
    return acme.postJson("/api/v1/connectors", BuildFixtures.gitConnectorBody(identifier, url));
  }

  private static ApiResponse registry(String identifier, String url) {
    return acme.postJson(
        "/api/v1/connectors", BuildFixtures.registryConnectorBody(identifier, url));
  }

  @Test
  void internalDestinations_areRefusedAtSave_withoutContactingThem() {
    String admin = "http://127.0.0.1:" + internal.getAddress().getPort() + "/healthcheck?x=";
    ApiResponse[] refused = {
      git("admin_port", admin),
      git("by_name", "http://localhost:" + internal.getAddress().getPort() + "/repo.git"),
      git("ipv6", "http://[::1]:8081/repo.git"),
      registry("metadata", "http://169.254.169.254"),
      registry("private_net", "https://10.20.30.40:5000"),
      registry("unspecified", "http://0.0.0.0:5000"),
    };

    for (ApiResponse response : refused) {
      assertThat(response.status()).as(response.toString()).isEqualTo(400);
      assertThat(response.code()).isEqualTo("ADDRESS_NOT_ALLOWED");
      assertThat(response.message())
          .containsAnyOf("spec.url", "spec.dockerRegistryUrl")
          .contains("CI_MANAGER_ALLOWED_PRIVATE_HOSTS")
          .doesNotContain("TOP-SECRET");
    }
    assertThat(HITS.get()).isZero();
    assertThat(acme.get("/api/v1/connectors/admin_port").status()).isEqualTo(404);
  }

  @Test
  void allowedHosts_andInsecureRegistries_areAccepted() {
    assertThat(git("allowed", "http://localhost:5999/repo.git").status()).isEqualTo(201);
    assertThat(registry("insecure", "http://127.0.0.1:5998").status()).isEqualTo(201);
    assertThat(registry("public", "https://203.0.113.7").status()).isEqualTo(201);
  }
}
