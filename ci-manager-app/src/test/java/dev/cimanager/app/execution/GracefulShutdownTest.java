package dev.cimanager.app.execution;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cimanager.app.testing.ApiClient;
import dev.cimanager.app.testing.BuildFixtures;
import dev.cimanager.app.testing.ExecutionFixtures;
import dev.cimanager.app.testing.TestApp;
import dev.cimanager.ssca.testing.IntegrationTest;
import dev.cimanager.ssca.testing.LocalRegistry;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Stopping an instance: running builds get {@code execution.shutdownGrace}, then fail naming the
 * instance; queued executions are left in the queue and run after the restart.
 */
@IntegrationTest
class GracefulShutdownTest {
  private static final LocalRegistry REGISTRY = LocalRegistry.start();

  @RegisterExtension
  static final TestApp APP =
      new TestApp()
          .pushingTo(REGISTRY)
          .with("execution.workers", "1")
          .with("execution.shutdownGrace", "1s")
          .with("execution.instanceId", "graceful-1");

  private static final Duration MAX_WAIT = Duration.ofMinutes(2);

  @TempDir static Path slowRepo;

  @Test
  void stop_failsTheRunningBuildAfterTheGrace_andLeavesTheQueuedOneToRunAfterTheRestart()
      throws Exception {
    ExecutionFixtures.commitSleepingImage(slowRepo, 89);
    ApiClient acme = APP.newAccount();
    BuildFixtures.project(acme, "demo");
    BuildFixtures.registryConnector(acme, "", "local_registry", REGISTRY.url());
    BuildFixtures.gitConnector(acme, "", "slow_repo", slowRepo.toUri());
    BuildFixtures.gitConnector(acme, "", "gone_repo", URI.create("http://127.0.0.1:1/app.git"));
    ExecutionFixtures.pipeline("slow", "slow_repo", "demo/slow", false).save(acme);
    ExecutionFixtures.pipeline("quick", "gone_repo", "demo/quick", false).save(acme);
    String running = ExecutionFixtures.started(acme, "slow");
    ExecutionFixtures.awaitStepRunning(acme, running, MAX_WAIT);
    String queued = ExecutionFixtures.started(acme, "quick");

    Instant stopping = Instant.now();
    APP.restart();
    acme = APP.client(acme.token());

    assertThat(Duration.between(stopping, Instant.now())).isLessThan(Duration.ofSeconds(60));
    JsonNode stopped = acme.get("/api/v1/executions/" + running).json();
    assertThat(stopped.get("status").asText()).isEqualTo("FAILED");
    assertThat(stopped.get("failureMessage").asText())
        .isEqualTo("instance graceful-1 stopped while running this execution");
    assertThat(stopped.at("/stages/0/steps/0/status").asText()).isEqualTo("FAILED");
    JsonNode ranLater = ExecutionFixtures.awaitEnd(acme, queued, MAX_WAIT);
    assertThat(ranLater.get("status").asText()).isEqualTo("FAILED");
    assertThat(ranLater.get("failureMessage").asText())
        .as("it ran (and could not clone)")
        .contains("tried to clone");
  }
}
