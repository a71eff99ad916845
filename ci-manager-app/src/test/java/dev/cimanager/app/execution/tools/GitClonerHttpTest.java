package dev.cimanager.app.execution.tools;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import dev.cimanager.app.config.AllowedPrivateHosts;
import dev.cimanager.app.config.InsecureRegistries;
import dev.cimanager.app.net.OutboundAddresses;
import dev.cimanager.app.pipelines.Codebase;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Git over HTTP aimed at an internal service: refused before connecting unless the host is allowed,
 * and when allowed, the failure names the status code and never repeats what the service answered.
 */
class GitClonerHttpTest {
  private static final String SECRET = "TOP-SECRET-ADMIN-PAGE";
  private final List<String> requests = new CopyOnWriteArrayList<>();
  private HttpServer internal;
  private HttpServer redirecting;
  private final StepLog log = new StepLog(line -> line);
  @TempDir Path workspace;

  @BeforeEach
  void start() throws Exception {
    internal = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    internal.createContext(
        "/",
        exchange -> {
          requests.add(exchange.getRequestURI().toString());
          byte[] body =
              (SECRET + "\n# service=git-upload-pack\n" + SECRET).getBytes(StandardCharsets.UTF_8);
          exchange
              .getResponseHeaders()
              .set("Content-Type", "application/x-git-upload-pack-advertisement");
          exchange.sendResponseHeaders(
              exchange.getRequestURI().getPath().contains("missing") ? 404 : 200, body.length);
          exchange.getResponseBody().write(body);
          exchange.close();
        });
    internal.start();
    redirecting = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    redirecting.createContext(
        "/",
        exchange -> {
          exchange
              .getResponseHeaders()
              .set("Location", "http://localhost:" + internal.getAddress().getPort() + "/x");
          exchange.sendResponseHeaders(302, -1);
          exchange.close();
        });
    redirecting.start();
  }

  @AfterEach
  void stop() {
    internal.stop(0);
    redirecting.stop(0);
  }

  private static GitCloner cloner(String allowed) {
    return new GitCloner(
        Duration.ofSeconds(10),
        new OutboundAddresses(AllowedPrivateHosts.parse(allowed), InsecureRegistries.parse("")));
  }

  private String url(String path) {
    return "http://127.0.0.1:" + internal.getAddress().getPort() + path;
  }

  @Test
  void notAllowed_isRefusedBeforeConnecting() {
    String url = url("/healthcheck?x=");

    assertThatThrownBy(
            () ->
                cloner("")
                    .cloneInto(
                        new GitSource(url, Codebase.BuildType.BRANCH, "main", null),
                        workspace,
                        log))
        .isInstanceOf(StepFailedException.class)
        .hasMessageContaining("CI_MANAGER_ALLOWED_PRIVATE_HOSTS");
    assertThat(requests).isEmpty();
  }

  @Test
  void allowed_butNotGit_namesTheStatus_neverTheBody() {
    String url = url("/healthcheck?x=");

    assertThatThrownBy(
            () ->
                cloner("127.0.0.1")
                    .cloneInto(
                        new GitSource(url, Codebase.BuildType.BRANCH, "main", null),
                        workspace,
                        log))
        .isInstanceOf(StepFailedException.class)
        .hasMessageContaining("HTTP 200")
        .hasMessageNotContaining(SECRET);
    assertThat(requests).isNotEmpty();
    assertThat(log.text()).doesNotContain(SECRET);
  }

  @Test
  void allowed_missing_saysNotFound() {
    assertThatThrownBy(
            () ->
                cloner("127.0.0.1")
                    .cloneInto(
                        new GitSource(url("/missing.git"), Codebase.BuildType.BRANCH, "main", null),
                        workspace,
                        log))
        .hasMessageContaining("the repository was not found (HTTP 404")
        .hasMessageNotContaining(SECRET);
  }

  @Test
  void redirectToAHostNotAllowed_isNotFollowed() {
    String url = "http://127.0.0.1:" + redirecting.getAddress().getPort() + "/repo.git";

    assertThatThrownBy(
            () ->
                cloner("127.0.0.1")
                    .cloneInto(
                        new GitSource(url, Codebase.BuildType.BRANCH, "main", null),
                        workspace,
                        log))
        .isInstanceOf(StepFailedException.class)
        .hasMessageNotContaining(SECRET);
    assertThat(requests).isEmpty();
  }
}
