package dev.cimanager.app.execution;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cimanager.app.testing.ApiClient;
import dev.cimanager.app.testing.ApiResponse;
import dev.cimanager.app.testing.BuildFixtures;
import dev.cimanager.app.testing.ExecutionFixtures;
import dev.cimanager.app.testing.HeldGitServer;
import dev.cimanager.app.testing.TestApp;
import dev.cimanager.app.testing.TestPipeline;
import dev.cimanager.ssca.testing.IntegrationTest;
import java.net.URI;
import java.time.Duration;
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
    try (HeldGitServer git = new HeldGitServer()) {
      ApiClient acme = APP.newAccount();
      BuildFixtures.demoProject(acme, URI.create("http://127.0.0.1:1"), git.url());
      TestPipeline.buildAndPush("build_app").save(acme);
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
      ExecutionFixtures.awaitEnd(acme, running.json().get("executionId").asText(), MAX_WAIT);
      ExecutionFixtures.awaitEnd(acme, queued.json().get("executionId").asText(), MAX_WAIT);
      ApiResponse afterwards = acme.postJson(path, "");
      assertThat(afterwards.status()).as(afterwards.toString()).isEqualTo(202);
      String afterwardsId = afterwards.json().get("executionId").asText();
      // the refused start took no sequence id
      assertThat(acme.get("/api/v1/executions/" + afterwardsId).json().get("sequenceId").asLong())
          .isEqualTo(3);
      ExecutionFixtures.awaitEnd(acme, afterwardsId, MAX_WAIT);
    }
  }
}
