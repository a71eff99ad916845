package dev.cimanager.app.connectors;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.cimanager.app.accounts.Scope;
import dev.cimanager.app.config.AllowedPrivateHosts;
import dev.cimanager.app.config.InsecureRegistries;
import dev.cimanager.app.net.OutboundAddresses;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * "Test connection" applies the outbound address rules when it connects, not only when the
 * connector was saved: a name that now resolves to loopback (DNS changed, or rebinding) is not
 * reached, and a redirect to a refused address is not followed, for registries and Git alike. Real
 * HTTP servers on loopback count what reaches them; only 127.0.0.1:{redirector} is allowed.
 */
class ConnectionTesterOutboundTest {
  private static final String BODY = "INTERNAL_SERVICE_BODY_MUST_NOT_LEAK";

  private HttpServer internal;
  private HttpServer redirector;
  private final AtomicInteger internalRequests = new AtomicInteger();
  private final AtomicInteger redirectorRequests = new AtomicInteger();
  private ConnectionTester tester;

  @BeforeEach
  void start() throws IOException {
    internal = server();
    internal.createContext(
        "/",
        exchange -> {
          internalRequests.incrementAndGet();
          answer(exchange, 200, BODY);
        });
    internal.start();
    redirector = server();
    redirector.createContext(
        "/",
        exchange -> {
          redirectorRequests.incrementAndGet();
          exchange
              .getResponseHeaders()
              .add(
                  "Location",
                  "http://localhost:" + internal.getAddress().getPort() + exchange.getRequestURI());
          answer(exchange, 302, BODY);
        });
    redirector.start();
    OutboundAddresses outbound =
        new OutboundAddresses(
            AllowedPrivateHosts.parse("127.0.0.1:" + redirector.getAddress().getPort()),
            InsecureRegistries.parse(""));
    // anonymous connectors never look up a secret, so the service needs no store
    tester = new ConnectionTester(new ConnectorService(null, null, null), outbound);
  }

  @AfterEach
  void stop() {
    internal.stop(0);
    redirector.stop(0);
  }

  @Test
  void registryWhoseHostNowResolvesToLoopback_isNotTested_andNothingReachesIt() {
    ConnectionTester.Result result =
        tester.test(registry("http://localhost:" + internal.getAddress().getPort()));

    assertThat(result.ok()).isFalse();
    assertThat(result.message())
        .startsWith("Not tested: ")
        .contains("CI_MANAGER_ALLOWED_PRIVATE_HOSTS");
    assertThat(internalRequests).hasValue(0);
  }

  @Test
  void gitRepositoryWhoseHostNowResolvesToLoopback_isNotTested_andNothingReachesIt() {
    ConnectionTester.Result result =
        tester.test(git("http://localhost:" + internal.getAddress().getPort() + "/repo.git"));

    assertThat(result.ok()).isFalse();
    assertThat(result.message()).startsWith("Not tested: ");
    assertThat(internalRequests).hasValue(0);
  }

  @Test
  void registryRedirectToARefusedHost_isNotFollowed() {
    ConnectionTester.Result result =
        tester.test(registry("http://127.0.0.1:" + redirector.getAddress().getPort()));

    assertThat(redirectorRequests.get()).isPositive();
    assertThat(internalRequests).hasValue(0);
    assertThat(result.ok()).isFalse();
    assertThat(result.message()).startsWith("Not tested: ").doesNotContain(BODY);
  }

  @Test
  void gitRedirectToARefusedHost_isNotFollowed() {
    ConnectionTester.Result result =
        tester.test(git("http://127.0.0.1:" + redirector.getAddress().getPort() + "/repo.git"));

    assertThat(redirectorRequests.get()).isPositive();
    assertThat(internalRequests).hasValue(0);
    assertThat(result.ok()).isFalse();
    assertThat(result.message()).startsWith("Not tested: ").doesNotContain(BODY);
  }

  private static DockerRegistryConnector registry(String url) {
    return new DockerRegistryConnector(
        Scope.account("acme"),
        "reg",
        "reg",
        URI.create(url),
        "Other",
        new ConnectorAuth.Anonymous());
  }

  private static GitConnector git(String url) {
    return new GitConnector(
        Scope.account("acme"), "git", "git", URI.create(url), new ConnectorAuth.Anonymous());
  }

  private static HttpServer server() throws IOException {
    return HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
  }

  private static void answer(HttpExchange exchange, int status, String body) throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    exchange.sendResponseHeaders(status, bytes.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(bytes);
    }
  }
}
