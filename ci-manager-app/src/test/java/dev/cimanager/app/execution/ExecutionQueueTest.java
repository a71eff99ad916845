package dev.cimanager.app.execution;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cimanager.app.testing.ApiClient;
import dev.cimanager.app.testing.ApiResponse;
import dev.cimanager.app.testing.BuildFixtures;
import dev.cimanager.app.testing.TestApp;
import dev.cimanager.ssca.testing.IntegrationTest;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The bounded execution queue: one worker, one queued place. The worker is held by a clone from a
 * Git server that accepts the connection and never answers, so which execution runs and which waits
 * is certain.
 */
@IntegrationTest
class ExecutionQueueTest {

  @RegisterExtension
  static final TestApp APP =
      new TestApp().with("execution.workers", "1").with("execution.maxQueued", "1");

  private static final Duration MAX_WAIT = Duration.ofMinutes(1);

  @Test
  void start_queueFull_answers429AndStoresNothing() throws Exception {
    try (SilentGitServer git = new SilentGitServer()) {
      ApiClient acme = APP.newAccount();
      BuildFixtures.project(acme, "demo");
      BuildFixtures.registryConnector(acme, "", "local_registry", URI.create("http://127.0.0.1:1"));
      BuildFixtures.gitConnector(acme, "/orgs/default/projects/demo", "app_repo", git.url());
      ApiResponse saved =
          acme.putYaml("/api/v1/orgs/default/projects/demo/pipelines/build_app", PIPELINE);
      assertThat(saved.status()).as(saved.toString()).isIn(200, 201);
      String path = "/api/v1/orgs/default/projects/demo/pipelines/build_app/executions";

      ApiResponse running = acme.postJson(path, "");
      assertThat(git.connected.await(1, TimeUnit.MINUTES))
          .as("the first execution's clone connected")
          .isTrue();
      ApiResponse queued = acme.postJson(path, "");
      ApiResponse refused = acme.postJson(path, "");

      assertThat(running.status()).isEqualTo(202);
      assertThat(queued.status()).isEqualTo(202);
      assertThat(refused.status()).as(refused.toString()).isEqualTo(429);
      assertThat(refused.code()).isEqualTo("TOO_MANY_EXECUTIONS");
      assertThat(refused.message())
          .isEqualTo(
              "tried to queue the execution but 1 executions are already waiting "
                  + "for a worker (execution.maxQueued); try again when some have started");
      JsonNode listed = acme.get(path).json();
      assertThat(listed.findValuesAsText("executionId"))
          .containsExactlyInAnyOrder(
              running.json().get("executionId").asText(),
              queued.json().get("executionId").asText());

      git.release();
      awaitEnd(acme, running.json().get("executionId").asText());
      awaitEnd(acme, queued.json().get("executionId").asText());
      ApiResponse afterwards = acme.postJson(path, "");
      assertThat(afterwards.status()).as(afterwards.toString()).isEqualTo(202);
      String afterwardsId = afterwards.json().get("executionId").asText();
      // the refused start took no sequence id
      assertThat(acme.get("/api/v1/executions/" + afterwardsId).json().get("sequenceId").asLong())
          .isEqualTo(3);
      awaitEnd(acme, afterwardsId);
    }
  }

  private static void awaitEnd(ApiClient client, String executionId) throws InterruptedException {
    Instant deadline = Instant.now().plus(MAX_WAIT);
    while (Instant.now().isBefore(deadline)) {
      String status = client.get("/api/v1/executions/" + executionId).json().get("status").asText();
      if (!status.equals("QUEUED") && !status.equals("RUNNING")) {
        return;
      }
      Thread.sleep(100);
    }
    throw new AssertionError("execution " + executionId + " did not end within " + MAX_WAIT);
  }

  /**
   * Accepts HTTP connections and holds them unanswered until {@link #release()}; from then on it
   * answers every request, held or new, with 404, so the clones fail at once instead of depending
   * on how a reset connection is noticed.
   */
  private static final class SilentGitServer implements AutoCloseable {
    private static final byte[] NOT_FOUND =
        "HTTP/1.1 404 Not Found\r\nContent-Length: 0\r\nConnection: close\r\n\r\n"
            .getBytes(StandardCharsets.US_ASCII);

    final CountDownLatch connected = new CountDownLatch(1);
    private final ServerSocket server;
    private final List<Socket> held = new ArrayList<>();
    private boolean released;

    SilentGitServer() throws IOException {
      server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
      Thread acceptor =
          new Thread(
              () -> {
                try {
                  while (true) {
                    Socket socket = server.accept();
                    synchronized (this) {
                      if (released) {
                        answerNotFound(socket);
                      } else {
                        held.add(socket);
                      }
                    }
                    connected.countDown();
                  }
                } catch (IOException closed) {
                  // close() ends the loop
                }
              },
              "silent-git-server");
      acceptor.setDaemon(true);
      acceptor.start();
    }

    URI url() {
      return URI.create("http://127.0.0.1:" + server.getLocalPort() + "/app.git");
    }

    synchronized void release() {
      released = true;
      held.forEach(SilentGitServer::answerNotFound);
      held.clear();
    }

    private static void answerNotFound(Socket socket) {
      try (socket) {
        socket.getOutputStream().write(NOT_FOUND);
      } catch (IOException gone) {
        // the client already left
      }
    }

    @Override
    public void close() throws IOException {
      release();
      server.close();
    }
  }

  private static final String PIPELINE =
      """
      pipeline:
        identifier: build_app
        name: Build app
        orgIdentifier: default
        projectIdentifier: demo
        properties:
          ci:
            codebase:
              connectorRef: app_repo
              build:
                type: branch
                spec:
                  branch: main
        stages:
          - stage:
              identifier: build
              name: Build
              type: CI
              spec:
                cloneCodebase: true
                execution:
                  steps:
                    - step:
                        identifier: BuildAndPush
                        name: Build and Push
                        type: BuildAndPushDockerRegistry
                        spec:
                          connectorRef: account.local_registry
                          repo: demo/app
                          tags:
                            - "1.0"
      """;
}
